/**
 * The wizard's step schemas by step id, shared by the browser and the server, and the mapping from
 * zod issues to the API's `fields`. The steps' field lists (facts/index.ts) are re-exported here.
 */
import { z } from "zod";
import { type StepId } from "@/schemas/facts/index";
import { type IdentitySchemaOptions, identitySchema, makeIdentitySchema } from "@/schemas/identity";
import { captchaSchema } from "@/schemas/captcha";
import { documentsSchema } from "@/schemas/documents";
import { makePasswordSchema, passwordContextFrom, passwordSchema } from "@/schemas/password";
import { reviewSchema } from "@/schemas/review";

export * from "@/schemas/facts/index";

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
