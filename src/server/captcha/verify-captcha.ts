import "server-only";
import { AppError } from "@/domain/errors";
import { CAPTCHA_ID_PATTERN } from "@/schemas/captcha";
import { deps } from "@/server/deps";

export const CAPTCHA_INVALID_MESSAGE = "Kode captcha salah atau sudah kedaluwarsa. Silakan isi captcha yang baru.";

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
  throw new AppError("CAPTCHA_INVALID", { message: CAPTCHA_INVALID_MESSAGE, fields: { captchaAnswer: [CAPTCHA_INVALID_MESSAGE] } });
}
