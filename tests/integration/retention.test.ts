/**
 * Retention (SPEC "Added contract"; docs/decisions/0006-retention.md), with the server's clock set
 * just before and just after CPNS 2023's deadline (its closing + RETENTION_DAYS, 730 by default):
 * nothing goes before; a dry run deletes nothing; afterwards no account, credential, photo or
 * idempotency record of the period remains, another period's data is untouched, the admin's
 * figures still add up, and the SYSTEM audit entry holds the counts. A second run does nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getRegistrationFigures } from "@/server/admin/get-registration-figures";
import { parseEnv } from "@/server/env";
import { applyRetention, formatRetentionReport } from "@/server/retention/apply-retention";
import { LocalDirectoryPhotoStorage, type PhotoStorage } from "@/server/storage";
import { budiAccountRow } from "../fixtures/identities";
import { BUDI, PASSWORD_STEP, SITI, registrationForm, samplePhotos, solveCaptcha, storedFiles, submit } from "../setup/registration-harness";
import { at, useTestServer } from "../setup/test-server";

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSES_AT = Date.parse("2023-10-08T23:59:59+07:00");
const DEADLINE = CLOSES_AT + 730 * DAY_MS; // 2025-10-07 23:59:59 WIB
const BEFORE = new Date(DEADLINE - 60_000).toISOString();
const AFTER = new Date(DEADLINE + 1_000).toISOString();
const LATER_PERIOD = { id: "CPNS-2024", name: "CPNS 2024", opensAt: new Date("2024-08-20T00:00:00+07:00"), closesAt: new Date("2024-09-10T23:59:59+07:00") };

const env = useTestServer();
let figuresBefore: unknown;
let laterPhotos: string[];

/** The retention job and the admin's figures with the server's clock at `instant`, as the scheduled script would run. */
function atClock(instant: string) {
  return {
    retention: {
      applyRetention: (options?: Parameters<typeof applyRetention>[0]) => at(instant, () => applyRetention(options)),
      formatRetentionReport,
    },
    figures: { getRegistrationFigures: () => at(instant, () => getRegistrationFigures()) },
  };
}

async function snapshot() {
  const { prisma } = env.testDb;
  return {
    accounts: await prisma.account.count(),
    credentials: await prisma.credential.count(),
    idempotencyRecords: await prisma.idempotencyRecord.count(),
    signInAttempts: await prisma.signInAttempt.count(),
    refusals: await prisma.registrationRefusal.count(),
    files: storedFiles(env.storageDir),
  };
}

const period2023 = { accounts: { where: { periodId: "CPNS-2023" } } };

beforeAll(async () => {
  const { prisma } = env.testDb;
  // Two applicants register during CPNS 2023 (one with an Idempotency-Key); Budi tries again (a refusal).
  for (const [identity, headers] of [
    [BUDI, { "Idempotency-Key": "retention-test-1" }],
    [SITI, {}],
    [BUDI, {}],
  ] as const) {
    await submit(await registrationForm({ ...identity, ...PASSWORD_STEP, ...(await solveCaptcha(prisma)) }), headers);
  }
  await prisma.signInAttempt.create({ data: { id: "attempt-1", scope: "APPLICANT", subject: "hash", succeeded: false, createdAt: new Date("2023-10-01T10:00:00+07:00") } });

  // A later period whose deadline is still far away, with one account and its photos.
  await prisma.selectionPeriod.create({ data: LATER_PERIOD });
  const storage = new LocalDirectoryPhotoStorage(env.storageDir);
  const { selfie } = await samplePhotos();
  laterPhotos = ["ktp/later-period.jpg", "selfie/later-period.jpg"];
  for (const key of laterPhotos) await storage.put(key, selfie);
  await prisma.account.create({
    data: budiAccountRow({
      id: "acc-2024",
      registrationNumber: "202400000000001",
      periodId: LATER_PERIOD.id,
      ktpPhotoKey: laterPhotos[0]!,
      selfieKey: laterPhotos[1]!,
      createdAt: new Date("2024-08-21T09:00:00+07:00"),
    }),
  });

  const before = await snapshot();
  expect(before).toMatchObject({ accounts: 3, credentials: 2, idempotencyRecords: 1, signInAttempts: 1, refusals: 1 });
  expect(before.files).toHaveLength(6);
  figuresBefore = await (await atClock(BEFORE)).figures.getRegistrationFigures();
  expect(figuresBefore).toMatchObject({ total: 2 });
});

describe("before the deadline", () => {
  it("deletes nothing, and still records the run", async () => {
    const before = await snapshot();
    const { retention } = await atClock(BEFORE);
    const report = await retention.applyRetention();
    expect(report).toMatchObject({ dryRun: false, retentionDays: 730, periods: [], accounts: 0, credentials: 0, photos: 0, idempotencyRecords: 0 });
    expect(await snapshot()).toEqual(before);
    const audit = await env.testDb.prisma.auditLog.findMany({ where: { action: "DATA_RETENTION_APPLIED" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "SYSTEM", actorId: null });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ accounts: 0, photos: 0, periods: [] });
  });
});

