/** Step 4, Captcha: the id of the server-generated challenge and the applicant's answer. */
import { z } from "zod";
import { INVALID_PAYLOAD_MESSAGE, fieldsOf } from "@/schemas/shared";

export const CAPTCHA_ANSWER_MAX = 12;

export const CAPTCHA_MESSAGES = {
  idInvalid: "Captcha tidak valid. Muat ulang captcha.",
  answerRequired: "Isi kode captcha.",
  answerTooLong: `Kode captcha maksimal ${CAPTCHA_ANSWER_MAX} karakter.`,
} as const;

/**
 * A captcha id: a UUID in practice; any short token is accepted so the captcha port can choose its
 * ids. Checked before any lookup, so a stray byte never reaches the database (PostgreSQL refuses a
 * NUL in text with an error).
 */
export const CAPTCHA_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

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
}, { error: INVALID_PAYLOAD_MESSAGE });

export type CaptchaInput = z.input<typeof captchaSchema>;
export type CaptchaValues = z.output<typeof captchaSchema>;

export type CaptchaField = keyof CaptchaInput;
export const CAPTCHA_FIELDS = fieldsOf(captchaSchema);
