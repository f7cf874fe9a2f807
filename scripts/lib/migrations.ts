/**
 * Applies the SQL migrations to the database, offline: prisma/migrations to SQLite,
 * prisma/migrations-postgresql (the same migrations in PostgreSQL's dialect) to PostgreSQL.
 *
 * Prisma's own `migrate deploy` downloads a native schema engine that our machines cannot reach
 * (docs/decisions/0001-offline-migrations.md). This runner keeps Prisma's conventions so that a
 * machine with internet can switch back at any time: one folder per migration holding
 * `migration.sql`, applied in name order, each in its own transaction, and recorded in Prisma's
 * `_prisma_migrations` table with the file's sha256 as checksum. An applied migration whose file
 * has changed since is an error, never silently re-applied. On PostgreSQL the runner holds an
 * advisory lock (Prisma's own key) while it works, so instances starting at once migrate one after
 * the other and the later ones find nothing left to do.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseEngine, DATABASE_URL_MESSAGE, type DatabaseEngine } from "../../src/server/database-url";

/** Each engine's migrations folder; both hold the same migration names (a test checks it). */
export const MIGRATIONS_DIRS: Record<DatabaseEngine, string> = {
  sqlite: path.resolve(import.meta.dirname, "../../prisma/migrations"),
  postgresql: path.resolve(import.meta.dirname, "../../prisma/migrations-postgresql"),
};

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export function sqliteFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for the embedded database (got a ${url.split(":")[0]} URL)`);
  }
  return url.slice("file:".length);
}

/**
 * The database holds personal data: its folder (when we make it) is 0700 and the file 0600, and
 * SQLite gives the -wal and -shm files the database file's mode. A file left readable by others
 * is tightened.
 */
function createPrivateFile(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    fs.closeSync(fs.openSync(file, "wx", 0o600));
    return;
  }
  if ((fs.statSync(file).mode & 0o077) === 0) return;
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    console.warn(`migrate: ${file} is readable by other users and could not be made private (chmod 600 it)`);
  }
}

type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(migrationsDir: string): Migration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Walks the migrations in name order: one already recorded (in `recorded`, name → checksum) goes to
 * `result.alreadyApplied`, or throws if its file changed since; the others are yielded for the
 * engine to apply. Lazy, so a changed migration stops the run at the point it is reached, after
 * the ones before it were applied.
 */
function* migrationsToApply(migrationsDir: string, recorded: Map<string, string>, result: MigrationResult): Generator<Migration> {
  for (const migration of listMigrations(migrationsDir)) {
    const checksum = recorded.get(migration.name);
    if (checksum === undefined) {
      yield migration;
      continue;
    }
    if (checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead`);
    }
    result.alreadyApplied.push(migration.name);
  }
}

export function applySqliteMigrations(dbFile: string, migrationsDir: string): MigrationResult {
  createPrivateFile(dbFile);
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const done = new Map(
      (
        db
          .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .all() as { migration_name: string; checksum: string }[]
      ).map((row) => [row.migration_name, row.checksum]),
    );
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrationsToApply(migrationsDir, done, result)) {
      const startedAt = new Date().toISOString();
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
      })();
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    db.close();
  }
}

/**
 * The key `prisma migrate` itself locks with, so this runner and a `prisma migrate deploy` on a
 * machine with internet never run at once either.
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export async function applyPostgresMigrations(url: string, migrationsDir: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Session-level: held across the per-migration transactions, released when the session ends.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    // Prisma's own definition of the table on PostgreSQL.
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrationsToApply(migrationsDir, done, result)) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        // Without parameters, pg sends the file as one simple query: several statements are fine.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Applies the right folder for the URL's engine (`file:` → SQLite, `postgresql://` → PostgreSQL). */
export async function applyMigrations(url: string): Promise<MigrationResult> {
  const engine = databaseEngine(url);
  if (engine === "postgresql") return applyPostgresMigrations(url, MIGRATIONS_DIRS.postgresql);
  if (engine === "sqlite") return applySqliteMigrations(sqliteFileFromUrl(url), MIGRATIONS_DIRS.sqlite);
  throw new Error(`DATABASE_URL ${DATABASE_URL_MESSAGE}`);
}
