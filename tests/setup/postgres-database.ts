/**
 * A fresh, migrated and seeded PostgreSQL database for one test file, in the run's throwaway
 * cluster (tests/setup/postgres-global-setup.ts): the PostgreSQL side of test-database.ts, which
 * calls it in the "integration-postgresql" project. A migrated and seeded database is a copy of the
 * run's template (`CREATE DATABASE … TEMPLATE`); one without migrations or seed is made afresh.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/db";
import { seedDatabase } from "../../prisma/seed-database";
import { applyPostgresMigrations, MIGRATIONS_DIRS } from "../../scripts/lib/migrations";

export type PostgresTestDatabase = {
  url: string;
  /** The database's name (a fresh `sscasn_test_…` per call). */
  name: string;
  /** Typed as the SQLite client, as the app types it (src/server/db.ts). */
  prisma: PrismaClient;
  cleanup: () => Promise<void>;
};

/** True in the "integration-postgresql" project (its global setup started a server). */
export function hasPostgres(): boolean {
  return Boolean(inject("postgresUrl"));
}

function serverUrl(): string {
  const url = inject("postgresUrl");
  if (!url) throw new Error("No PostgreSQL for the tests: install postgresql or set TEST_POSTGRES_URL (see tests/setup/postgres-global-setup.ts)");
  return url;
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database, migrated unless `migrate: false`, seeded unless `seed: false`. */
export async function createPostgresTestDatabase(options: { migrate?: boolean; seed?: boolean } = {}): Promise<PostgresTestDatabase> {
  const name = `sscasn_test_${randomBytes(6).toString("hex")}`;
  const template = inject("postgresTemplate");
  const copy = options.migrate !== false && options.seed !== false && template;
  await onServer((client) => client.query(copy ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  if (!copy && options.migrate !== false) await applyPostgresMigrations(url.toString(), MIGRATIONS_DIRS.postgresql);
  const prisma = createPrismaClient(url.toString());
  if (!copy && options.migrate !== false && options.seed !== false) await seedDatabase(prisma);
  return {
    url: url.toString(),
    name,
    prisma,
    cleanup: async () => {
      await prisma.$disconnect();
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
