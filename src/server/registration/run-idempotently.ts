import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError, type ErrorCode } from "@/domain/errors";
import { Prisma } from "@/generated/prisma/client";
import { deps } from "@/server/deps";
import { toErrorResponse } from "@/server/http";

/**
 * Idempotent submissions (`Idempotency-Key`). The first request with a key claims it by inserting
 * a PENDING record (the primary key makes the claim atomic); its final answer is stored and every
 * retry with the same key and the same data gets exactly that answer, status and body, without
 * doing anything again (no captcha is consumed, no account created). A retry that arrives while
 * the first is still running waits for its answer.
 *
 * Stored: the 201 and the business refusals that would be the same on a retry (already
 * registered, agency not verified, registry mismatch, unreadable photo). Not stored: a wrong
 * captcha (the retry brings a fresh one) and unexpected failures (500); the claim is released so
 * a retry runs afresh.
 */
export const IDEMPOTENCY_KEY_MAX = 100;
export const IDEMPOTENCY_WAIT_MS = 15_000;
export const IDEMPOTENCY_POLL_MS = 100;
/** A PENDING claim this old belongs to a request that died (process crash): it may be taken over. */
export const IDEMPOTENCY_STALE_MS = 120_000;
/** Answers are kept for a day: long enough for any client retry, short enough to stay small. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

const STORED_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "VALIDATION_FAILED",
  "AGENCY_NOT_FOUND",
  "AGENCY_FORMATION_NOT_VERIFIED",
  "NIK_NOT_FOUND",
  "DUKCAPIL_MISMATCH",
  "NIK_ALREADY_REGISTERED",
  "EMAIL_ALREADY_REGISTERED",
  "PHONE_ALREADY_REGISTERED",
]);

export type StoredResponse = { status: number; body: unknown };
/** `error`: the refusal behind a stored 4xx answered for the first time (not on replays). */
export type IdempotentResponse = StoredResponse & { replayed: boolean; error?: AppError };

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

export async function runIdempotently(
  recordKey: string,
  requestHash: string,
  run: () => Promise<StoredResponse>,
  options: { waitMs?: number } = {},
): Promise<IdempotentResponse> {
  await deps().db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(deps().clock.now().getTime() - IDEMPOTENCY_RETENTION_MS) } } });
  const replay = await claim(recordKey, requestHash, options.waitMs ?? IDEMPOTENCY_WAIT_MS);
  if (replay) return { ...replay, replayed: true };

  let response: StoredResponse;
  let refusal: AppError | undefined;
  try {
    response = await run();
  } catch (error) {
    if (!(error instanceof AppError) || !STORED_ERROR_CODES.has(error.code)) {
      await deps().db.idempotencyRecord.deleteMany({ where: { key: recordKey, state: "PENDING" } });
      throw error;
    }
    const errorResponse = toErrorResponse(error);
    response = { status: errorResponse.status, body: await errorResponse.json() };
    refusal = error;
  }
  // updateMany: if our claim was taken over meanwhile (we ran past IDEMPOTENCY_STALE_MS), the
  // answer still goes to this client; the new claimant's record is not ours to overwrite.
  await deps().db.idempotencyRecord.updateMany({
    where: { key: recordKey, state: "PENDING", requestHash },
    data: { state: "DONE", responseStatus: response.status, responseBody: JSON.stringify(response.body) },
  });
  return { ...response, replayed: false, ...(refusal ? { error: refusal } : {}) };
}

/** Claims the key (null: go ahead), or returns the stored answer of an earlier request with it. */
async function claim(recordKey: string, requestHash: string, waitMs: number): Promise<StoredResponse | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await deps().db.idempotencyRecord.create({ data: { key: recordKey, requestHash, state: "PENDING", createdAt: deps().clock.now() } });
      return null;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
    const record = await deps().db.idempotencyRecord.findUnique({ where: { key: recordKey } });
    if (!record) continue; // released between our insert and our read: claim it again
    if (record.requestHash !== requestHash) throw new AppError("VALIDATION_FAILED", { message: IDEMPOTENCY_MESSAGES.reusedWithOtherData });
    if (record.state === "DONE" && record.responseStatus !== null && record.responseBody !== null) {
      return { status: record.responseStatus, body: JSON.parse(record.responseBody) as unknown };
    }
    if (deps().clock.now().getTime() - record.createdAt.getTime() > IDEMPOTENCY_STALE_MS) {
      await deps().db.idempotencyRecord.deleteMany({ where: { key: recordKey, state: "PENDING", createdAt: record.createdAt } });
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError("RATE_LIMITED", { message: IDEMPOTENCY_MESSAGES.stillRunning, headers: { "Retry-After": "5" } });
    }
    await sleep(IDEMPOTENCY_POLL_MS);
  }
}
