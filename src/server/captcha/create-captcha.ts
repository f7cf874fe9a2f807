import "server-only";
import { randomUUID } from "node:crypto";
import svgCaptcha from "svg-captcha";
import { deps } from "@/server/deps";

/**
 * A server-generated captcha (SPEC "Captcha"): single use, valid for 5 minutes, answered
 * case-insensitively. The answer is stored in lower case; the image goes to the browser as a data
 * URL. There is no bypass: tests and end-to-end runs read the answer from the database.
 *
 * Not yet rate-limited: a later issue adds a per-IP limit on this endpoint and on submissions.
 */
export const CAPTCHA_TTL_MS = 5 * 60 * 1000;
export const CAPTCHA_LENGTH = 5;
/** Upper-case letters and digits without look-alikes (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, G/6). */
export const CAPTCHA_ALPHABET = "ACEFHJKMNPRTUVWXY34679";

export type CreatedCaptcha = { id: string; image: string; expiresAt: Date };

export async function createCaptcha(): Promise<CreatedCaptcha> {
  const now = deps().clock.now();
  const { text, data } = svgCaptcha.create({
    size: CAPTCHA_LENGTH,
    charPreset: CAPTCHA_ALPHABET,
    noise: 2,
    color: true,
    background: "#f8fafc",
    width: 150,
    height: 50,
    fontSize: 48,
  });
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_MS);
  // Housekeeping on the way: expired challenges are useless, drop them (indexed on expiresAt).
  await deps().db.captcha.deleteMany({ where: { expiresAt: { lt: now } } });
  await deps().db.captcha.create({ data: { id, answer: text.toLowerCase(), expiresAt, createdAt: now } });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(data).toString("base64")}`, expiresAt };
}
