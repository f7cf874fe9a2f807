import "server-only";
import { AppError } from "@/domain/errors";
import { CAPTCHA_ID_PATTERN } from "@/schemas/captcha";
import { deps } from "@/server/deps";

export const CAPTCHA_INVALID_MESSAGE = "Kode captcha salah atau sudah kedaluwarsa. Silakan isi captcha yang baru.";

function captchaInvalid(): AppError {
  return new AppError("CAPTCHA_INVALID", { message: CAPTCHA_INVALID_MESSAGE, fields: { captchaAnswer: [CAPTCHA_INVALID_MESSAGE] } });
}

/**
 * Consumes a captcha: whatever the outcome, the challenge is gone afterwards (a wrong answer
 * uses it up too), so each attempt costs a fresh captcha. The check is one conditional DELETE,
 * so of two concurrent uses of one right answer exactly one passes.
 */
export async function consumeCaptcha(id: string, answer: string): Promise<void> {
  const now = deps().clock.now();
  const normalized = answer.trim().toLowerCase();
  // Sign-in passes next-auth's raw credentials: an id that cannot be one is no captcha, and an
  // answer with a NUL is wrong (PostgreSQL would refuse to compare it: an error, not a mismatch).
  if (CAPTCHA_ID_PATTERN.test(id) && !normalized.includes("\u0000")) {
    const passed = await deps().db.captcha.deleteMany({ where: { id, answer: normalized, expiresAt: { gt: now } } });
    if (passed.count === 1) return;
    await deps().db.captcha.deleteMany({ where: { id } });
  }
  throw captchaInvalid();
}

/**
 * Checks an answer at the wizard's captcha step (SPEC "Added contract") without using the captcha
 * up: a right answer leaves it for the submission, which consumes it once (consumeCaptcha); a wrong
 * or expired one burns it, in one conditional DELETE, so guessing costs a fresh captcha each time,
 * exactly as at the submission. A captcha burnt or consumed meanwhile by another request is
 * refused as well.
 */
export async function checkCaptcha(id: string, answer: string): Promise<void> {
  const now = deps().clock.now();
  const normalized = answer.trim().toLowerCase();
  if (!CAPTCHA_ID_PATTERN.test(id) || normalized.includes("\u0000")) throw captchaInvalid();
  const burnt = await deps().db.captcha.deleteMany({ where: { id, NOT: { answer: normalized, expiresAt: { gt: now } } } });
  if (burnt.count === 0 && (await deps().db.captcha.count({ where: { id } })) === 1) return;
  throw captchaInvalid();
}
