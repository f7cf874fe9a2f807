/**
 * Turning refusals into what a step shows: messages by field, and summary items. Server errors
 * without `fields` are attached to the field they are about (by code) or shown as form messages.
 */
import { type FieldErrors } from "@/domain/errors";
import { type ApiError } from "@/lib/api-client";
import { type SummaryItem } from "@/components/registration/error-summary";


/** Codes whose error is about one field even when the server names none. */
const FIELD_OF_CODE: Record<string, string> = {
  AGENCY_FORMATION_NOT_VERIFIED: "agencyCode",
  AGENCY_NOT_FOUND: "agencyCode",
  NIK_NOT_FOUND: "nik",
  NIK_ALREADY_REGISTERED: "nik",
  EMAIL_ALREADY_REGISTERED: "email",
  PHONE_ALREADY_REGISTERED: "phone",
  CAPTCHA_INVALID: "captchaAnswer",
};

/** Extra guidance for refusals the applicant can only fix outside the form. */
export const ERROR_ADVICE: Record<string, string> = {
  DUKCAPIL_MISMATCH:
    "Periksa kembali NIK, nomor KK, nama lengkap, dan tanggal lahir sesuai KTP dan Kartu Keluarga. Jika semuanya sudah sesuai, hubungi Dinas Kependudukan dan Pencatatan Sipil (Dukcapil) setempat untuk memastikan data Anda.",
  NIK_NOT_FOUND:
    "Pastikan NIK sama persis dengan yang tertera di KTP. Jika sudah benar, hubungi Dinas Dukcapil setempat untuk memastikan NIK Anda sudah terdata.",
  NIK_ALREADY_REGISTERED:
    "Satu NIK hanya dapat membuat satu akun. Jika Anda sudah pernah membuat akun, masuk dengan NIK dan kata sandi Anda; jika lupa kata sandi, gunakan fitur lupa kata sandi.",
  RATE_LIMITED: "Tunggu beberapa saat sebelum mencoba lagi.",
};

export type StepRefusal = { fields: FieldErrors; summary: SummaryItem[] };

/**
 * `stepFields`: the fields of the step, in the order they appear; `anchorField`: where a message
 * about no particular field should link to (e.g. the NIK for a Dukcapil mismatch).
 */
export function refusalFromApiError(error: ApiError, stepFields: readonly string[], anchorField?: string): StepRefusal {
  const fields: FieldErrors = {};
  const summary: SummaryItem[] = [];
  const named = error.fields ?? {};
  const known = Object.keys(named).filter((key) => stepFields.includes(key));
  if (known.length === 0 && FIELD_OF_CODE[error.code] && stepFields.includes(FIELD_OF_CODE[error.code] as string)) {
    const field = FIELD_OF_CODE[error.code] as string;
    fields[field] = [error.message];
  } else {
    for (const key of known) fields[key] = named[key] ?? [];
    const others = Object.entries(named).filter(([key]) => !stepFields.includes(key)).flatMap(([, messages]) => messages);
    if (known.length === 0) summary.push({ message: error.message, ...(anchorField ? { field: anchorField } : {}) });
    for (const message of others) summary.push({ message });
  }
  for (const field of stepFields) for (const message of fields[field] ?? []) summary.push({ message, field });
  const advice = ERROR_ADVICE[error.code];
  if (advice) summary.push({ message: advice });
  return { fields, summary };
}

/** Summary items for client-side field errors, in the step's field order. */
export function summaryFromFields(fields: FieldErrors, stepFields: readonly string[]): SummaryItem[] {
  return stepFields.flatMap((field) => (fields[field] ?? []).map((message) => ({ message, field })));
}
