/**
 * Vitest global setup: one throwaway PostgreSQL cluster per run (scripts/lib/postgres-cluster.mjs),
 * its URL handed to the test files as `inject("postgresUrl")`; each file then makes its own
 * database in it (tests/setup/postgres-database.ts). Starting one costs under a second here.
 *
 *   TEST_POSTGRES unset  start one when PostgreSQL is installed; PostgreSQL tests skip otherwise
 *   TEST_POSTGRES=1      PostgreSQL is required (npm test sets this after installing it)
 *   TEST_POSTGRES=0      never start one; PostgreSQL tests skip
 *   TEST_POSTGRES_URL    use this server instead (a role that may CREATE DATABASE); nothing is started
 *   TEST_POSTGRES_PORTS  where to look for a free port, e.g. 55500-55599 (default: any free port)
 */
import type { TestProject } from "vitest/node";
import { findPostgresBin, parsePortRange, startPostgresCluster } from "../../scripts/lib/postgres-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server for the tests (the `postgres` database, superuser), or null. */
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const wanted = process.env.TEST_POSTGRES;
  if (process.env.TEST_POSTGRES_URL) {
    project.provide("postgresUrl", process.env.TEST_POSTGRES_URL);
    return undefined;
  }
  if (wanted === "0" || (wanted !== "1" && !findPostgresBin())) {
    project.provide("postgresUrl", null);
    return undefined;
  }
  const cluster = await startPostgresCluster({ portRange: parsePortRange(process.env.TEST_POSTGRES_PORTS) });
  console.log(`PostgreSQL for the tests: 127.0.0.1:${cluster.port}, started in ${cluster.startMs} ms`);
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
