/**
 * A fresh, migrated and seeded database for integration tests, on the engine of the run: SQLite
 * (a file in a temporary folder) in the "integration" project, PostgreSQL (a database in the run's
 * throwaway cluster, tests/setup/postgres-database.ts) in "integration-postgresql". Each test file
 * that needs one makes its own and removes it afterwards: `useTestDatabase()` in a file or a
 * describe block does both (`useTestServer()` in tests/setup/test-server.ts too).
 *
 * A test about one engine only (SQLite's migration runner, file permissions) asks `testEngine()`
 * and skips on the other, saying why: `describe.skipIf(testEngine() !== "sqlite")("… (SQLite: …)")`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { DatabaseEngine } from "@/server/database-url";
import { createPrismaClient } from "@/server/db";
import { seedDatabase } from "../../prisma/seed-database";
import { applySqliteMigrations } from "../../scripts/lib/migrations";
import { createPostgresTestDatabase } from "./postgres-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The engine the integration tests of this project run on (vitest.config.ts). */
    testDatabase: DatabaseEngine;
  }
}

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

export type TestDatabase = {
  engine: DatabaseEngine;
  url: string;
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
  /** Typed as the SQLite client, as the app types it (src/server/db.ts). */
  prisma: PrismaClient;
  cleanup: () => Promise<void>;
};

/** The engine of this run's integration tests: "postgresql" in the integration-postgresql project. */
export function testEngine(): DatabaseEngine {
  return inject("testDatabase") ?? "sqlite";
}

/** On the run's engine; `migrate: false` (PostgreSQL) or `seed: false` for an empty or unseeded one. */
export async function createTestDatabase(options: { migrate?: boolean; seed?: boolean } = {}): Promise<TestDatabase> {
  if (testEngine() === "postgresql") {
    const database = await createPostgresTestDatabase(options);
    return { engine: "postgresql", url: database.url, file: null, prisma: database.prisma, cleanup: database.cleanup };
  }
  return createSqliteTestDatabase(options);
}

/** A SQLite file whatever the run's engine (tests comparing the engines need both). */
export async function createSqliteTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase & { file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-test-"));
  const file = path.join(dir, "test.db");
  applySqliteMigrations(file, MIGRATIONS_DIR);
  const url = `file:${file}`;
  // The server's own client: WAL and the busy timeout (src/server/sqlite-adapter.ts), as deployed.
  const prisma = createPrismaClient(url);
  if (options.seed !== false) await seedDatabase(prisma);
  return {
    engine: "sqlite",
    url,
    file,
    prisma,
    cleanup: async () => {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creating a database takes a second, much longer on a busy machine (PostgreSQL's first connection). */
export const DATABASE_SETUP_TIMEOUT_MS = 60_000;

/**
 * A database made before the tests of the enclosing file or describe block and removed after them.
 * The returned object is filled in by `beforeAll`: read its fields inside tests and hooks.
 */
export function useTestDatabase(options: { seed?: boolean } = {}): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(handle, await createTestDatabase(options));
  }, DATABASE_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await handle.cleanup?.();
  });
  return handle;
}
