/**
 * Nomor KK (Kartu Keluarga): PPKKCC DDMMYY SSSS, 16 digits. The middle part is the date the
 * family card was recorded (no +40 rule, unlike the NIK).
 */
import { type CalendarDate, compareDates, isRealDate, pad2 } from "@/domain/calendar";
import { type Result, fail, ok } from "@/domain/result";
import { isKnownDistrictCode } from "@/domain/registration/region-codes";

export type ParsedKk = {
  kk: string;
  districtCode: string;
  recordedOn: CalendarDate;
  serial: string;
};

export const KK_MESSAGES = {
  required: "Nomor KK wajib diisi.",
  format: "Nomor KK harus 16 digit angka.",
  region: "Kode wilayah pada nomor KK tidak dikenal.",
  recordedOn: "Tanggal pencatatan pada nomor KK tidak valid.",
  future: "Tanggal pencatatan pada nomor KK tidak boleh di masa mendatang.",
  serial: "Nomor urut pada nomor KK tidak boleh 0000.",
} as const;

/**
 * Recording year for a two-digit YY: 20YY while YY is not past the reference year, else 19YY.
 * Judged by year (not the full date, as for a NIK birth date) so that a recording date later in
 * the reference year is caught as a date in the future instead of silently becoming 19YY.
 */
export function kkRecordingYear(twoDigitYear: number, reference: CalendarDate): number {
  return 2000 + twoDigitYear <= reference.year ? 2000 + twoDigitYear : 1900 + twoDigitYear;
}

/** Validates a KK number; `referenceDate` is "today" for the no-future rule (the closing date). */
export function parseKk(input: string, referenceDate: CalendarDate): Result<ParsedKk> {
  const kk = input.trim();
  if (kk === "") return fail(KK_MESSAGES.required);
  if (!/^[0-9]{16}$/.test(kk)) return fail(KK_MESSAGES.format);

  const districtCode = kk.slice(0, 6);
  if (!isKnownDistrictCode(districtCode)) return fail(KK_MESSAGES.region);

  const day = Number(kk.slice(6, 8));
  const month = Number(kk.slice(8, 10));
  const year = kkRecordingYear(Number(kk.slice(10, 12)), referenceDate);
  if (!isRealDate(year, month, day)) return fail(KK_MESSAGES.recordedOn);
  const recordedOn = { year, month, day };
  if (compareDates(recordedOn, referenceDate) > 0) return fail(KK_MESSAGES.future);

  const serial = kk.slice(12);
  if (serial === "0000") return fail(KK_MESSAGES.serial);

  return ok({ kk, districtCode, recordedOn, serial });
}

/** Composes a KK number (fixtures, seed data). Throws on malformed parts. */
export function buildKk(parts: { districtCode: string; recordedOn: CalendarDate; serial: number | string }): string {
  const { districtCode, recordedOn } = parts;
  const serial = String(parts.serial).padStart(4, "0");
  if (!/^[0-9]{6}$/.test(districtCode)) throw new Error("districtCode must be 6 digits");
  if (!/^[0-9]{4}$/.test(serial) || serial === "0000") throw new Error("serial must be 0001–9999");
  if (!isRealDate(recordedOn.year, recordedOn.month, recordedOn.day)) throw new Error("recordedOn must be a real date");
  return `${districtCode}${pad2(recordedOn.day)}${pad2(recordedOn.month)}${pad2(recordedOn.year % 100)}${serial}`;
}
