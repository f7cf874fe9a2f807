/**
 * Vitest global setup of the "integration-postgresql" project: one throwaway PostgreSQL cluster
 * per run (scripts/lib/postgres-cluster.mjs), its URL handed to the test files as
 * `inject("postgresUrl")`, and one migrated, seeded template database in it, so that each test
 * file's own database is a copy (`CREATE DATABASE … TEMPLATE`, a fraction of a second) rather than
 * a fresh migration and seed (seconds on a busy machine); see tests/setup/postgres-database.ts.
 *
 *   TEST_POSTGRES=1      PostgreSQL is required (npm test sets this after installing it)
 *   TEST_POSTGRES=0      the project does not exist (vitest.config.ts)
 *   TEST_POSTGRES_URL    use this server instead (a role that may CREATE DATABASE); nothing is started
 *   TEST_POSTGRES_PORTS  where to look for a free port, e.g. 55500-55599 (default: any free port)
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { seedDatabase } from "../../prisma/seed-database";
import { applyPostgresMigrations, MIGRATIONS_DIRS } from "../../scripts/lib/migrations";
import { parsePortRange, startPostgresCluster } from "../../scripts/lib/postgres-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server for the tests (the `postgres` database, superuser), or null. */
    postgresUrl: string | null;
    /** A migrated, seeded database on that server that test databases are copied from. */
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env.TEST_POSTGRES_URL;
  let stopCluster = () => {};
  if (!serverUrl) {
    const cluster = await startPostgresCluster({ portRange: parsePortRange(process.env.TEST_POSTGRES_PORTS) });
    console.log(`PostgreSQL for the tests: 127.0.0.1:${cluster.port}, started in ${cluster.startMs} ms`);
    serverUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  const started = Date.now();
  // Its own name per run, so that runs sharing a TEST_POSTGRES_URL server never meet.
  const template = `sscasn_template_${randomBytes(4).toString("hex")}`;
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await onServer(`CREATE DATABASE "${template}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    await applyPostgresMigrations(url.toString(), MIGRATIONS_DIRS.postgresql);
    const prisma = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    try {
      await seedDatabase(prisma as unknown as PrismaClient);
    } finally {
      // A template must have no connection open while it is copied.
      await prisma.$disconnect();
    }
  } catch (error) {
    stopCluster();
    throw error;
  }
  console.log(`PostgreSQL template database migrated and seeded in ${Date.now() - started} ms`);
  project.provide("postgresUrl", serverUrl);
  project.provide("postgresTemplate", template);
  return async () => {
    if (process.env.TEST_POSTGRES_URL) await onServer(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    stopCluster();
  };
}
