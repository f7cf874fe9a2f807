/** Age on the registration closing date: 18 is required; above 35 only warns. */
import { type CalendarDate, ageOn } from "@/domain/calendar";

export const MIN_AGE = 18;
/** Most formations accept up to 35 (some, e.g. doctors and lecturers, up to 40): warn, not block. */
export const AGE_WARNING_ABOVE = 35;

export const AGE_MESSAGES = {
  tooYoung: `Usia minimal ${MIN_AGE} tahun pada tanggal penutupan pendaftaran.`,
  overLimit: `Usia Anda lebih dari ${AGE_WARNING_ABOVE} tahun pada tanggal penutupan pendaftaran. Sebagian besar formasi membatasi usia paling tinggi ${AGE_WARNING_ABOVE} tahun (40 tahun untuk formasi tertentu). Pastikan formasi yang Anda tuju menerima usia Anda.`,
} as const;

export type AgeCheck =
  | { ok: true; age: number; warning: string | null }
  | { ok: false; age: number; message: string };

export function checkAge(birthDate: CalendarDate, closingDate: CalendarDate): AgeCheck {
  const age = ageOn(birthDate, closingDate);
  if (age < MIN_AGE) return { ok: false, age, message: AGE_MESSAGES.tooYoung };
  return { ok: true, age, warning: age > AGE_WARNING_ABOVE ? AGE_MESSAGES.overLimit : null };
}
