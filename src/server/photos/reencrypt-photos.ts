import "server-only";
import { deps } from "@/server/deps";
import { EncryptedPhotoStorage } from "@/server/photos/encrypted-photo-storage";
import { PhotoDecryptionError } from "@/server/photos/photo-encryption";

/**
 * `npm run photos:reencrypt`: moves every account's photos to the current `PHOTO_ENCRYPTION_KEY`,
 * after a key rotation (the old key moved to `PHOTO_ENCRYPTION_KEYS`) or once after upgrading from
 * plain photos. Works on either adapter (directory or database) through the port.
 *
 * Idempotent and resumable: each photo is written whole (a directory's rename, a database row's
 * update) and read back before it counts, and a photo already under the current key is left as
 * it is, so a run that stopped (or crashed) is just run again; `after` skips the accounts a run
 * already reported done. Safe beside the running server: new photos are sealed with the current
 * key anyway. A photo that does not open (its key is not configured, it was changed) is counted
 * and listed by storage key (random, not personal data), and the run goes on with the others.
 */
export const REENCRYPT_BATCH_SIZE = 200;
/** Photos at once: a bounded number of files open and of blobs in memory. */
const CONCURRENCY = 8;
const LISTED_FAILURES = 20;

export type ReencryptReport = {
  /** The current key's id: every photo counted as done is sealed with it. */
  keyId: string;
  accounts: number;
  photos: number;
  reencrypted: number;
  alreadyCurrent: number;
  missing: number;
  failed: number;
  /** The first failures: storage key and why (e.g. "unknown-key 3f2a…": add that key to PHOTO_ENCRYPTION_KEYS). */
  failures: { key: string; reason: string }[];
  /** The last account whose photos are all done: `--after` this resumes. */
  lastAccountId: string | null;
};

export type ReencryptOptions = {
  /** Start after this account id (ids are processed in order). */
  after?: string;
  batchSize?: number;
  /** Called after each batch, e.g. to print progress. */
  onBatch?: (report: ReencryptReport) => void;
};

export async function reencryptPhotos(options: ReencryptOptions = {}): Promise<ReencryptReport> {
  const { db, photoStorage } = deps();
  if (!(photoStorage instanceof EncryptedPhotoStorage)) throw new Error("The photo storage is not the encrypted one (src/server/deps.ts)");
  const report: ReencryptReport = {
    keyId: photoStorage.keyring.current.id,
    accounts: 0,
    photos: 0,
    reencrypted: 0,
    alreadyCurrent: 0,
    missing: 0,
    failed: 0,
    failures: [],
    lastAccountId: options.after ?? null,
  };
  let cursor = options.after;
  for (;;) {
    const accounts = await db.account.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      select: { id: true, ktpPhotoKey: true, selfieKey: true },
      orderBy: { id: "asc" },
      take: options.batchSize ?? REENCRYPT_BATCH_SIZE,
    });
    if (accounts.length === 0) break;
    const keys = accounts.flatMap((account) => [account.ktpPhotoKey, account.selfieKey]);
    await eachLimited(keys, CONCURRENCY, async (key) => {
      report.photos++;
      try {
        const outcome = await photoStorage.reencrypt(key);
        if (outcome === "reencrypted") report.reencrypted++;
        else if (outcome === "current") report.alreadyCurrent++;
        else report.missing++;
      } catch (error) {
        report.failed++;
        if (report.failures.length < LISTED_FAILURES) report.failures.push({ key, reason: failureReason(error) });
      }
    });
    report.accounts += accounts.length;
    cursor = accounts.at(-1)!.id;
    // Resuming after an account whose photo failed would skip it: the mark stops at the first failure.
    if (report.failed === 0) report.lastAccountId = cursor;
    options.onBatch?.(report);
  }
  return report;
}

function failureReason(error: unknown): string {
  if (error instanceof PhotoDecryptionError) return error.keyId ? `${error.reason} ${error.keyId}` : error.reason;
  // Storage errors (a file system's, a database's) by their type and code: never a message that could quote data.
  const code = (error as { code?: unknown }).code;
  return error instanceof Error ? `${error.name}${typeof code === "string" ? ` ${code}` : ""}` : "unknown";
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function formatReencryptReport(report: ReencryptReport): string {
  const lines = [
    `photos:reencrypt: current key ${report.keyId}; ${report.accounts} accounts, ${report.photos} photos: ` +
      `${report.reencrypted} re-encrypted, ${report.alreadyCurrent} already current, ${report.missing} missing, ${report.failed} failed`,
  ];
  for (const { key, reason } of report.failures) lines.push(`  failed: ${key} (${reason})`);
  if (report.failed > report.failures.length) lines.push(`  … and ${report.failed - report.failures.length} more`);
  if (report.failed > 0 && report.lastAccountId) lines.push(`  every account up to ${report.lastAccountId} is done: --after ${report.lastAccountId} resumes after it`);
  return lines.join("\n");
}
