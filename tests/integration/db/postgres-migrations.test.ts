/**
 * PostgreSQL's migrations (prisma/migrations-postgresql) against the model and against SQLite's:
 * the same tables and columns as the generated client's models (with PostgreSQL's types for
 * Prisma's scalars), the same indexes and foreign keys as the SQLite migrations make, the
 * immutability trigger refusing and allowing exactly what SQLite's does, and the runner's
 * bookkeeping (checksums, re-runs, edits, failures, two runners at once).
 * About PostgreSQL only: runs in the integration-postgresql project, skips in the SQLite one
 * (whose own runner tests/integration/db/migrations.test.ts checks).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma-pg/client";
import { uniqueViolationFields } from "@/server/registration/create-account";
import { applyPostgresMigrations, applySqliteMigrations, listMigrations, MIGRATIONS_DIRS } from "../../../scripts/lib/migrations";
import { createPostgresTestDatabase, hasPostgres, type PostgresTestDatabase } from "../../setup/postgres-database";

/** Creating, migrating and seeding a database takes a second, much longer on a busy machine. */
const SETUP_TIMEOUT = 60_000;

/** How `prisma migrate` types each Prisma scalar on PostgreSQL (information_schema's names). */
const POSTGRES_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Bytes: "bytea",
};

/** Each model's scalar fields with their Prisma type and optionality, read from prisma/schema.prisma. */
function schemaScalarFields(): Map<string, Map<string, { type: string; optional: boolean }>> {
  const text = fs.readFileSync(path.resolve(__dirname, "../../../prisma/schema.prisma"), "utf8");
  const models = new Map<string, Map<string, { type: string; optional: boolean }>>();
  for (const [, model, body] of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields = new Map<string, { type: string; optional: boolean }>();
    for (const line of body!.split("\n")) {
      const match = /^\s*(\w+)\s+(\w+)(\?|\[\])?/.exec(line);
      if (match && POSTGRES_TYPES[match[2]!] && match[3] !== "[]") fields.set(match[1]!, { type: match[2]!, optional: match[3] === "?" });
    }
    models.set(model!, fields);
  }
  return models;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Indexes other than primary keys, and foreign keys, as comparable lines. */
async function postgresStructure(url: string): Promise<{ indexes: string[]; foreignKeys: string[] }> {
  return withClient(url, async (client) => {
    const indexes = await client.query<{ name: string; unique: boolean; table: string; columns: string[] }>(`
      SELECT i.relname AS name, ix.indisunique AS unique, t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND NOT ix.indisprimary
      GROUP BY i.relname, ix.indisunique, t.relname`);
    const actions: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
    const foreignKeys = await client.query<{ table: string; columns: string[]; target: string; targetColumns: string[]; onDelete: string; onUpdate: string }>(`
      SELECT t.relname AS table, f.relname AS target, c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate",
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "targetColumns"
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`);
    return {
      indexes: indexes.rows.map((r) => `${r.unique ? "UNIQUE " : ""}${r.name} ON ${r.table}(${r.columns.join(", ")})`).sort(),
      foreignKeys: foreignKeys.rows
        .map((r) => `${r.table}(${r.columns.join(", ")}) -> ${r.target}(${r.targetColumns.join(", ")}) ON DELETE ${actions[r.onDelete]} ON UPDATE ${actions[r.onUpdate]}`)
        .sort(),
    };
  });
}

function sqliteStructure(file: string): { indexes: string[]; foreignKeys: string[] } {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map((t) => t.name);
    const indexes: string[] = [];
    const foreignKeys: string[] = [];
    for (const table of tables) {
      for (const index of sqlite.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]) {
        if (index.origin === "pk") continue;
        const columns = (sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
        indexes.push(`${index.unique ? "UNIQUE " : ""}${index.name} ON ${table}(${columns.join(", ")})`);
      }
      const byId = new Map<number, { table: string; from: string[]; to: string[]; on_delete: string; on_update: string }>();
      for (const fk of sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { id: number; table: string; from: string; to: string; on_delete: string; on_update: string }[]) {
        const entry = byId.get(fk.id) ?? { table: fk.table, from: [], to: [], on_delete: fk.on_delete, on_update: fk.on_update };
        entry.from.push(fk.from);
        entry.to.push(fk.to);
        byId.set(fk.id, entry);
      }
      for (const fk of byId.values()) foreignKeys.push(`${table}(${fk.from.join(", ")}) -> ${fk.table}(${fk.to.join(", ")}) ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`);
    }
    return { indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  } finally {
    sqlite.close();
  }
}

describe.skipIf(!hasPostgres())("PostgreSQL migrations", () => {
  let testDb: PostgresTestDatabase;
  let sqliteDir: string;
  let sqliteFile: string;
  beforeAll(async () => {
    testDb = await createPostgresTestDatabase({ seed: true });
    sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-pgmig-"));
    sqliteFile = path.join(sqliteDir, "reference.db");
    applySqliteMigrations(sqliteFile, MIGRATIONS_DIRS.sqlite);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await testDb?.cleanup();
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  });

  it("has a table for every model with exactly the model's scalar fields, in PostgreSQL's types for them", async () => {
    const columns = await withClient(testDb.url, async (client) =>
      (
        await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; datetime_precision: number | null }>(
          `SELECT table_name, column_name, data_type, is_nullable, datetime_precision FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
        )
      ).rows,
    );
    const namespace = Prisma as unknown as Record<string, Record<string, string>>;
    const schema = schemaScalarFields();
    expect([...new Set(columns.map((c) => c.table_name))].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const model of Object.values(Prisma.ModelName)) {
      const expected = Object.values(namespace[`${model}ScalarFieldEnum`] ?? {}).sort();
      expect(expected.length, `${model} has fields`).toBeGreaterThan(0);
      const actual = columns.filter((c) => c.table_name === model);
      expect(actual.map((c) => c.column_name).sort(), `columns of ${model}`).toEqual(expected);
      for (const column of actual) {
        const field = schema.get(model)?.get(column.column_name);
        expect(field, `${model}.${column.column_name} in schema.prisma`).toBeDefined();
        const where = `${model}.${column.column_name}`;
        expect(column.data_type, where).toBe(POSTGRES_TYPES[field!.type]);
        expect(column.is_nullable, where).toBe(field!.optional ? "YES" : "NO");
        if (field!.type === "DateTime") expect(column.datetime_precision, where).toBe(3);
      }
    }
  });

  it("has the same indexes, unique constraints and foreign keys as the SQLite migrations", async () => {
    const onSqlite = sqliteStructure(sqliteFile);
    expect(onSqlite.indexes.length).toBeGreaterThanOrEqual(10);
    expect(onSqlite.foreignKeys.length).toBeGreaterThanOrEqual(3);
    expect(await postgresStructure(testDb.url)).toEqual(onSqlite);
  });

  it("refuses every UPDATE of an account and allows what SQLite allows, statement for statement", async () => {
    const agency = await testDb.prisma.agency.findFirstOrThrow({ where: { formationStatus: "VERIFIED" } });
    const account = (id: string, n: string) =>
      `INSERT INTO "Account" ("id", "registrationNumber", "periodId", "nik", "kk", "fullName", "birthPlace", "birthDate", "gender", "phone", "email", "agencyCode", "ktpPhotoKey", "selfieKey")
       VALUES ('${id}', 'TEST-${n}', 'CPNS-2023', '327301410799${n}', '3273010101150001', 'SITI RAHAYU', 'BANDUNG', '1999-07-01', 'PEREMPUAN', '+62812345${n}', 'p${n}@example.com', '${agency.code}', 'ktp/${id}.jpg', 'selfie/${id}.jpg')`;
    const credential = `INSERT INTO "Credential" ("accountId", "passwordHash", "securityQuestion1", "securityAnswer1Hash", "securityQuestion2", "securityAnswer2Hash") VALUES ('acc-1', 'h1', 'q1', 'a1', 'q2', 'a2')`;
    const accountColumns = Object.values((Prisma as unknown as Record<string, Record<string, string>>).AccountScalarFieldEnum ?? {});
    const statements = [
      account("acc-1", "0001"),
      credential,
      // Every column, even set to itself: the trigger protects the row, not a list of columns.
      ...accountColumns.map((column) => `UPDATE "Account" SET "${column}" = "${column}" WHERE "id" = 'acc-1'`),
      `UPDATE "Account" SET "fullName" = 'NAMA LAIN', "email" = 'lain@example.com'`,
      // What stays allowed: an UPDATE that touches no row, the credential, new accounts, and
      // deleting under the retention job's permit (its only way out); a DELETE without one is refused.
      `UPDATE "Account" SET "fullName" = 'NAMA LAIN' WHERE "id" = 'no-such-account'`,
      `UPDATE "Credential" SET "passwordHash" = 'h2', "sessionVersion" = "sessionVersion" + 1 WHERE "accountId" = 'acc-1'`,
      account("acc-2", "0002"),
      `DELETE FROM "Credential" WHERE "accountId" = 'acc-1'`,
      `DELETE FROM "Account" WHERE "id" = 'acc-1'`,
      `INSERT INTO "AccountDeletionPermit" ("periodId", "grantedAt") VALUES ('CPNS-2023', CURRENT_TIMESTAMP)`,
      `DELETE FROM "Account" WHERE "id" = 'acc-1'`,
    ];
    const outcome = (error: unknown) => {
      const message = (error as Error).message;
      return ["ACCOUNT_IMMUTABLE", "ACCOUNT_DELETE_REFUSED"].find((code) => message.includes(code)) ?? message;
    };
    const sqlite = new Database(sqliteFile);
    sqlite.pragma("foreign_keys = ON");
    sqlite.prepare(`INSERT INTO "SelectionPeriod" ("id", "name", "opensAt", "closesAt", "updatedAt") VALUES ('CPNS-2023', 'x', 0, 0, 0)`).run();
    sqlite.prepare(`INSERT INTO "Agency" ("code", "name", "kind", "formationStatus", "updatedAt") VALUES (?, 'x', 'PUSAT', 'VERIFIED', 0)`).run(agency.code);
    const onSqlite = statements.map((sql) => {
      try {
        sqlite.exec(sql);
        return "allowed";
      } catch (error) {
        return outcome(error);
      }
    });
    sqlite.close();
    const onPostgres = await withClient(testDb.url, async (client) => {
      const outcomes: string[] = [];
      for (const sql of statements) {
        try {
          await client.query(sql);
          outcomes.push("allowed");
        } catch (error) {
          outcomes.push(outcome(error));
        }
      }
      return outcomes;
    });
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.filter((o) => o === "ACCOUNT_IMMUTABLE")).toHaveLength(accountColumns.length + 1);
    expect(onPostgres.filter((o) => o === "ACCOUNT_DELETE_REFUSED")).toHaveLength(1);
    expect(onPostgres.filter((o) => o === "allowed")).toHaveLength(statements.length - accountColumns.length - 2);
  });

  it("refuses an UPDATE through Prisma too, with the trigger's message in the error's cause", async () => {
    const acc = await testDb.prisma.account.findUniqueOrThrow({ where: { id: "acc-2" } });
    const error = await testDb.prisma.account.update({ where: { id: acc.id }, data: { fullName: "NAMA LAIN" } }).then(
      () => null,
      (e: unknown) => e,
    );
    // SQLite reports the trigger's abort as P2003, PostgreSQL's RAISE EXCEPTION as P2039: match the message.
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } }).meta?.driverAdapterError?.cause;
    expect(cause?.originalMessage).toMatch(/ACCOUNT_IMMUTABLE/);
    expect((await testDb.prisma.account.findUniqueOrThrow({ where: { id: acc.id } })).fullName).toBe("SITI RAHAYU");
  });

  it("reports a duplicate NIK, email or mobile as P2002 naming the index, read back as its fields", async () => {
    const base = await testDb.prisma.account.findUniqueOrThrow({ where: { id: "acc-2" } });
    const unique = { nik: "3273010101010001", email: "other@example.com", phone: "+6281100000000" };
    for (const field of ["nik", "email", "phone"] as const) {
      const error = await testDb.prisma.account
        .create({ data: { ...base, id: `dup-${field}`, registrationNumber: `DUP-${field}`, createdAt: undefined, ...unique, [field]: base[field] } })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect((error as { code?: string }).code, field).toBe("P2002");
      expect(uniqueViolationFields(error), field).toEqual(["periodId", field]);
    }
  });

  it("records each migration with the file's sha256, and a second run applies nothing", async () => {
    const names = listMigrations(MIGRATIONS_DIRS.postgresql).map((m) => m.name);
    expect(await applyPostgresMigrations(testDb.url, MIGRATIONS_DIRS.postgresql)).toEqual({ applied: [], alreadyApplied: names });
    const rows = await withClient(testDb.url, async (client) =>
      (await client.query(`SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
    );
    expect(rows).toEqual(listMigrations(MIGRATIONS_DIRS.postgresql).map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
  });
});

describe.skipIf(!hasPostgres())("the PostgreSQL migration runner", () => {
  const databases: PostgresTestDatabase[] = [];
  const dirs: string[] = [];
  const emptyDatabase = async () => {
    const database = await createPostgresTestDatabase({ migrate: false });
    databases.push(database);
    return database;
  };
  const copyOfMigrations = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-pgmig-"));
    dirs.push(dir);
    fs.cpSync(MIGRATIONS_DIRS.postgresql, dir, { recursive: true });
    return dir;
  };
  afterAll(async () => {
    for (const database of databases) await database.cleanup();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lets two runners started at once migrate one after the other: each migration is applied once", async () => {
    const { url } = await emptyDatabase();
    const names = listMigrations(MIGRATIONS_DIRS.postgresql).map((m) => m.name);
    const results = await Promise.all([applyPostgresMigrations(url, MIGRATIONS_DIRS.postgresql), applyPostgresMigrations(url, MIGRATIONS_DIRS.postgresql)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    expect(results.flatMap((r) => r.alreadyApplied).sort()).toEqual(names);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const { url } = await emptyDatabase();
    const migrations = copyOfMigrations();
    await applyPostgresMigrations(url, migrations);
    fs.appendFileSync(path.join(migrations, listMigrations(migrations)[0]!.name, "migration.sql"), "\n-- edited\n");
    await expect(applyPostgresMigrations(url, migrations)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration whole, leaving it unrecorded", async () => {
    const { url } = await emptyDatabase();
    const migrations = copyOfMigrations();
    fs.mkdirSync(path.join(migrations, "99999999999999_broken"));
    fs.writeFileSync(path.join(migrations, "99999999999999_broken", "migration.sql"), `CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;`);
    await expect(applyPostgresMigrations(url, migrations)).rejects.toThrow();
    const { half, recorded } = await withClient(url, async (client) => ({
      half: (await client.query(`SELECT to_regclass('public."Half"') AS t`)).rows[0].t,
      recorded: (await client.query(`SELECT migration_name FROM "_prisma_migrations"`)).rows.map((r) => r.migration_name),
    }));
    expect(half).toBeNull();
    expect(recorded).toEqual(listMigrations(MIGRATIONS_DIRS.postgresql).map((m) => m.name));
  });
});
