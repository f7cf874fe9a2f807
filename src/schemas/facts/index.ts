/**
 * The wizard's steps and the fields of each, without zod: what a page needs to place a message by
 * its field and step. The schemas (src/schemas/index.ts) re-export this and hold their shapes to
 * these lists (ADR 0020).
 */
import { FORM_STEP_IDS, type FormStepId } from "@/domain/registration/steps";
import { CAPTCHA_FIELDS } from "@/schemas/facts/captcha";
import { DOCUMENT_FIELDS } from "@/schemas/facts/documents";
import { IDENTITY_FIELDS } from "@/schemas/facts/identity";
import { PASSWORD_FIELDS } from "@/schemas/facts/password";
import { REVIEW_FIELDS } from "@/schemas/facts/review";

/** The steps with a schema: the step graph's form steps (one list, in domain/registration/steps.ts). */
export const STEP_IDS = FORM_STEP_IDS;
export type StepId = FormStepId;

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

/** Each step's fields, in the form's order. */
export const STEP_FIELDS = {
  identity: IDENTITY_FIELDS,
  documents: DOCUMENT_FIELDS,
  password: PASSWORD_FIELDS,
  captcha: CAPTCHA_FIELDS,
  review: REVIEW_FIELDS,
} as const satisfies Record<StepId, readonly string[]>;

/** A field of step `S`. */
export type StepField<S extends StepId> = (typeof STEP_FIELDS)[S][number];

const STEP_OF_FIELD = new Map<string, StepId>(STEP_IDS.flatMap((step) => STEP_FIELDS[step].map((field) => [field, step] as const)));

/** The step whose form holds `field` (a name from the API's `fields`), if any. */
export function stepOfField(field: string): StepId | undefined {
  return STEP_OF_FIELD.get(field);
}

/** The multipart text fields of `POST /api/registrations` (SPEC "HTTP API"); the photos come as files. */
export const REGISTRATION_TEXT_FIELDS = [...IDENTITY_FIELDS, ...PASSWORD_FIELDS, ...CAPTCHA_FIELDS] as const;
