/**
 * The pure part of the step forms (use-step-form.ts holds the state): what a step shows for its
 * errors, messages by field and summary items. A refusal without `fields` is attached to the field
 * its code is about (schemas/error-places.ts) or shown as a form message.
 */
import { type z } from "zod";
import { type ErrorCode, type FieldErrors } from "@/domain/errors";
import { type ApiError } from "@/lib/api-client";
import { type SummaryItem } from "@/components/registration/error-summary";
import { errorPlace } from "@/schemas/error-places";
import { zodIssuesToFieldErrors } from "@/schemas/field-errors";

/** Extra guidance for refusals the applicant can only fix outside the form. */
export const ERROR_ADVICE: Partial<Record<ErrorCode, string>> = {
  DUKCAPIL_MISMATCH:
    "Periksa kembali NIK, nomor KK, nama lengkap, dan tanggal lahir sesuai KTP dan Kartu Keluarga. Jika semuanya sudah sesuai, hubungi Dinas Kependudukan dan Pencatatan Sipil (Dukcapil) setempat untuk memastikan data Anda.",
  NIK_NOT_FOUND:
    "Pastikan NIK sama persis dengan yang tertera di KTP. Jika sudah benar, hubungi Dinas Dukcapil setempat untuk memastikan NIK Anda sudah terdata.",
  NIK_ALREADY_REGISTERED:
    "Satu NIK hanya dapat membuat satu akun. Jika Anda sudah pernah membuat akun, masuk dengan NIK dan kata sandi Anda; jika lupa kata sandi, gunakan fitur lupa kata sandi.",
  RATE_LIMITED: "Tunggu beberapa saat sebelum mencoba lagi.",
};

export function adviceFor(code: ApiError["code"]): string | undefined {
  return Object.hasOwn(ERROR_ADVICE, code) ? ERROR_ADVICE[code as ErrorCode] : undefined;
}

/** A refusal as a step receives it: from its own "Lanjutkan", or handed on by the review. */
export type Refusal = Pick<ApiError, "code" | "message" | "fields">;

/** `summary`: the problems, each counted; `advice`: guidance beside them, never counted as a problem. */
export type StepRefusal = { fields: FieldErrors; summary: SummaryItem[]; advice: string[] };

/**
 * `stepFields`: the fields of the step, in the order they appear; `anchorField`: where a message
 * about no particular field should link to (e.g. the NIK for a Dukcapil mismatch).
 */
export function refusalFromApiError(error: Refusal, stepFields: readonly string[], anchorField?: string): StepRefusal {
  const fields: FieldErrors = {};
  const summary: SummaryItem[] = [];
  const named = error.fields ?? {};
  const known = Object.keys(named).filter((key) => stepFields.includes(key));
  const placed = errorPlace(error.code)?.field;
  if (known.length === 0 && placed && stepFields.includes(placed)) {
    fields[placed] = [error.message];
  } else {
    for (const key of known) fields[key] = named[key] ?? [];
    const others = Object.entries(named).filter(([key]) => !stepFields.includes(key)).flatMap(([, messages]) => messages);
    if (known.length === 0) summary.push({ message: error.message, ...(anchorField ? { field: anchorField } : {}) });
    for (const message of others) summary.push({ message });
  }
  for (const field of stepFields) for (const message of fields[field] ?? []) summary.push({ message, field });
  const advice = adviceFor(error.code);
  return { fields, summary, advice: advice ? [advice] : [] };
}

/** Summary items for client-side field errors, in the step's field order. */
export function summaryFromFields(fields: FieldErrors, stepFields: readonly string[]): SummaryItem[] {
  return stepFields.flatMap((field) => (fields[field] ?? []).map((message) => ({ message, field })));
}

/**
 * The messages by one field: the browser's own (once the field was touched) and the server's or a
 * control's, each once; undefined when there are none.
 */
export function fieldMessages(
  field: string,
  state: { touched: ReadonlySet<string>; clientFields: FieldErrors; serverFields: FieldErrors },
): string[] | undefined {
  const client = state.touched.has(field) ? (state.clientFields[field] ?? []) : [];
  const messages = [...client, ...(state.serverFields[field] ?? [])];
  return messages.length ? [...new Set(messages)] : undefined;
}

/** `fields` with `field` set to `messages`, or without it (none). */
export function withFieldErrors(fields: FieldErrors, field: string, messages: readonly string[] = []): FieldErrors {
  const { [field]: _old, ...rest } = fields;
  return messages.length ? { ...rest, [field]: [...messages] } : rest;
}

/** The browser's own messages for the current answers. */
export function clientFieldErrors(schema: z.ZodType, data: unknown): FieldErrors {
  const result = schema.safeParse(data);
  return result.success ? {} : zodIssuesToFieldErrors(result.error);
}

/** A field counts as touched once it is left with something in it. */
export function isFilled(value: unknown): boolean {
  return value !== "" && value !== null && value !== undefined;
}
