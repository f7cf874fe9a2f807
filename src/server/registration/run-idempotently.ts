import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { AppError, DEFAULT_MESSAGES } from "@/domain/errors";
import { Prisma } from "@/generated/prisma/client";
import { deps } from "@/server/deps";
import { IDENTITY_REFUSAL_CODES } from "@/server/registration/check-identity";

/**
 * Idempotent submissions (`Idempotency-Key`). The first request with a key claims it by inserting
 * a PENDING record (the primary key makes the claim atomic); what it ends with is stored as its
 * outcome, in the domain's terms: the value it returned, or the business refusal it threw as
 * `{ code, fields }`. Every retry with the same key and the same data gets that outcome back
 * without doing anything again (no captcha consumed, no account created): the value, marked
 * `replayed`, or the same refusal thrown again as a `ReplayedRefusal`. A retry that arrives while
 * the first is still running waits for its outcome. Turning either into HTTP is the route's job.
 *
 * Stored: the value and the business refusals that would be the same on a retry (already
 * registered, agency not verified, registry mismatch, unreadable photo). Not stored: a wrong
 * captcha (the retry brings a fresh one) and unexpected failures; the claim is released so a retry
 * runs afresh.
 */
export const IDEMPOTENCY_KEY_MAX = 100;
export const IDEMPOTENCY_WAIT_MS = 15_000;
export const IDEMPOTENCY_POLL_MS = 100;
/** A PENDING claim this old belongs to a request that died (process crash): it may be taken over. */
export const IDEMPOTENCY_STALE_MS = 120_000;
/** Outcomes are kept for a day: long enough for any client retry, short enough to stay small. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export const STORED_REFUSAL_CODES = ["VALIDATION_FAILED", ...IDENTITY_REFUSAL_CODES] as const;

/**
 * A refusal as stored: its code and field messages; the message only when it is not the code's
 * default (e.g. DUKCAPIL_MISMATCH for the KK says "Nomor KK tidak sesuai.").
 */
const storedRefusalSchema = z.object({
  code: z.enum(STORED_REFUSAL_CODES),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  message: z.string().optional(),
});
type StoredRefusal = z.infer<typeof storedRefusalSchema>;

/** The first request's outcome, or for a replay that same outcome again. */
export type Replayable<T> = { value: T; replayed: boolean };

/** A refusal decided by an earlier request with the same key, thrown again for its retry. */
export class ReplayedRefusal extends AppError {
  readonly replayed = true;
}

export function isReplayedRefusal(error: unknown): error is ReplayedRefusal {
  return error instanceof ReplayedRefusal;
}

export const IDEMPOTENCY_MESSAGES = {
  invalidKey: `Header Idempotency-Key harus 1–${IDEMPOTENCY_KEY_MAX} karakter ASCII yang terlihat.`,
  reusedWithOtherData: "Idempotency-Key ini sudah dipakai untuk data pendaftaran yang berbeda. Gunakan kunci baru untuk pendaftaran baru.",
  stillRunning: "Pendaftaran Anda dengan kunci yang sama masih diproses. Silakan coba lagi beberapa saat lagi.",
} as const;

/** The header's value, checked; null when the client sent none. */
export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  if (!/^[\x21-\x7e]{1,100}$/.test(header)) throw new AppError("VALIDATION_FAILED", { message: IDEMPOTENCY_MESSAGES.invalidKey });
  return header;
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Keys are scoped to the NIK, so two applicants who happen to pick the same key never collide. */
export function idempotencyRecordKey(clientKey: string, nik: string): string {
  return sha256(`${clientKey}:${nik}`);
}

/**
 * Runs `run` once per key: returns its value (or throws its refusal) the first time, and the same
 * outcome on every retry. `schema` checks a stored value before it is handed out again.
 */
export async function runIdempotently<T>(
  recordKey: string,
  requestHash: string,
  run: () => Promise<T>,
  options: { schema: z.ZodType<T>; waitMs?: number },
): Promise<Replayable<T>> {
  const { db, clock } = deps();
  await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(clock.now().getTime() - IDEMPOTENCY_RETENTION_MS) } } });
  const earlier = await claim(recordKey, requestHash, options.waitMs ?? IDEMPOTENCY_WAIT_MS);
  if (earlier !== null) return replay(earlier, options.schema);

  let value: T;
  try {
    value = await run();
  } catch (error) {
    const refusal = storedRefusalOf(error);
    if (!refusal) {
      await db.idempotencyRecord.deleteMany({ where: { key: recordKey, state: "PENDING" } });
      throw error;
    }
    await storeOutcome(recordKey, requestHash, { refusal });
    throw error;
  }
  await storeOutcome(recordKey, requestHash, { value });
  return { value, replayed: false };
}

function storedRefusalOf(error: unknown): StoredRefusal | null {
  if (!(error instanceof AppError)) return null;
  const code = STORED_REFUSAL_CODES.find((stored) => stored === error.code);
  if (!code) return null;
  return {
    code,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.message !== DEFAULT_MESSAGES[code] ? { message: error.message } : {}),
  };
}

/**
 * updateMany: if our claim was taken over meanwhile (we ran past IDEMPOTENCY_STALE_MS), the
 * outcome still goes to this client; the new claimant's record is not ours to overwrite.
 */
async function storeOutcome(recordKey: string, requestHash: string, outcome: { value: unknown } | { refusal: StoredRefusal }): Promise<void> {
  await deps().db.idempotencyRecord.updateMany({
    where: { key: recordKey, state: "PENDING", requestHash },
    data: { state: "DONE", outcome: JSON.stringify(outcome) },
  });
}

function replay<T>(stored: string, schema: z.ZodType<T>): Replayable<T> {
  const outcome = z.union([z.object({ value: schema }), z.object({ refusal: storedRefusalSchema })]).parse(JSON.parse(stored));
  if ("refusal" in outcome) {
    const { code, fields, message } = outcome.refusal;
    throw new ReplayedRefusal(code, { ...(fields ? { fields } : {}), ...(message ? { message } : {}) });
  }
  return { value: outcome.value, replayed: true };
}

/** Claims the key (null: go ahead), or returns the stored outcome of an earlier request with it. */
async function claim(recordKey: string, requestHash: string, waitMs: number): Promise<string | null> {
  const { db, clock } = deps();
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await db.idempotencyRecord.create({ data: { key: recordKey, requestHash, state: "PENDING", createdAt: clock.now() } });
      return null;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
    const record = await db.idempotencyRecord.findUnique({ where: { key: recordKey } });
    if (!record) continue; // released between our insert and our read: claim it again
    if (record.requestHash !== requestHash) throw new AppError("VALIDATION_FAILED", { message: IDEMPOTENCY_MESSAGES.reusedWithOtherData });
    if (record.state === "DONE" && record.outcome !== null) return record.outcome;
    if (clock.now().getTime() - record.createdAt.getTime() > IDEMPOTENCY_STALE_MS) {
      await db.idempotencyRecord.deleteMany({ where: { key: recordKey, state: "PENDING", createdAt: record.createdAt } });
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError("RATE_LIMITED", { message: IDEMPOTENCY_MESSAGES.stillRunning, headers: { "Retry-After": "5" } });
    }
    await sleep(IDEMPOTENCY_POLL_MS);
  }
}
