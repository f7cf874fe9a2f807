import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { AppError } from "@/domain/errors";
import { sharedKeyFactor, UNKNOWN_CLIENT } from "@/server/auth/client-ip";
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
/** `ip` null (no address known) counts under UNKNOWN_CLIENT, like clientIp()'s own answer for it. */
export type SignInSubject = { scope: AccountScope; identifier: string; ip: string | null };

function subjectHash(scope: string, value: string): string {
  return createHmac("sha256", deps().env.authSecret).update(`${scope}:${value.trim().toLowerCase()}`).digest("hex");
}

type Counted = { scope: string; subject: string; captchaAfter: number; limit: number };

function subjects({ scope, identifier, ip }: SignInSubject): Counted[] {
  const address = ip ?? UNKNOWN_CLIENT;
  const factor = sharedKeyFactor(address);
  return [
    { scope, subject: subjectHash(scope, identifier), captchaAfter: CAPTCHA_AFTER_FAILURES, limit: MAX_ACCOUNT_FAILURES_PER_HOUR },
    { scope: "IP", subject: subjectHash("IP", address), captchaAfter: CAPTCHA_AFTER_IP_FAILURES * factor, limit: MAX_IP_FAILURES_PER_HOUR * factor },
  ];
}

export type ThrottleState = { captchaRequired: boolean };

function refusal(retryAfter: number): AppError {
  return new AppError("RATE_LIMITED", {
    message: `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${Math.ceil(retryAfter / 60)} menit.`,
    headers: { "Retry-After": String(retryAfter) },
  });
}

/** Seconds until the oldest of the `limit` newest failures leaves the window, freeing one attempt. */
async function retryAfterSeconds(where: object, limit: number, now: Date): Promise<number> {
  const oldest = await deps().db.signInAttempt.findMany({ where, orderBy: { createdAt: "desc" }, skip: limit - 1, take: 1 });
  const freesAt = (oldest[0]?.createdAt.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS;
  return Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
}

const failuresSince = (scope: string, subject: string, now: Date) => ({
  scope,
  subject,
  succeeded: false,
  createdAt: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) },
});

/**
 * A look without counting: throws RATE_LIMITED (with Retry-After) at the limit, otherwise says
 * whether a captcha is needed. For answering early (the sign-in route's 429); the check that
 * guards a verification is reserveSignInAttempt().
 */
export async function assertSignInAllowed(subject: SignInSubject): Promise<ThrottleState> {
  const { db, clock } = deps();
  const now = clock.now();
  let captchaRequired = false;
  for (const { scope, subject: hash, captchaAfter, limit } of subjects(subject)) {
    const where = failuresSince(scope, hash, now);
    const failures = await db.signInAttempt.count({ where });
    if (failures >= limit) throw refusal(await retryAfterSeconds(where, limit, now));
    if (failures >= captchaAfter) captchaRequired = true;
  }
  return { captchaRequired };
}

export type ReservedAttempt = ThrottleState & {
  /** The secret was right: this attempt stops counting as a failure. */
  succeeded(): Promise<void>;
  /** Nothing was verified after all (no or a wrong captcha): this attempt does not count. */
  release(): Promise<void>;
};

/**
 * Counts this attempt as a failure *before* anything is verified, then decides on the count that
 * includes it: of any number of concurrent attempts, the k-th to be written sees at least k, so
 * at most the limit are ever let through to a verification, whatever the concurrency and however
 * many app instances share the database (plain inserts and counts: SQLite and PostgreSQL alike).
 * Over the limit, the attempt is taken back and RATE_LIMITED thrown. The caller marks the attempt
 * succeeded() after a right secret, or release()s it when it verified nothing.
 */
export async function reserveSignInAttempt(subject: SignInSubject): Promise<ReservedAttempt> {
  const { db, clock } = deps();
  const now = clock.now();
  const counted = subjects(subject).map((entry) => ({ ...entry, id: randomUUID() }));
  const ids = counted.map(({ id }) => id);
  await db.signInAttempt.createMany({
    data: counted.map(({ id, scope, subject: hash }) => ({ id, scope, subject: hash, succeeded: false, createdAt: now })),
  });
  const release = async () => {
    await db.signInAttempt.deleteMany({ where: { id: { in: ids } } });
  };
  let captchaRequired = false;
  try {
    for (const { scope, subject: hash, captchaAfter, limit } of counted) {
      const where = failuresSince(scope, hash, now);
      const failures = await db.signInAttempt.count({ where }); // this attempt included
      if (failures > limit) throw refusal(await retryAfterSeconds({ ...where, id: { notIn: ids } }, limit, now));
      if (failures > captchaAfter) captchaRequired = true;
    }
  } catch (error) {
    await release();
    throw error;
  }
  return {
    captchaRequired,
    release,
    succeeded: async () => {
      await db.signInAttempt.updateMany({ where: { id: { in: ids } }, data: { succeeded: true } });
    },
  };
}

/** Records a finished attempt without reserving it first (tests use it to set up counts). */
export async function recordSignInAttempt(subject: SignInSubject, succeeded: boolean): Promise<void> {
  const { db, clock } = deps();
  const createdAt = clock.now();
  await db.signInAttempt.createMany({
    data: subjects(subject).map(({ scope, subject: hash }) => ({ id: randomUUID(), scope, subject: hash, succeeded, createdAt })),
  });
}
