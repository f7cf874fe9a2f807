import "server-only";
import { AppError } from "@/domain/errors";
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
  const passed = await deps().db.captcha.deleteMany({ where: { id, answer: normalized, expiresAt: { gt: now } } });
  if (passed.count === 1) return;
  await deps().db.captcha.deleteMany({ where: { id } });
  throw new AppError("CAPTCHA_INVALID", { message: CAPTCHA_INVALID_MESSAGE, fields: { captchaAnswer: [CAPTCHA_INVALID_MESSAGE] } });
}
