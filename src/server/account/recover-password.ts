import "server-only";
import { AppError } from "@/domain/errors";
import { parseIsoDate } from "@/domain/calendar";
import { checkPassword } from "@/domain/registration/password";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { passwordRecoverySchema } from "@/schemas/password-recovery";
import { hashSecret, verifySecretOrDummy } from "@/server/auth/password-hash";
import { reserveSignInAttempt } from "@/server/auth/sign-in-throttle";
import { consumeCaptcha } from "@/server/captcha/verify-captcha";
import { deps } from "@/server/deps";
import { normalizeSecurityAnswer } from "@/server/registration/security-answer";

export const RECOVERY_MISMATCH_MESSAGE =
  "Data pemulihan tidak sesuai. Periksa NIK, Nomor KK, tanggal lahir, pertanyaan keamanan dan jawabannya.";

/**
 * Sets a new password for an applicant who proves who they are: NIK, KK, birth date, one of their
 * two security answers, and a captcha. Throttled like sign-in (per account and per IP), with the
 * attempt counted before the answer is verified, so a burst checks at most the limit. One answer
 * for every mismatch, so it does not tell which part was wrong, and the same work on every path:
 * one argon2 verification (a dummy one when there is no account, the KK or birth date differ, or
 * the question is not one of the account's), so the time does not tell either. The questions an
 * account chose are looked at only once its KK and birth date matched. Only the credential
 * changes, and every existing session ends (its version moves on).
 */
export async function recoverPassword(body: unknown, ip: string | null): Promise<void> {
  const input = passwordRecoverySchema.parse(body);
  const attempt = await reserveSignInAttempt({ scope: "RECOVERY", identifier: input.nik, ip });
  try {
    await consumeCaptcha(input.captchaId, input.captchaAnswer);
  } catch (error) {
    await attempt.release(); // nothing was verified: nothing to count
    throw error;
  }

  const account = await deps().db.account.findUnique({
    where: { periodId_nik: { periodId: CURRENT_PERIOD_ID, nik: input.nik } },
    select: { id: true, nik: true, kk: true, fullName: true, birthDate: true, credential: true },
  });
  const credential = account && account.kk === input.kk && account.birthDate === input.birthDate ? account.credential : null;
  const answerHash =
    credential?.securityQuestion1 === input.securityQuestion
      ? credential.securityAnswer1Hash
      : credential?.securityQuestion2 === input.securityQuestion
        ? credential.securityAnswer2Hash
        : null;
  const matches = await verifySecretOrDummy(answerHash, normalizeSecurityAnswer(input.securityAnswer));
  if (!matches || !account) throw new AppError("VALIDATION_FAILED", { message: RECOVERY_MISMATCH_MESSAGE });
  await attempt.succeeded();

  // The form could not judge the new password against the name (it does not ask for it): now we can.
  const birthDate = parseIsoDate(account.birthDate) ?? undefined;
  const policy = checkPassword(input.newPassword, { nik: account.nik, kk: account.kk, fullName: account.fullName, birthDate });
  if (!policy.ok) throw new AppError("VALIDATION_FAILED", { fields: { newPassword: policy.issues } });

  await deps().db.credential.update({
    where: { accountId: account.id },
    data: { passwordHash: await hashSecret(input.newPassword), passwordChangedAt: deps().clock.now(), sessionVersion: { increment: 1 } },
  });
}
