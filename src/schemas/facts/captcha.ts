/**
 * Step 4, Captcha, without zod: its fields, limits and messages. The browser imports these with
 * the page; the schema (src/schemas/captcha.ts) builds on them and arrives later (ADR 0020).
 */

/** The captcha step's fields: the challenge's id travels with the answer the applicant types. */
export const CAPTCHA_FIELDS = ["captchaId", "captchaAnswer"] as const;
export type CaptchaField = (typeof CAPTCHA_FIELDS)[number];

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
