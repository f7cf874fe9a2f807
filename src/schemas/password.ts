/** Step 3, Kata Sandi: the password and two security questions for password recovery. */
import { z } from "zod";
import { parseIsoDate } from "@/domain/calendar";
import { type PasswordContext, checkPassword } from "@/domain/registration/password";
import { INVALID_PAYLOAD_MESSAGE, fieldsOf, fieldsPassed } from "@/schemas/shared";

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

const QUESTION_IDS = SECURITY_QUESTIONS.map((q) => q.id) as [SecurityQuestionId, ...SecurityQuestionId[]];

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

const answerSchema = z
  .string({ error: PASSWORD_STEP_MESSAGES.answerRequired })
  .trim()
  .superRefine((answer, ctx) => {
    const length = [...answer].length;
    if (length === 0) ctx.addIssue({ code: "custom", message: PASSWORD_STEP_MESSAGES.answerRequired });
    else if (length < SECURITY_ANSWER_MIN) ctx.addIssue({ code: "custom", message: PASSWORD_STEP_MESSAGES.answerTooShort });
    else if (length > SECURITY_ANSWER_MAX) ctx.addIssue({ code: "custom", message: PASSWORD_STEP_MESSAGES.answerTooLong });
  });

/** `context` is the identity step's data, so the password cannot contain the NIK, KK, date or name. */
export function makePasswordSchema(context: PasswordContext = {}) {
  return z
    .object({
      // Never trimmed or otherwise altered: the applicant's exact characters are the password.
      password: z.string({ error: PASSWORD_STEP_MESSAGES.passwordRequired }).superRefine((password, ctx) => {
        if (password === "") {
          ctx.addIssue({ code: "custom", message: PASSWORD_STEP_MESSAGES.passwordRequired });
          return;
        }
        for (const issue of checkPassword(password, context).issues) ctx.addIssue({ code: "custom", message: issue });
      }),
      passwordConfirm: z
        .string({ error: PASSWORD_STEP_MESSAGES.confirmRequired })
        .min(1, PASSWORD_STEP_MESSAGES.confirmRequired),
      securityQuestion1: z.enum(QUESTION_IDS, { error: PASSWORD_STEP_MESSAGES.question1Required }),
      securityAnswer1: answerSchema,
      securityQuestion2: z.enum(QUESTION_IDS, { error: PASSWORD_STEP_MESSAGES.question2Required }),
      securityAnswer2: answerSchema,
    }, { error: INVALID_PAYLOAD_MESSAGE })
    .superRefine(
      (values, ctx) => {
        if (values.password !== values.passwordConfirm) {
          ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: PASSWORD_STEP_MESSAGES.confirmMismatch });
        }
      },
      // Compared even when the password breaks a policy rule: both messages help.
      {
        when: (payload) =>
          fieldsPassed("passwordConfirm")(payload) &&
          typeof (payload.value as { password?: unknown }).password === "string",
      },
    )
    .superRefine(
      (values, ctx) => {
        if (values.securityQuestion1 === values.securityQuestion2) {
          ctx.addIssue({ code: "custom", path: ["securityQuestion2"], message: PASSWORD_STEP_MESSAGES.questionsSame });
        }
      },
      { when: fieldsPassed("securityQuestion1", "securityQuestion2") },
    );
}

/** Without identity context: length and common-password rules only. */
export const passwordSchema = makePasswordSchema();

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

export type PasswordInput = z.input<typeof passwordSchema>;
export type PasswordValues = z.output<typeof passwordSchema>;

export type PasswordField = keyof PasswordInput;
/** The password step's fields, in the form's order. */
export const PASSWORD_FIELDS = fieldsOf(passwordSchema);
