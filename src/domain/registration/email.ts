/** Email addresses: zod's email rule (a practical subset of RFC 5321), stored lower case. */
import { z } from "zod";
import { type Result, fail, ok } from "@/domain/result";

/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX = 254;

export const EMAIL_MESSAGES = {
  required: "Email wajib diisi.",
  invalid: "Format email tidak valid (contoh: nama@contoh.com).",
  length: `Email maksimal ${EMAIL_MAX} karakter.`,
} as const;

const emailFormat = z.email();

/**
 * Lower-casing the local part is, strictly, not RFC-safe, but no Indonesian mail provider treats
 * it as case-sensitive and the uniqueness rule needs one spelling per address.
 */
export function normalizeEmail(input: string): Result<string> {
  const email = input.trim().toLowerCase();
  if (email === "") return fail(EMAIL_MESSAGES.required);
  if (email.length > EMAIL_MAX) return fail(EMAIL_MESSAGES.length);
  if (!emailFormat.safeParse(email).success) return fail(EMAIL_MESSAGES.invalid);
  return ok(email);
}
