import "server-only";
import { randomUUID } from "node:crypto";
import { formatIsoDate } from "@/domain/calendar";
import { toWibCalendarDate, wibHour } from "@/domain/registration/window";
import { deps, type Deps } from "@/server/deps";
import type { PhotoStorage } from "@/server/storage";

/**
 * Retention (UU PDP No. 27/2022: personal data is kept no longer than its purpose needs).
 * `RETENTION_DAYS` after a selection period closes, its accounts, their credentials and photos are
 * deleted; so are the short-lived records that can point at a person (idempotency records, keyed
 * hashes of NIKs and addresses kept for throttling) made before that deadline. Before an account
 * goes it is added to `RetainedAccountCount` (period, agency, WIB day and hour), so the admin's figures
 * still add up; refused requests (`RegistrationRefusal`) hold no personal data and stay.
 *
 * Safe on a schedule: a second run finds nothing to delete. Work is done in batches; for each,
 * the photos are deleted first and then, in one transaction, the counts are added and the rows
 * deleted, so a crash at any point leaves neither an orphan photo nor a lost count, and the next
 * run finishes the job. Each run that is not a dry run writes one SYSTEM audit entry with the
 * counts. Nothing here logs or returns personal data: counts, period ids and instants only.
 */
export const RETENTION_BATCH_SIZE = 500;
/** The short-lived records are of no use after a day (idempotency answers are kept 24 hours). */
export const SHORT_LIVED_RECORD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Photos deleted at once: a bounded number of files open. */
const PHOTO_DELETE_CONCURRENCY = 32;

export type PeriodRetention = {
  periodId: string;
  closesAt: string;
  /** closesAt + RETENTION_DAYS: from this instant the period's personal data goes. */
  deadline: string;
  accounts: number;
  credentials: number;
  photos: number;
};

export type RetentionReport = {
  dryRun: boolean;
  ranAt: string;
  retentionDays: number;
  /** Every period past its deadline (with what was, or would be, deleted of it now). */
  periods: PeriodRetention[];
  accounts: number;
  credentials: number;
  photos: number;
  idempotencyRecords: number;
  signInAttempts: number;
  rateLimitHits: number;
};

export type RetentionOptions = {
  /** Count what would be deleted, delete nothing, write no audit entry. */
  dryRun?: boolean;
  /** Defaults to the configured photo storage. */
  storage?: PhotoStorage;
  batchSize?: number;
};

export async function applyRetention(options: RetentionOptions = {}): Promise<RetentionReport> {
  const dryRun = options.dryRun ?? false;
  const ports = deps();
  const { db } = ports;
  const now = ports.clock.now();
  const retentionDays = ports.env.RETENTION_DAYS;
  const storage = options.storage ?? ports.photoStorage;

  const periods = (await db.selectionPeriod.findMany({ select: { id: true, closesAt: true }, orderBy: { closesAt: "asc" } }))
    .map((period) => ({ ...period, deadline: new Date(period.closesAt.getTime() + retentionDays * DAY_MS) }))
    .filter((period) => period.deadline.getTime() <= now.getTime());

  const report: RetentionReport = {
    dryRun,
    ranAt: now.toISOString(),
    retentionDays,
    periods: [],
    accounts: 0,
    credentials: 0,
    photos: 0,
    idempotencyRecords: 0,
    signInAttempts: 0,
    rateLimitHits: 0,
  };

  for (const period of periods) {
    const counts = dryRun ? await countPeriod(db, period.id) : await purgePeriod(ports, period.id, storage, options.batchSize ?? RETENTION_BATCH_SIZE);
    report.periods.push({ periodId: period.id, closesAt: period.closesAt.toISOString(), deadline: period.deadline.toISOString(), ...counts });
    report.accounts += counts.accounts;
    report.credentials += counts.credentials;
    report.photos += counts.photos;
  }

  const latestDeadline = periods.at(-1)?.deadline;
  if (latestDeadline) {
    const cutoff = new Date(Math.min(latestDeadline.getTime(), now.getTime() - SHORT_LIVED_RECORD_MAX_AGE_MS));
    const where = { createdAt: { lt: cutoff } };
    const [idempotencyRecords, signInAttempts, rateLimitHits] = dryRun
      ? await Promise.all([db.idempotencyRecord.count({ where }), db.signInAttempt.count({ where }), db.rateLimitHit.count({ where })])
      : (
          await db.$transaction([
            db.idempotencyRecord.deleteMany({ where }),
            db.signInAttempt.deleteMany({ where }),
            db.rateLimitHit.deleteMany({ where }),
          ])
        ).map((result) => result.count);
    Object.assign(report, { idempotencyRecords, signInAttempts, rateLimitHits });
  }

  if (!dryRun) {
    const { dryRun: _dryRun, ...counts } = report;
    await db.auditLog.create({
      data: {
        id: randomUUID(),
        actorType: "SYSTEM",
        actorId: null,
        action: "DATA_RETENTION_APPLIED",
        target: "retention",
        after: JSON.stringify(counts),
        createdAt: now,
      },
    });
  }
  return report;
}