describe("after the deadline", () => {
  it("--dry-run reports what would go and deletes nothing (nor audits)", async () => {
    const before = await snapshot();
    const audits = await env.testDb.prisma.auditLog.count();
    const { retention } = await atClock(AFTER);
    const report = await retention.applyRetention({ dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      periods: [{ periodId: "CPNS-2023", deadline: new Date(DEADLINE).toISOString(), accounts: 2, credentials: 2, photos: 4 }],
      accounts: 2,
      credentials: 2,
      photos: 4,
      idempotencyRecords: 1,
      signInAttempts: 1,
    });
    expect(retention.formatRetentionReport(report)).toContain("2 accounts, 2 credentials, 4 photos would be deleted");
    expect(await snapshot()).toEqual(before);
    expect(await env.testDb.prisma.auditLog.count()).toBe(audits);
  });

  it("a photo that cannot be deleted stops the run before any row goes", async () => {
    const before = await snapshot();
    const { retention } = await atClock(AFTER);
    const failing: PhotoStorage = {
      put: async () => {},
      get: async () => null,
      delete: async () => {
        throw new Error("storage unavailable");
      },
    };
    await expect(retention.applyRetention({ storage: failing })).rejects.toThrow("storage unavailable");
    expect(await snapshot()).toEqual(before);
    expect(await env.testDb.prisma.retainedAccountCount.count()).toBe(0);
  });

  it("deletes the period's accounts, credentials, photos and idempotency records, keeps the figures and audits the counts", async () => {
    const { prisma } = env.testDb;
    const { retention, figures } = await atClock(AFTER);
    // One account per batch, so the kept counts are added up across transactions.
    const report = await retention.applyRetention({ batchSize: 1 });
    expect(report).toMatchObject({ dryRun: false, accounts: 2, credentials: 2, photos: 4, idempotencyRecords: 1, signInAttempts: 1 });

    expect(await prisma.account.count({ where: { periodId: "CPNS-2023" } })).toBe(0);
    expect(await prisma.credential.count()).toBe(0);
    expect(await prisma.idempotencyRecord.count()).toBe(0);
    expect(storedFiles(env.storageDir)).toEqual([...laterPhotos].sort());
    for (const identity of [BUDI, SITI]) {
      expect(await prisma.account.count({ where: { periodId: "CPNS-2023", nik: identity.nik } })).toBe(0);
    }
    // The later period is untouched; refusals hold no personal data and stay.
    expect(await prisma.account.findUnique({ where: { id: "acc-2024" } })).not.toBeNull();
    expect(await prisma.registrationRefusal.count()).toBe(1);

    expect(await figures.getRegistrationFigures()).toEqual(figuresBefore);
    expect(await prisma.retainedAccountCount.findMany({ select: { periodId: true, agencyCode: true, accounts: true } })).toEqual([
      { periodId: "CPNS-2023", agencyCode: BUDI.agencyCode, accounts: 2 },
    ]);

    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "DATA_RETENTION_APPLIED" }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ actorType: "SYSTEM", actorId: null, target: "retention" });
    const counts = JSON.parse(entry.after!) as Record<string, unknown>;
    expect(counts).toMatchObject({ accounts: 2, credentials: 2, photos: 4, idempotencyRecords: 1, signInAttempts: 1, retentionDays: 730 });
    expect(counts.periods).toEqual([expect.objectContaining({ periodId: "CPNS-2023", accounts: 2, credentials: 2, photos: 4 })]);
    // Counts only: no NIK, name, email or number of any applicant in the record.
    for (const value of [BUDI.nik, SITI.nik, BUDI.email, "BUDI", "SANTOSO"]) expect(entry.after).not.toContain(value);
  });

  it("a second run deletes nothing, and the figures still add up", async () => {
    const before = await snapshot();
    const { retention, figures } = await atClock(AFTER);
    const report = await retention.applyRetention();
    expect(report).toMatchObject({ accounts: 0, credentials: 0, photos: 0, idempotencyRecords: 0, signInAttempts: 0 });
    expect(report.periods).toEqual([expect.objectContaining({ periodId: "CPNS-2023", accounts: 0 })]);
    expect(await snapshot()).toEqual(before);
    expect(await figures.getRegistrationFigures()).toEqual(figuresBefore);
    expect(await env.testDb.prisma.auditLog.count({ where: { action: "DATA_RETENTION_APPLIED" } })).toBe(3);
  });
});

describe("the database", () => {
  it("refuses a DELETE of an account outside the retention job, and every UPDATE", async () => {
    const { prisma } = env.testDb;
    const message = (error: unknown) =>
      (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } }).meta?.driverAdapterError?.cause?.originalMessage ?? String(error);
    const refusedDelete = await prisma.account.delete({ where: { id: "acc-2024" } }).catch((error: unknown) => error);
    expect(message(refusedDelete)).toMatch(/ACCOUNT_DELETE_REFUSED/);
    const refusedRaw = await prisma.$executeRawUnsafe(`DELETE FROM "Account"`).catch((error: unknown) => error);
    expect(message(refusedRaw)).toMatch(/ACCOUNT_DELETE_REFUSED/);
    const refusedUpdate = await prisma.account.update({ where: { id: "acc-2024" }, data: { fullName: "NAMA LAIN" } }).catch((error: unknown) => error);
    expect(message(refusedUpdate)).toMatch(/ACCOUNT_IMMUTABLE/);
    expect(await prisma.account.count()).toBe(1);
  });
});

describe("RETENTION_DAYS", () => {
  it("defaults to 730 and must be a whole number of days, at least 1", () => {
    expect(parseEnv({}).RETENTION_DAYS).toBe(730);
    expect(parseEnv({ RETENTION_DAYS: "" }).RETENTION_DAYS).toBe(730);
    expect(parseEnv({ RETENTION_DAYS: "1825" }).RETENTION_DAYS).toBe(1825);
    expect(() => parseEnv({ RETENTION_DAYS: "0" })).toThrow(/RETENTION_DAYS: must be at least 1/);
    expect(() => parseEnv({ RETENTION_DAYS: "1.5" })).toThrow(/RETENTION_DAYS/);
    expect(() => parseEnv({ RETENTION_DAYS: "dua tahun" })).toThrow(/RETENTION_DAYS/);
  });
});
