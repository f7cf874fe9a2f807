/**
 * Step 3, Kata Sandi: the password and two security questions for password recovery. The fields,
 * questions and messages live in facts/password.ts (no zod) and are re-exported here.
 */
import { z } from "zod";
import { type PasswordContext, checkPassword } from "@/domain/registration/password";
import {
  PASSWORD_STEP_MESSAGES,
  type PasswordField,
  SECURITY_ANSWER_MAX,
  SECURITY_ANSWER_MIN,
  SECURITY_QUESTIONS,
  type SecurityQuestionId,
} from "@/schemas/facts/password";
import { INVALID_PAYLOAD_MESSAGE, fieldsPassed } from "@/schemas/shared";

export * from "@/schemas/facts/password";

const QUESTION_IDS = SECURITY_QUESTIONS.map((q) => q.id) as [SecurityQuestionId, ...SecurityQuestionId[]];

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
    } satisfies Record<PasswordField, z.ZodType>, { error: INVALID_PAYLOAD_MESSAGE })
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

export type PasswordInput = z.input<typeof passwordSchema>;
export type PasswordValues = z.output<typeof passwordSchema>;
