import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { AppError } from "@/domain/errors";
import { deps } from "@/server/deps";

/**
 * Sign-in throttling (SPEC "Password", NIST SP 800-63B §5.2.2): failures are counted per account
 * and per IP address over a sliding hour, in the database so that every app instance sees them.
 * After a few failures a captcha is required; at the limit the attempt is refused with 429 and
 * Retry-After. Subjects are keyed hashes: neither a NIK nor an address is stored.
 */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;
export const CAPTCHA_AFTER_FAILURES = 3;
/** Many people share an address (campus networks, carrier NAT), so an address asks for a captcha later. */
export const CAPTCHA_AFTER_IP_FAILURES = 30;
export const MAX_ACCOUNT_FAILURES_PER_HOUR = 100;
export const MAX_IP_FAILURES_PER_HOUR = 1000;

/** APPLICANT and ADMIN sign-ins, and password RECOVERY, are counted apart. */
export type AccountScope = "APPLICANT" | "ADMIN" | "RECOVERY";
export type SignInSubject = { scope: AccountScope; identifier: string; ip: string | null };

function subjectHash(scope: string, value: string): string {
  return createHmac("sha256", deps().env.authSecret).update(`${scope}:${value.trim().toLowerCase()}`).digest("hex");
}

type Counted = { scope: string; subject: string; captchaAfter: number; limit: number };

function subjects({ scope, identifier, ip }: SignInSubject): Counted[] {
  const list: Counted[] = [
    { scope, subject: subjectHash(scope, identifier), captchaAfter: CAPTCHA_AFTER_FAILURES, limit: MAX_ACCOUNT_FAILURES_PER_HOUR },
  ];
  if (ip) list.push({ scope: "IP", subject: subjectHash("IP", ip), captchaAfter: CAPTCHA_AFTER_IP_FAILURES, limit: MAX_IP_FAILURES_PER_HOUR });
  return list;
}

export type ThrottleState = { captchaRequired: boolean };

/** Throws RATE_LIMITED (with Retry-After) at the limit; otherwise says whether a captcha is needed. */
export async function assertSignInAllowed(subject: SignInSubject): Promise<ThrottleState> {
  const now = deps().clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let captchaRequired = false;
  for (const { scope, subject: hash, captchaAfter, limit } of subjects(subject)) {
    const where = { scope, subject: hash, succeeded: false, createdAt: { gt: since } };
    const failures = await deps().db.signInAttempt.count({ where });
    if (failures >= limit) {
      // The oldest failure still counted leaves the window first; then one more attempt is allowed.
      const oldest = await deps().db.signInAttempt.findMany({ where, orderBy: { createdAt: "desc" }, skip: limit - 1, take: 1 });
      const freesAt = (oldest[0]?.createdAt.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS;
      const retryAfter = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
      throw new AppError("RATE_LIMITED", {
        message: `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${Math.ceil(retryAfter / 60)} menit.`,
        headers: { "Retry-After": String(retryAfter) },
      });
    }
    if (failures >= captchaAfter) captchaRequired = true;
  }
  return { captchaRequired };
}

export async function recordSignInAttempt(subject: SignInSubject, succeeded: boolean): Promise<void> {
  const createdAt = deps().clock.now();
  await deps().db.signInAttempt.createMany({
    data: subjects(subject).map(({ scope, subject: hash }) => ({ id: randomUUID(), scope, subject: hash, succeeded, createdAt })),
  });
}
