/**
 * Step 3, Kata Sandi, without zod: its fields, the security questions and the step's messages.
 * The browser imports these with the page; the schema (src/schemas/password.ts) builds on them and
 * arrives later (ADR 0020).
 */
import { parseIsoDate } from "@/domain/calendar";
import { type PasswordContext } from "@/domain/registration/password";

/** The password step's fields, in the form's order; the schema's shape is held to this list. */
export const PASSWORD_FIELDS = ["password", "passwordConfirm", "securityQuestion1", "securityAnswer1", "securityQuestion2", "securityAnswer2"] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];

export const SECURITY_ANSWER_MIN = 3;
export const SECURITY_ANSWER_MAX = 100;

/** Nothing printed on a KTP or KK (such as the mother's name), which others could read off. */
export const SECURITY_QUESTIONS = [
  { id: "SEKOLAH_DASAR", label: "Apa nama sekolah dasar (SD) Anda?" },
  { id: "HEWAN_PELIHARAAN", label: "Siapa nama hewan peliharaan pertama Anda?" },
  { id: "TEMAN_MASA_KECIL", label: "Siapa nama teman masa kecil Anda?" },
  { id: "GURU_FAVORIT", label: "Siapa nama guru favorit Anda?" },
  { id: "JALAN_MASA_KECIL", label: "Apa nama jalan tempat Anda tinggal semasa kecil?" },
  { id: "MAKANAN_FAVORIT", label: "Apa makanan favorit Anda?" },
] as const;

export type SecurityQuestionId = (typeof SECURITY_QUESTIONS)[number]["id"];

export const PASSWORD_STEP_MESSAGES = {
  passwordRequired: "Kata sandi wajib diisi.",
  confirmRequired: "Ulangi kata sandi.",
  confirmMismatch: "Konfirmasi kata sandi tidak sama dengan kata sandi.",
  question1Required: "Pilih pertanyaan keamanan pertama.",
  question2Required: "Pilih pertanyaan keamanan kedua.",
  questionsSame: "Pertanyaan keamanan kedua harus berbeda dari yang pertama.",
  answerRequired: "Jawaban pertanyaan keamanan wajib diisi.",
  answerTooShort: `Jawaban pertanyaan keamanan minimal ${SECURITY_ANSWER_MIN} karakter.`,
  answerTooLong: `Jawaban pertanyaan keamanan maksimal ${SECURITY_ANSWER_MAX} karakter.`,
} as const;

/**
 * Password context from identity fields as submitted (raw or normalized): every comparison in
 * the policy ignores case and surrounding spaces, so normalizing first is not needed.
 */
export function passwordContextFrom(data: unknown): PasswordContext {
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string).trim() : undefined);
  const birthDate = parseIsoDate(text("birthDate") ?? "");
  return {
    nik: text("nik"),
    kk: text("kk"),
    fullName: text("fullName"),
    ...(birthDate ? { birthDate } : {}),
  };
}
