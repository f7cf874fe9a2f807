/**
 * The wizard's step schemas by step id, shared by the browser and the server, the fields of each
 * step as the schemas declare them, and the mapping from zod issues to the API's `fields`.
 */
import { z } from "zod";
import { FORM_STEP_IDS, type FormStepId } from "@/domain/registration/steps";
import { type IdentitySchemaOptions, IDENTITY_FIELDS, identitySchema, makeIdentitySchema } from "@/schemas/identity";
import { CAPTCHA_FIELDS, captchaSchema } from "@/schemas/captcha";
import { DOCUMENT_FIELDS, documentsSchema } from "@/schemas/documents";
import { PASSWORD_FIELDS, makePasswordSchema, passwordContextFrom, passwordSchema } from "@/schemas/password";
import { REVIEW_FIELDS, reviewSchema } from "@/schemas/review";

/** The steps with a schema: the step graph's form steps (one list, in domain/registration/steps.ts). */
export const STEP_IDS = FORM_STEP_IDS;
export type StepId = FormStepId;

/**
 * Default schemas (CPNS 2023 closing date; password without identity context). A server that
 * validates the password step should use `makePasswordSchema(passwordContextFrom(identity))`.
 */
export const STEP_SCHEMAS = {
  identity: identitySchema,
  documents: documentsSchema,
  password: passwordSchema,
  captcha: captchaSchema,
  review: reviewSchema,
} as const satisfies Record<StepId, z.ZodType>;

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

/** A field of step `S`, as its schema names it. */
export type StepField<S extends StepId> = keyof z.input<(typeof STEP_SCHEMAS)[S]> & string;

/** Each step's fields, in the form's order (read from the schemas). */
export const STEP_FIELDS: { readonly [S in StepId]: readonly StepField<S>[] } = {
  identity: IDENTITY_FIELDS,
  documents: DOCUMENT_FIELDS,
  password: PASSWORD_FIELDS,
  captcha: CAPTCHA_FIELDS,
  review: REVIEW_FIELDS,
};

const STEP_OF_FIELD = new Map<string, StepId>(STEP_IDS.flatMap((step) => STEP_FIELDS[step].map((field) => [field, step] as const)));

/** The step whose form holds `field` (a name from the API's `fields`), if any. */
export function stepOfField(field: string): StepId | undefined {
  return STEP_OF_FIELD.get(field);
}

/** The multipart text fields of `POST /api/registrations` (SPEC "HTTP API"); the photos come as files. */
export const REGISTRATION_TEXT_FIELDS = [...IDENTITY_FIELDS, ...PASSWORD_FIELDS, ...CAPTCHA_FIELDS] as const;

export { FORM_ERROR_KEY, zodIssuesToFieldErrors } from "@/schemas/field-errors";

/**
 * Every text field of the final submission (identity + password + captcha), checked together so
 * the password is judged against the submitted NIK, KK, birth date and name. The photos arrive as
 * files and are checked by the server separately.
 */
export function makeRegistrationFieldsSchema(options: IdentitySchemaOptions) {
  const identity = makeIdentitySchema(options);
  return z.unknown().transform((data, ctx) => {
    const results = [
      identity.safeParse(data),
      makePasswordSchema(passwordContextFrom(data)).safeParse(data),
      captchaSchema.safeParse(data),
    ] as const;
    for (const result of results) {
      for (const issue of result.error?.issues ?? []) {
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      }
    }
    const [id, password, captcha] = results;
    if (!id.success || !password.success || !captcha.success) return z.NEVER;
    return { ...id.data, ...password.data, ...captcha.data };
  });
}

export type RegistrationFields = z.output<ReturnType<typeof makeRegistrationFieldsSchema>>;
