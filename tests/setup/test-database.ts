/**
 * A fresh, migrated and seeded SQLite database in a temporary folder, for integration tests.
 * Each test file that needs one makes its own and removes it afterwards: `useTestDatabase()` in
 * a file or a describe block does both.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { seedDatabase } from "../../prisma/seed-database";
import { applySqliteMigrations } from "../../scripts/lib/migrations";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

export type TestDatabase = { url: string; file: string; prisma: PrismaClient; cleanup: () => Promise<void> };

export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-test-"));
  const file = path.join(dir, "test.db");
  applySqliteMigrations(file, MIGRATIONS_DIR);
  const url = `file:${file}`;
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
  if (options.seed !== false) await seedDatabase(prisma);
  return {
    url,
    file,
    prisma,
    cleanup: async () => {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database made before the tests of the enclosing file or describe block and removed after them.
 * The returned object is filled in by `beforeAll`: read its fields inside tests and hooks.
 */
export function useTestDatabase(options: { seed?: boolean } = {}): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(handle, await createTestDatabase(options));
  });
  afterAll(async () => {
    await handle.cleanup?.();
  });
  return handle;
}