type PeriodCounts = { accounts: number; credentials: number; photos: number };

async function countPeriod(db: Deps["db"], periodId: string): Promise<PeriodCounts> {
  const [accounts, credentials] = await Promise.all([
    db.account.count({ where: { periodId } }),
    db.credential.count({ where: { account: { periodId } } }),
  ]);
  return { accounts, credentials, photos: accounts * 2 };
}

async function purgePeriod({ db, clock }: Deps, periodId: string, storage: PhotoStorage, batchSize: number): Promise<PeriodCounts> {
  const total: PeriodCounts = { accounts: 0, credentials: 0, photos: 0 };
  for (;;) {
    const batch = await db.account.findMany({
      where: { periodId },
      select: { id: true, ktpPhotoKey: true, selfieKey: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return total;

    // Photos first: if the transaction below then fails, the rows remain and the next run deletes
    // them (deleting a missing photo is no error); the other order could leave photos no row names.
    const keys = batch.flatMap((account) => [account.ktpPhotoKey, account.selfieKey]);
    for (let i = 0; i < keys.length; i += PHOTO_DELETE_CONCURRENCY) {
      await Promise.all(keys.slice(i, i + PHOTO_DELETE_CONCURRENCY).map((key) => storage.delete(key)));
    }

    const ids = batch.map((account) => account.id);
    const deleted = await db.$transaction(async (tx) => {
      // Counted from the rows as they are inside the transaction: if another run (a second
      // scheduler) got to some of them first, they are neither counted nor deleted twice.
      const present = await tx.account.findMany({ where: { id: { in: ids } }, select: { id: true, agencyCode: true, createdAt: true } });
      for (const { agencyCode, day, hour, accounts } of tallyByAgencyAndHour(present)) {
        await tx.retainedAccountCount.upsert({
          where: { periodId_agencyCode_day_hour: { periodId, agencyCode, day, hour } },
          create: { periodId, agencyCode, day, hour, accounts },
          update: { accounts: { increment: accounts } },
        });
      }
      await tx.accountDeletionPermit.create({ data: { periodId, grantedAt: clock.now() } });
      const credentials = await tx.credential.deleteMany({ where: { accountId: { in: ids } } });
      const accounts = await tx.account.deleteMany({ where: { id: { in: present.map((account) => account.id) } } });
      await tx.accountDeletionPermit.delete({ where: { periodId } });
      // Rolls the batch back (counts included) rather than let the figures and the rows disagree.
      if (accounts.count !== present.length) throw new Error("retention: accounts changed while they were being deleted");
      return { credentials: credentials.count, accounts: accounts.count };
    });
    total.accounts += deleted.accounts;
    total.credentials += deleted.credentials;
    total.photos += keys.length;
  }
}

function tallyByAgencyAndHour(accounts: { agencyCode: string; createdAt: Date }[]): { agencyCode: string; day: string; hour: number; accounts: number }[] {
  const tallies = new Map<string, { agencyCode: string; day: string; hour: number; accounts: number }>();
  for (const account of accounts) {
    const day = formatIsoDate(toWibCalendarDate(account.createdAt));
    const hour = wibHour(account.createdAt);
    const key = `${account.agencyCode}|${day}|${hour}`;
    const tally = tallies.get(key) ?? { agencyCode: account.agencyCode, day, hour, accounts: 0 };
    tally.accounts += 1;
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}

/** The report as lines for a terminal or a scheduler's log: counts, period ids and instants only. */
export function formatRetentionReport(report: RetentionReport): string {
  const lines = [
    `data retention${report.dryRun ? " (dry run: nothing deleted)" : ""} at ${report.ranAt}, RETENTION_DAYS=${report.retentionDays}`,
  ];
  if (report.periods.length === 0) lines.push("no selection period is past its retention deadline");
  for (const period of report.periods) {
    lines.push(
      `period ${period.periodId} (closed ${period.closesAt}, deadline ${period.deadline}): ` +
        `${period.accounts} accounts, ${period.credentials} credentials, ${period.photos} photos ${report.dryRun ? "would be deleted" : "deleted"}`,
    );
  }
  lines.push(
    `short-lived records ${report.dryRun ? "that would be deleted" : "deleted"}: ${report.idempotencyRecords} idempotency records, ` +
      `${report.signInAttempts} sign-in attempts, ${report.rateLimitHits} rate-limit hits`,
  );
  return lines.join("\n");
}
