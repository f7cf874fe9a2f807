/**
 * Step 4, Captcha: the id of the server-generated challenge and the applicant's answer. The fields,
 * limits and messages live in facts/captcha.ts (no zod) and are re-exported here.
 */
import { z } from "zod";
import { CAPTCHA_ANSWER_MAX, CAPTCHA_ID_PATTERN, CAPTCHA_MESSAGES, type CaptchaField } from "@/schemas/facts/captcha";
import { INVALID_PAYLOAD_MESSAGE } from "@/schemas/shared";

export * from "@/schemas/facts/captcha";

export const captchaSchema = z.object({
  captchaId: z
    .string({ error: CAPTCHA_MESSAGES.idInvalid })
    .trim()
    .regex(CAPTCHA_ID_PATTERN, CAPTCHA_MESSAGES.idInvalid),
  captchaAnswer: z
    .string({ error: CAPTCHA_MESSAGES.answerRequired })
    .trim()
    .min(1, CAPTCHA_MESSAGES.answerRequired)
    .max(CAPTCHA_ANSWER_MAX, CAPTCHA_MESSAGES.answerTooLong),
} satisfies Record<CaptchaField, z.ZodType>, { error: INVALID_PAYLOAD_MESSAGE });

export type CaptchaInput = z.input<typeof captchaSchema>;
export type CaptchaValues = z.output<typeof captchaSchema>;
