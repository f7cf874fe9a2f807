/**
 * Indonesian mobile numbers. Applicants type them as 08…, 628… or +628…, often with spaces,
 * dashes, dots or parentheses; all are stored as +628….
 */
import { type Result, fail, ok } from "@/domain/result";

/** Length of the national form (leading 0 included), e.g. 0812 3456 7890 is 12. */
export const PHONE_NATIONAL_MIN_DIGITS = 10;
export const PHONE_NATIONAL_MAX_DIGITS = 13;

export const PHONE_MESSAGES = {
  required: "Nomor HP wajib diisi.",
  characters: "Nomor HP hanya boleh berisi angka (boleh diawali +).",
  prefix: "Nomor HP harus diawali 08, 628, atau +628.",
  length: `Nomor HP harus ${PHONE_NATIONAL_MIN_DIGITS}–${PHONE_NATIONAL_MAX_DIGITS} digit (contoh: 081234567890).`,
} as const;

export function normalizePhone(input: string): Result<string> {
  const compact = input.trim().replace(/[\s().-]/g, "");
  if (compact === "") return fail(PHONE_MESSAGES.required);
  if (!/^\+?[0-9]+$/.test(compact)) return fail(PHONE_MESSAGES.characters);

  let national: string;
  if (compact.startsWith("+62") || compact.startsWith("62")) {
    const rest = compact.slice(compact.startsWith("+") ? 3 : 2);
    // "+62 (0)812…" is a common way to write it: that 0 is the trunk prefix, already implied.
    national = rest.startsWith("0") ? rest : `0${rest}`;
  } else {
    national = compact;
  }

  if (!national.startsWith("08")) return fail(PHONE_MESSAGES.prefix);
  if (national.length < PHONE_NATIONAL_MIN_DIGITS || national.length > PHONE_NATIONAL_MAX_DIGITS) {
    return fail(PHONE_MESSAGES.length);
  }
  return ok(`+62${national.slice(1)}`);
}
