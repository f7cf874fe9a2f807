import "server-only";
import { deps } from "@/server/deps";
import { isServerPhotoKey, type StoredItem } from "@/server/storage";

/**
 * The orphan sweep (issue 9, item 7), run by scripts/start.mjs before the server starts and as
 * `npm run photos:sweep`. With directory storage, a registration stores its photos first and then
 * commits the account (src/server/registration/create-account.ts); a process killed in between
 * leaves photos no account references, and one killed while writing leaves a `.tmp` file. This
 * removes both once they are older than `minAgeMs`: younger ones may belong to a registration
 * still in flight (the wait for the account's transaction is seconds at most), so they stay.
 *
 * Ages are file times against the real clock, never the simulated one (files are written in real
 * time). Only names the server makes are touched (`ktp/<uuid>.jpg`, `selfie/<uuid>.jpg` and their
 * temporary files), so a STORAGE_DIR pointed at the wrong folder loses nothing else.
 *
 * With `PHOTO_STORAGE=database` there is nothing to sweep: a photo is a row written in its
 * account's own transaction, so a crash leaves both or neither (the port offers no `listItems`).
 */
export const ORPHAN_MIN_AGE_MS = 5 * 60 * 1000;
const BATCH = 500;

export type SweepReport = {
  /** "none" when the storage cannot hold orphans (the database). */
  storage: "directory" | "none";
  dryRun: boolean;
  photos: number;
  temporaryFiles: number;
  /** Photos no account references, removed (or, on a dry run, that would be). */
  orphansRemoved: number;
  temporaryRemoved: number;
  /** Younger than the minimum age: left for a later sweep. */
  tooYoung: number;
};

export type SweepOptions = { minAgeMs?: number; dryRun?: boolean; now?: number };

export async function sweepOrphanPhotos(options: SweepOptions = {}): Promise<SweepReport> {
  const { db, photoStorage } = deps();
  const dryRun = options.dryRun ?? false;
  const report: SweepReport = { storage: "none", dryRun, photos: 0, temporaryFiles: 0, orphansRemoved: 0, temporaryRemoved: 0, tooYoung: 0 };
  const { listItems, removeItem } = photoStorage;
  if (!listItems || !removeItem) return report;
  report.storage = "directory";

  const cutoff = (options.now ?? Date.now()) - (options.minAgeMs ?? ORPHAN_MIN_AGE_MS);
  const remove = (name: string) => (dryRun ? Promise.resolve() : removeItem.call(photoStorage, name));
  let batch: StoredItem[] = [];
  const flush = async () => {
    const keys = batch.map((item) => item.key!);
    const referenced = new Set(
      (
        await db.account.findMany({
          where: { OR: [{ ktpPhotoKey: { in: keys } }, { selfieKey: { in: keys } }] },
          select: { ktpPhotoKey: true, selfieKey: true },
        })
      ).flatMap((account) => [account.ktpPhotoKey, account.selfieKey]),
    );
    for (const item of batch) {
      if (referenced.has(item.key!)) continue;
      await remove(item.name);
      report.orphansRemoved++;
    }
    batch = [];
  };

  for await (const item of listItems.call(photoStorage)) {
    if (item.key === null) {
      if (!isServerPhotoKey(item.name.replace(/\.[0-9a-f]{12}\.tmp$/, ""))) continue;
      report.temporaryFiles++;
      if (item.modifiedAt.getTime() > cutoff) report.tooYoung++;
      else {
        await remove(item.name);
        report.temporaryRemoved++;
      }
      continue;
    }
    if (!isServerPhotoKey(item.key)) continue;
    report.photos++;
    if (item.modifiedAt.getTime() > cutoff) {
      report.tooYoung++;
      continue;
    }
    batch.push(item);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return report;
}

export function formatSweepReport(report: SweepReport): string {
  if (report.storage === "none") return "photos:sweep: the photo storage is the database: photos are written with their account, no orphans to sweep";
  const verb = report.dryRun ? "would remove" : "removed";
  return (
    `photos:sweep: ${report.photos} photos and ${report.temporaryFiles} temporary files examined; ` +
    `${verb} ${report.orphansRemoved} orphan photos and ${report.temporaryRemoved} temporary files; ${report.tooYoung} too recent to judge`
  );
}
