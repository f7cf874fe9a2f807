import "server-only";
import { randomUUID } from "node:crypto";
import svgCaptcha from "svg-captcha";
import { CAPTCHA_ALPHABET, CAPTCHA_LENGTH } from "@/server/captcha/captcha-alphabet";
import { deps } from "@/server/deps";

/**
 * A server-generated captcha (SPEC "Captcha"): single use, valid for 5 minutes, answered
 * case-insensitively. The answer is stored in lower case; the image goes to the browser as a data
 * URL. There is no bypass: tests and end-to-end runs read the answer from the database.
 * Digits only, large, dark on white, one thin noise line: legible to people (issue 10), and every
 * answer can be spoken by the audio alternative (`get-captcha-audio.ts`).
 */
export const CAPTCHA_TTL_MS = 5 * 60 * 1000;
export { CAPTCHA_ALPHABET, CAPTCHA_LENGTH } from "@/server/captcha/captcha-alphabet";
export const CAPTCHA_IMAGE = { width: 220, height: 70 } as const;

/** Dark colours only (each at least 7:1 on white), one per character, so the digits stand apart. */
const INKS = ["#0f172a", "#1e3a8a", "#7c2d12", "#14532d", "#581c87", "#334155"];

export type CreatedCaptcha = { id: string; image: string; expiresAt: Date };

export async function createCaptcha(): Promise<CreatedCaptcha> {
  const now = deps().clock.now();
  const { text, data } = svgCaptcha.create({
    size: CAPTCHA_LENGTH,
    charPreset: CAPTCHA_ALPHABET,
    noise: 1,
    color: false,
    ...CAPTCHA_IMAGE,
    fontSize: 64,
  });
  let ink = Math.floor(Math.random() * INKS.length);
  const svg = data
    .replace(/<path fill="[^"]*"/g, () => `<path fill="${INKS[ink++ % INKS.length]}"`)
    .replace(/stroke="[^"]*"/g, 'stroke="#64748b"');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_MS);
  // Housekeeping on the way: expired challenges are useless, drop them (indexed on expiresAt).
  await deps().db.captcha.deleteMany({ where: { expiresAt: { lt: now } } });
  await deps().db.captcha.create({ data: { id, answer: text.toLowerCase(), expiresAt, createdAt: now } });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, expiresAt };
}
