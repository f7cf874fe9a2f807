import "server-only";
import { AppError } from "@/domain/errors";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { verifySecretOrDummy } from "@/server/auth/password-hash";
import type { SessionUser } from "@/server/auth/session-user";
import { reserveSignInAttempt, type AccountScope, type ReservedAttempt } from "@/server/auth/sign-in-throttle";
import { consumeCaptcha } from "@/server/captcha/verify-captcha";
import { deps } from "@/server/deps";

/**
 * The credentials check behind both sign-ins. The answer is the same whether or not the NIK or
 * username exists (a dummy hash is verified for unknown ones, so the timing matches too), every
 * attempt is counted before the password is verified (so a burst checks at most the limit), and
 * after a few failures a captcha is required.
 * Errors thrown here reach the sign-in form as next-auth's `error` string.
 */
export const SIGN_IN_ERRORS = {
  CAPTCHA_REQUIRED: "CAPTCHA_REQUIRED",
  CAPTCHA_INVALID: "CAPTCHA_INVALID",
  RATE_LIMITED: "RATE_LIMITED",
} as const;

export type SignInCredentials = { identifier: string; password: string; captchaId?: string; captchaAnswer?: string };

async function checkCredentials(
  scope: AccountScope,
  credentials: SignInCredentials,
  ip: string | null,
  find: (identifier: string) => Promise<{ user: SessionUser; passwordHash: string } | null>,
): Promise<SessionUser | null> {
  const identifier = credentials.identifier.trim();
  let attempt: ReservedAttempt;
  try {
    attempt = await reserveSignInAttempt({ scope, identifier, ip });
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(SIGN_IN_ERRORS.RATE_LIMITED);
    throw error;
  }
  if (attempt.captchaRequired) {
    try {
      if (!credentials.captchaId || !credentials.captchaAnswer) throw new Error(SIGN_IN_ERRORS.CAPTCHA_REQUIRED);
      await consumeCaptcha(credentials.captchaId, credentials.captchaAnswer);
    } catch (error) {
      await attempt.release(); // no password was checked: nothing to count
      if (error instanceof AppError) throw new Error(SIGN_IN_ERRORS.CAPTCHA_INVALID);
      throw error;
    }
  }
  // PostgreSQL refuses a NUL in text (SQLite just finds nothing): such an identifier names no one.
  const found = identifier && credentials.password && !identifier.includes("\u0000") ? await find(identifier) : null;
  const passed = (await verifySecretOrDummy(found?.passwordHash, credentials.password)) && found !== null;
  if (!passed) return null;
  await attempt.succeeded();
  return found.user;
}

export function authorizeApplicant(credentials: SignInCredentials, ip: string | null): Promise<SessionUser | null> {
  return checkCredentials("APPLICANT", credentials, ip, async (nik) => {
    const account = await deps().db.account.findUnique({
      where: { periodId_nik: { periodId: CURRENT_PERIOD_ID, nik } },
      select: { id: true, fullName: true, credential: { select: { passwordHash: true, sessionVersion: true } } },
    });
    if (!account?.credential) return null;
    return {
      user: { id: account.id, role: "APPLICANT", name: account.fullName, sessionVersion: account.credential.sessionVersion },
      passwordHash: account.credential.passwordHash,
    };
  });
}

export function authorizeAdmin(credentials: SignInCredentials, ip: string | null): Promise<SessionUser | null> {
  return checkCredentials("ADMIN", credentials, ip, async (username) => {
    const admin = await deps().db.adminUser.findUnique({ where: { username: username.toLowerCase() } });
    if (!admin) return null;
    return { user: { id: admin.id, role: "ADMIN", name: admin.username, sessionVersion: admin.sessionVersion }, passwordHash: admin.passwordHash };
  });
}

/** The session's version as the database has it now; a logout or password change bumps it. */
export async function currentSessionVersion(role: SessionUser["role"], id: string): Promise<number | null> {
  if (role === "ADMIN") {
    return (await deps().db.adminUser.findUnique({ where: { id }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
  }
  return (await deps().db.credential.findUnique({ where: { accountId: id }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
}

/** Ends every session of this user (logout, password change). */
export async function endAllSessions(role: SessionUser["role"], id: string): Promise<void> {
  if (role === "ADMIN") await deps().db.adminUser.update({ where: { id }, data: { sessionVersion: { increment: 1 } } });
  else await deps().db.credential.update({ where: { accountId: id }, data: { sessionVersion: { increment: 1 } } });
}
