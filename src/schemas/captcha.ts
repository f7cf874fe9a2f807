/** Step 4, Captcha: the id of the server-generated challenge and the applicant's answer. */
import { z } from "zod";
import { INVALID_PAYLOAD_MESSAGE, fieldsOf } from "@/schemas/shared";

export const CAPTCHA_ANSWER_MAX = 12;

export const CAPTCHA_MESSAGES = {
  idInvalid: "Captcha tidak valid. Muat ulang captcha.",
  answerRequired: "Isi kode captcha.",
  answerTooLong: `Kode captcha maksimal ${CAPTCHA_ANSWER_MAX} karakter.`,
} as const;

export const captchaSchema = z.object({
  // A UUID in practice; any short token is accepted so the captcha port can choose its ids.
  captchaId: z
    .string({ error: CAPTCHA_MESSAGES.idInvalid })
    .trim()
    .regex(/^[A-Za-z0-9-]{8,64}$/, CAPTCHA_MESSAGES.idInvalid),
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
