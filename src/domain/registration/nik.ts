/**
 * NIK (Nomor Induk Kependudukan): PP KK CC DDMMYY SSSS, 16 digits.
 * Written by hand because public NIK parsers accept letters, day 99 and read YY=05 as 1905.
 */
import { type CalendarDate, compareDates, isRealDate, pad2 } from "@/domain/calendar";
import { type Result, fail, ok } from "@/domain/result";
import { type Gender } from "@/domain/registration/gender";
import { isKnownDistrictCode } from "@/domain/registration/region-codes";

export { GENDER_LABELS, type Gender } from "@/domain/registration/gender";

/** Women's NIKs carry the birth day plus 40 (41–71). */
export const FEMALE_DAY_OFFSET = 40;

export type ParsedNik = {
  nik: string;
  districtCode: string;
  birthDate: CalendarDate;
  gender: Gender;
  serial: string;
};

export const NIK_MESSAGES = {
  required: "NIK wajib diisi.",
  format: "NIK harus 16 digit angka.",
  region: "Kode wilayah pada NIK tidak dikenal.",
  birthDate: "Tanggal lahir pada NIK tidak valid.",
  serial: "Nomor urut pada NIK tidak boleh 0000.",
} as const;

const SIXTEEN_DIGITS = /^[0-9]{16}$/;

/**
 * The birth year for a two-digit YY: 20YY unless that date would be after the reference date,
 * else 19YY. A birth date cannot lie in the future, and with 2000s births now of working age the
 * most recent past reading is the plausible one (YY=05 → 2005, not 1905). The comparison uses the
 * whole date, so with reference 2023-10-08, 011223 reads as 1923. 29 February is then judged in
 * the chosen century (290200 is 2000-02-29, a real date).
 */
export function nikBirthYear(twoDigitYear: number, month: number, day: number, reference: CalendarDate): number {
  const in2000s = { year: 2000 + twoDigitYear, month, day };
  return compareDates(in2000s, reference) <= 0 ? in2000s.year : 1900 + twoDigitYear;
}

/** Day field of a NIK → birth day and gender, or null outside 01–31 and 41–71. */
function decodeDay(dd: number): { day: number; gender: Gender } | null {
  if (dd >= 1 && dd <= 31) return { day: dd, gender: "LAKI_LAKI" };
  if (dd >= 1 + FEMALE_DAY_OFFSET && dd <= 31 + FEMALE_DAY_OFFSET) {
    return { day: dd - FEMALE_DAY_OFFSET, gender: "PEREMPUAN" };
  }
  return null;
}

/**
 * Validates a NIK as typed (surrounding whitespace is ignored, nothing else is forgiven).
 * `referenceDate` anchors the century; use the registration closing date.
 */
export function parseNik(input: string, referenceDate: CalendarDate): Result<ParsedNik> {
  const nik = input.trim();
  if (nik === "") return fail(NIK_MESSAGES.required);
  if (!SIXTEEN_DIGITS.test(nik)) return fail(NIK_MESSAGES.format);

  const districtCode = nik.slice(0, 6);
  if (!isKnownDistrictCode(districtCode)) return fail(NIK_MESSAGES.region);

  const decoded = decodeDay(Number(nik.slice(6, 8)));
  const month = Number(nik.slice(8, 10));
  if (!decoded || month < 1 || month > 12) return fail(NIK_MESSAGES.birthDate);
  const year = nikBirthYear(Number(nik.slice(10, 12)), month, decoded.day, referenceDate);
  if (!isRealDate(year, month, decoded.day)) return fail(NIK_MESSAGES.birthDate);

  const serial = nik.slice(12);
  if (serial === "0000") return fail(NIK_MESSAGES.serial);

  return ok({ nik, districtCode, birthDate: { year, month, day: decoded.day }, gender: decoded.gender, serial });
}

/** Gender from a NIK's day field; call only on a NIK that `parseNik` accepted. */
export function genderFromNik(nik: string): Gender {
  return Number(nik.trim().slice(6, 8)) > FEMALE_DAY_OFFSET ? "PEREMPUAN" : "LAKI_LAKI";
}

/**
 * Whether the NIK's DDMMYY is the entered birth date (for either gender's day encoding).
 * The century comes from the entered date, so only the last two digits of the year are compared.
 */
export function nikMatchesBirthDate(nik: string, birthDate: CalendarDate): boolean {
  const trimmed = nik.trim();
  if (!SIXTEEN_DIGITS.test(trimmed)) return false;
  const decoded = decodeDay(Number(trimmed.slice(6, 8)));
  return (
    decoded !== null &&
    decoded.day === birthDate.day &&
    Number(trimmed.slice(8, 10)) === birthDate.month &&
    Number(trimmed.slice(10, 12)) === birthDate.year % 100
  );
}

/** Composes a NIK (fixtures, seed data). Throws on malformed parts: callers are code, not users. */
export function buildNik(parts: {
  districtCode: string;
  birthDate: CalendarDate;
  gender: Gender;
  serial: number | string;
}): string {
  const { districtCode, birthDate, gender } = parts;
  const serial = String(parts.serial).padStart(4, "0");
  if (!/^[0-9]{6}$/.test(districtCode)) throw new Error("districtCode must be 6 digits");
  if (!/^[0-9]{4}$/.test(serial) || serial === "0000") throw new Error("serial must be 0001–9999");
  if (!isRealDate(birthDate.year, birthDate.month, birthDate.day)) throw new Error("birthDate must be a real date");
  const dd = birthDate.day + (gender === "PEREMPUAN" ? FEMALE_DAY_OFFSET : 0);
  return `${districtCode}${pad2(dd)}${pad2(birthDate.month)}${pad2(birthDate.year % 100)}${serial}`;
}
