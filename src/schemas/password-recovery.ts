import { z } from "zod";
import { parseIsoDate } from "@/domain/calendar";
import { checkPassword } from "@/domain/registration/password";
import { captchaSchema } from "@/schemas/captcha";
import { PASSWORD_STEP_MESSAGES, passwordContextFrom, SECURITY_QUESTIONS } from "@/schemas/password";

const QUESTION_IDS = SECURITY_QUESTIONS.map((q) => q.id) as [string, ...string[]];

/**
 * Password recovery ("Lupa Kata Sandi", SPEC "Immutability"): NIK + KK + birth date + one security
 * answer + captcha, and a new password under the same policy as at registration (judged against
 * the NIK, KK, birth date given here). Shared by the form and the handler.
 */
export const passwordRecoverySchema = z
  .object({
    nik: z.string({ error: "NIK wajib diisi." }).trim().regex(/^\d{16}$/, "NIK harus 16 digit angka."),
    kk: z.string({ error: "Nomor KK wajib diisi." }).trim().regex(/^\d{16}$/, "Nomor KK harus 16 digit angka."),
    birthDate: z.string({ error: "Tanggal lahir wajib diisi." }).refine((value) => parseIsoDate(value) !== null, "Tanggal lahir tidak valid."),
    securityQuestion: z.enum(QUESTION_IDS, { error: "Pilih salah satu pertanyaan keamanan Anda." }),
    securityAnswer: z
      .string({ error: PASSWORD_STEP_MESSAGES.answerRequired })
      .trim()
      .min(1, PASSWORD_STEP_MESSAGES.answerRequired)
      .max(100, PASSWORD_STEP_MESSAGES.answerTooLong),
    newPassword: z.string({ error: "Kata sandi baru wajib diisi." }).min(1, "Kata sandi baru wajib diisi."),
    newPasswordConfirm: z.string({ error: PASSWORD_STEP_MESSAGES.confirmRequired }).min(1, PASSWORD_STEP_MESSAGES.confirmRequired),
  })
  .and(captchaSchema)
  .superRefine((values, ctx) => {
    for (const issue of checkPassword(values.newPassword, passwordContextFrom(values)).issues) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: issue });
    }
    if (values.newPassword !== values.newPasswordConfirm) {
      ctx.addIssue({ code: "custom", path: ["newPasswordConfirm"], message: PASSWORD_STEP_MESSAGES.confirmMismatch });
    }
  });

export type PasswordRecoveryValues = z.output<typeof passwordRecoverySchema>;
