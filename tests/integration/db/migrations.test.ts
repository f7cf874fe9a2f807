import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { applySqliteMigrations, listMigrations } from "../../../scripts/lib/migrations";
import { MIGRATIONS_DIR, testEngine, useTestDatabase } from "../../setup/test-database";

/**
 * SQLite's migration runner and SQLite's migrated file, read with better-sqlite3: on PostgreSQL
 * these skip, and tests/integration/db/postgres-migrations.test.ts checks the same there.
 */
const notSqlite = testEngine() !== "sqlite";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to be rejected");
}

function databaseMessage(error: unknown): string {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } }).meta?.driverAdapterError?.cause;
  return cause?.originalMessage ?? String((error as Error).message);
}

describe.skipIf(notSqlite)("offline migration runner (SQLite)", () => {
  it("applies every migration once and records it in Prisma's table with the file's sha256", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-mig-"));
    const file = path.join(dir, "m.db");
    const first = applySqliteMigrations(file, MIGRATIONS_DIR);
    const names = listMigrations(MIGRATIONS_DIR).map((m) => m.name);
    expect(first.applied).toEqual(names);
    const second = applySqliteMigrations(file, MIGRATIONS_DIR);
    expect(second).toEqual({ applied: [], alreadyApplied: names });

    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations"`).all();
    sqlite.close();
    expect(rows).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a migration that was edited after it was applied", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-mig-"));
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const file = path.join(dir, "m.db");
    applySqliteMigrations(file, migrations);
    const first = listMigrations(migrations)[0]!;
    fs.appendFileSync(path.join(migrations, first.name, "migration.sql"), "\n-- edited\n");
    expect(() => applySqliteMigrations(file, migrations)).toThrow(/was changed after it was applied/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rolls back a failing migration whole, leaving it unrecorded", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-mig-"));
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    fs.mkdirSync(path.join(migrations, "99999999999999_broken"));
    fs.writeFileSync(
      path.join(migrations, "99999999999999_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;`,
    );
    const file = path.join(dir, "m.db");
    expect(() => applySqliteMigrations(file, migrations)).toThrow();
    const sqlite = new Database(file, { readonly: true });
    const half = sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).all();
    const recorded = sqlite.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all() as { migration_name: string }[];
    sqlite.close();
    expect(half).toEqual([]);
    expect(recorded.map((r) => r.migration_name)).not.toContain("99999999999999_broken");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(notSqlite)("20261125000000_idempotency_outcome (SQLite)", () => {
  it("carries answers stored as HTTP bodies over to outcomes in the domain's terms", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-mig-"));
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const outcomeMigration = "20261125000000_idempotency_outcome";
    fs.renameSync(path.join(migrations, outcomeMigration), path.join(dir, outcomeMigration));
    const file = path.join(dir, "m.db");
    applySqliteMigrations(file, migrations);

    const before = new Database(file);
    const insert = before.prepare(`INSERT INTO "IdempotencyRecord" ("key", "requestHash", "state", "responseStatus", "responseBody") VALUES (?, 'h', ?, ?, ?)`);
    const receipt = { registrationNumber: "202300000000000", createdAt: "2023-09-25T03:00:00.000Z", cardToken: "202300000000000.1695614400.x" };
    insert.run("created", "DONE", 201, JSON.stringify(receipt));
    insert.run("refused", "DONE", 422, JSON.stringify({ error: { code: "DUKCAPIL_MISMATCH", message: "Nomor KK tidak sesuai.", fields: { kk: ["Nomor KK tidak sesuai."] } } }));
    insert.run("running", "PENDING", null, null);
    before.close();

    fs.renameSync(path.join(dir, outcomeMigration), path.join(migrations, outcomeMigration));
    expect(applySqliteMigrations(file, migrations).applied).toEqual([outcomeMigration]);
    const after = new Database(file, { readonly: true });
    const rows = after.prepare(`SELECT * FROM "IdempotencyRecord" ORDER BY "key"`).all() as Record<string, unknown>[];
    after.close();
    expect(rows.map(({ key, state, outcome }) => [key, state, outcome === null ? null : JSON.parse(outcome as string)])).toEqual([
      ["created", "DONE", { value: { registrationNumber: receipt.registrationNumber, createdAt: receipt.createdAt } }],
      ["refused", "DONE", { refusal: { code: "DUKCAPIL_MISMATCH", message: "Nomor KK tidak sesuai.", fields: { kk: ["Nomor KK tidak sesuai."] } } }],
      ["running", "PENDING", null],
    ]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["createdAt", "key", "outcome", "requestHash", "state"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(notSqlite)("the migrated SQLite database and prisma/schema.prisma", () => {
  const testDb = useTestDatabase({ seed: true });

  it("has a table for every model with exactly the model's columns", () => {
    const sqlite = new Database(testDb.file!, { readonly: true });
    const namespace = Prisma as unknown as Record<string, Record<string, string>>;
    for (const model of Object.values(Prisma.ModelName)) {
      const expected = Object.values(namespace[`${model}ScalarFieldEnum`] ?? {}).sort();
      expect(expected.length, `${model} has fields`).toBeGreaterThan(0);
      const columns = (sqlite.prepare(`PRAGMA table_info("${model}")`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(columns, `columns of ${model}`).toEqual(expected);
    }
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[])
      .map((t) => t.name)
      .sort();
    sqlite.close();
    expect(tables).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("rejects any UPDATE of a confirmed account, through Prisma and through raw SQL", async () => {
    const { prisma } = testDb;
    const citizen = { nik: "3273014107990001", kk: "3273010101150001", fullName: "SITI RAHAYU", birthPlace: "BANDUNG", birthDate: "1999-07-01", gender: "PEREMPUAN" };
    const agency = await prisma.agency.findFirstOrThrow({ where: { formationStatus: "VERIFIED" } });
    const account = await prisma.account.create({
      data: {
        id: "acc-immutable",
        registrationNumber: "TEST-0001",
        periodId: "CPNS-2023",
        nik: citizen.nik,
        kk: citizen.kk,
        fullName: citizen.fullName,
        birthPlace: citizen.birthPlace,
        birthDate: citizen.birthDate,
        gender: citizen.gender,
        phone: "+6281234567890",
        email: "immutable@example.com",
        agencyCode: agency.code,
        ktpPhotoKey: "ktp/acc-immutable.jpg",
        selfieKey: "selfie/acc-immutable.jpg",
      },
    });
    // Prisma reports SQLite's trigger abort as P2003; the trigger's own message is in the cause.
    expect(databaseMessage(await rejection(prisma.account.update({ where: { id: account.id }, data: { fullName: "NAMA LAIN" } })))).toMatch(
      /ACCOUNT_IMMUTABLE/,
    );
    expect(
      databaseMessage(await rejection(prisma.$executeRawUnsafe(`UPDATE "Account" SET "email" = 'x@example.com' WHERE "id" = 'acc-immutable'`))),
    ).toMatch(/ACCOUNT_IMMUTABLE/);
    const sqlite = new Database(testDb.file!);
    expect(() => sqlite.prepare(`UPDATE "Account" SET "createdAt" = '2000-01-01' WHERE "id" = 'acc-immutable'`).run()).toThrow(/ACCOUNT_IMMUTABLE/);
    sqlite.close();
    const after = await prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.fullName).toBe(citizen.fullName);
    expect(after.email).toBe("immutable@example.com");

    // The credential, kept apart, may change (password recovery).
    await prisma.credential.create({
      data: {
        accountId: account.id,
        passwordHash: "h1",
        securityQuestion1: "q1",
        securityAnswer1Hash: "a1",
        securityQuestion2: "q2",
        securityAnswer2Hash: "a2",
      },
    });
    const changed = await prisma.credential.update({ where: { accountId: account.id }, data: { passwordHash: "h2", sessionVersion: { increment: 1 } } });
    expect(changed).toMatchObject({ passwordHash: "h2", sessionVersion: 1 });
  });

  it("refuses a second account with the same NIK, email or mobile in a period", async () => {
    const { prisma } = testDb;
    const base = await prisma.account.findUniqueOrThrow({ where: { id: "acc-immutable" } });
    const other = { ...base, id: "acc-dup", registrationNumber: "TEST-0002", createdAt: undefined };
    const unique = { nik: "3273010101010001", email: "other@example.com", phone: "+6281100000000" };
    for (const field of ["nik", "email", "phone"] as const) {
      await expect(prisma.account.create({ data: { ...other, ...unique, [field]: base[field] } }), field).rejects.toThrow(/Unique constraint/);
    }
  });
});
