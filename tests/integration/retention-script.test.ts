/**
 * `npm run data:retention` end to end, as a scheduler runs it: a separate process against a
 * temporary SQLite database and photo directory, configured only through the environment.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
// Two years (730 days) and a minute after CPNS 2023 closed (8 October 2023, 23:59:59 WIB).
const AFTER_DEADLINE = "2025-10-08T00:00:59+07:00";

let testDb: TestDatabase;
let storageDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-retention-"));
  for (const key of ["ktp/a.jpg", "selfie/a.jpg"]) {
    fs.mkdirSync(path.join(storageDir, path.dirname(key)), { recursive: true });
    fs.writeFileSync(path.join(storageDir, key), "jpeg");
  }
  await testDb.prisma.account.create({
    data: {
      id: "acc-a",
      registrationNumber: "202300000000001",
      periodId: "CPNS-2023",
      nik: "3273011205980001",
      kk: "3273011103190001",
      fullName: "BUDI SANTOSO",
      birthPlace: "BANDUNG",
      birthDate: "1998-05-12",
      gender: "LAKI_LAKI",
      phone: "+6281234567890",
      email: "budi@example.com",
      agencyCode: "KOTA-3273",
      ktpPhotoKey: "ktp/a.jpg",
      selfieKey: "selfie/a.jpg",
      createdAt: new Date("2023-09-21T10:00:00+07:00"),
      credential: { create: { passwordHash: "h", securityQuestion1: "q1", securityAnswer1Hash: "a1", securityQuestion2: "q2", securityAnswer2Hash: "a2" } },
    },
  });
});
afterAll(async () => {
  await testDb.cleanup();
  fs.rmSync(storageDir, { recursive: true, force: true });
});

/** The npm script's own command line, with the scheduler's environment. */
function retention(...args: string[]) {
  const [command, ...scriptArgs] = PACKAGE.scripts["data:retention"]!.split(" ");
  expect(command).toBe("tsx");
  const env = { ...process.env, DATABASE_URL: testDb.url, STORAGE_DIR: storageDir, APP_CLOCK: AFTER_DEADLINE, RETENTION_DAYS: "", APP_ENV: "local" };
  return run(path.join(ROOT, "node_modules/.bin/tsx"), [...scriptArgs, ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

// Each test starts tsx once or twice: seconds each, more on a busy machine.
describe("npm run data:retention", { timeout: 60_000 }, () => {
  it("--dry-run reports what would go and deletes nothing", async () => {
    const result = await retention("--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("dry run: nothing deleted");
    expect(result.stdout).toContain("period CPNS-2023 (closed 2023-10-08T16:59:59.000Z, deadline 2025-10-07T16:59:59.000Z): 1 accounts, 1 credentials, 2 photos would be deleted");
    expect(await testDb.prisma.account.count()).toBe(1);
    expect(fs.existsSync(path.join(storageDir, "ktp/a.jpg"))).toBe(true);
    expect(await testDb.prisma.auditLog.count()).toBe(0);
  });

  it("deletes the account, its credential and photos, keeps the count, audits, and logs no personal data", async () => {
    const result = await retention();
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("1 accounts, 1 credentials, 2 photos deleted");
    for (const value of ["3273011205980001", "BUDI", "budi@example.com", "202300000000001"]) expect(result.stdout).not.toContain(value);
    expect(await testDb.prisma.account.count()).toBe(0);
    expect(await testDb.prisma.credential.count()).toBe(0);
    expect(fs.existsSync(path.join(storageDir, "ktp/a.jpg"))).toBe(false);
    expect(fs.existsSync(path.join(storageDir, "selfie/a.jpg"))).toBe(false);
    expect(await testDb.prisma.retainedAccountCount.findMany()).toEqual([{ periodId: "CPNS-2023", agencyCode: "KOTA-3273", day: "2023-09-21", hour: 10, accounts: 1 }]);
    const audit = await testDb.prisma.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ actorType: "SYSTEM", action: "DATA_RETENTION_APPLIED" });
    expect(JSON.parse(audit.after!)).toMatchObject({ accounts: 1, credentials: 1, photos: 2 });
  });

  it("run again, it does nothing; a wrong argument is a usage error", async () => {
    expect((await retention()).stdout).toContain("0 accounts, 0 credentials, 0 photos deleted");
    expect(await testDb.prisma.retainedAccountCount.findMany()).toEqual([expect.objectContaining({ accounts: 1 })]);
    expect(await retention("--now")).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run data:retention [-- --dry-run]") });
  });
});
