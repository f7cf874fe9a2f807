import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/domain/errors";
import { clientIp, sharedKeyFactor } from "@/server/auth/client-ip";
import { deps } from "@/server/deps";

/**
 * Per-address limits for the endpoints that answer without a captcha: identity validation (it
 * says "NIK tidak ditemukan", so unlimited it would let the population registry be enumerated)
 * and new captchas (each is a database row). Generous, since campus networks and carrier NAT put
 * many applicants behind one address; counted in the database so every instance sees them.
 */
export const RATE_LIMITS = {
  VALIDATE: { limit: 600, windowMs: 10 * 60 * 1000 },
  CAPTCHA: { limit: 600, windowMs: 10 * 60 * 1000 },
  /** "Beri tahu saya" per client address: as generous as the others (shared addresses). */
  NOTIFY: { limit: 60, windowMs: 10 * 60 * 1000 },
  /** "Beri tahu saya" per email address: one mail per agency, so this caps what a stranger can sign an inbox up for. */
  NOTIFY_EMAIL: { limit: 10, windowMs: 24 * 60 * 60 * 1000 },
  // --- Registration attempts (issue 9, item 8), counted by reserveWithinKeyedRateLimit when a
  // submission reaches its expensive part: well-formed fields, no replay, the captcha right.
  /** Per client address: generous, since a warnet or a carrier's NAT puts many applicants behind one. */
  REGISTRATION: { limit: 60, windowMs: 60 * 60 * 1000 },
  /** Per NIK: like login.gov's 5 document attempts per 6 hours. One NIK has one account, so a real applicant needs one. */
  REGISTRATION_NIK: { limit: 5, windowMs: 6 * 60 * 60 * 1000 },
} as const;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

/** An address's limit; the shared key of every client without a known address gets more (client-ip.ts). */
export function limitFor(bucket: RateLimitBucket, key: string): { limit: number; windowMs: number } {
  const { limit, windowMs } = RATE_LIMITS[bucket];
  return { limit: limit * sharedKeyFactor(key), windowMs };
}

/** Counts this request; throws RATE_LIMITED with Retry-After once the address is over its limit. */
export async function assertWithinRateLimit(bucket: RateLimitBucket, request: Request): Promise<void> {
  // An unknown address is one more key to count under (SPEC): it never switches the limit off.
  const ip = clientIp((name) => request.headers.get(name));
  await reserveHit(bucket, ip, limitFor(bucket, ip), 1);
}

/** The same count for any key (an email address, say); only a keyed hash of the key is stored. */
export async function assertWithinKeyedRateLimit(bucket: RateLimitBucket, key: string): Promise<void> {
  await reserveHit(bucket, key, RATE_LIMITS[bucket], 1);
}

/**
 * A reservation (registration attempts): like every count here, of any number of concurrent
 * attempts at most `limit` go through (reserveHit), and a refusal does not push the window on;
 * racers for the last places try again a few times before they are refused. `release()` takes a
 * granted hit back, for an attempt that did not happen after all (the server was busy, or failed).
 */
export async function reserveWithinKeyedRateLimit(bucket: RateLimitBucket, key: string, limitFactor = 1): Promise<{ release: () => Promise<void> }> {
  const { limit, windowMs } = RATE_LIMITS[bucket];
  return reserveHit(bucket, key, { limit: limit * limitFactor, windowMs }, RESERVE_ROUNDS);
}

const RESERVE_ROUNDS = 3;
const RESERVE_PAUSE_MS = 40;

/**
 * Reserve first, then count including this hit (the sign-in throttle's order): of a burst, each
 * request sees at least every hit that passed before it, so no more than `limit` ever pass,
 * however many arrive at once and on however many instances. A refused hit is taken back, after
 * `rounds - 1` more tries at short random pauses (racers for the last places may all have seen
 * each other's hits). Only a keyed hash of the key is stored.
 */
async function reserveHit(
  bucket: RateLimitBucket,
  key: string,
  { limit, windowMs }: { limit: number; windowMs: number },
  rounds: number,
): Promise<{ release: () => Promise<void> }> {
  const { db, clock, env } = deps();
  const subject = createHmac("sha256", env.authSecret).update(`rate:${bucket}:${key}`).digest("hex");
  for (let round = 1; ; round++) {
    const now = clock.now();
    const since = new Date(now.getTime() - windowMs);
    const where = { bucket, subject, createdAt: { gt: since } };
    const id = randomUUID();
    await db.rateLimitHit.create({ data: { id, bucket, subject, createdAt: now } });
    const release = async () => {
      await db.rateLimitHit.deleteMany({ where: { id } });
    };
    const hits = await db.rateLimitHit.count({ where });
    if (hits <= limit) {
      // Old hits are useless: clear them now and then rather than on every request (this bucket's
      // only: the windows differ).
      if (Math.random() < 0.01) await db.rateLimitHit.deleteMany({ where: { bucket, createdAt: { lt: since } } });
      return { release };
    }
    await release();
    if (round < rounds) {
      await sleep(Math.random() * RESERVE_PAUSE_MS * round);
      continue;
    }
    // Free again once the limit-th newest of the others leaves the window.
    const freeing = await db.rateLimitHit.findMany({ where, orderBy: { createdAt: "desc" }, skip: limit - 1, take: 1 });
    const retryAfter = Math.max(1, Math.ceil(((freeing[0]?.createdAt.getTime() ?? now.getTime()) + windowMs - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", { headers: { "Retry-After": String(retryAfter) } });
  }
}
