/**
 * The app's server code in-process, as a deployment would run it: route handlers and operations
 * are imported as they are and called directly, with their ports (src/server/deps.ts) built from a
 * test configuration: a fresh migrated and seeded database on the run's engine (SQLite, or
 * PostgreSQL in the integration-postgresql project: tests/setup/test-database.ts), a fresh photo
 * directory, a simulated clock and a known auth secret. No `process.env` is touched and no module
 * is reloaded.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createClock, type Clock } from "@/server/clock";
import { buildDeps, setDepsForTest, withDeps } from "@/server/deps";
import { parseEnv } from "@/server/env";
import { createTestDatabase, DATABASE_SETUP_TIMEOUT_MS, type TestDatabase } from "./test-database";

/** Inside the CPNS 2023 window (20 Sep – 8 Oct 2023 WIB). */
export const OPEN = "2023-09-25T10:00:00+07:00";
export const TEST_AUTH_SECRET = "test-secret-for-card-tokens-0123456789abcdef";

export type TestServer = { testDb: TestDatabase; prisma: PrismaClient; storageDir: string };

/**
 * Sets the server up before the file's tests (its clock starting at `clock`, OPEN by default; more
 * variables from `env`, called then) and removes it after them. The returned object is filled in by `beforeAll`.
 */
export function useTestServer(options: { clock?: string; env?: () => Record<string, string> } = {}): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    const testDb = await createTestDatabase();
    const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-storage-"));
    const env = parseEnv({
      DATABASE_URL: testDb.url,
      APP_CLOCK: options.clock ?? OPEN,
      STORAGE_DIR: storageDir,
      NEXTAUTH_SECRET: TEST_AUTH_SECRET,
      // Tests change the schedule and agencies behind the app's back (as another instance would)
      // and read them at once: no public cache unless a test asks for one.
      PUBLIC_CACHE_TTL_MS: "0",
      // Races and bursts test the database's answers, not the admission limit (server-busy.test.ts does).
      ADMISSION_QUEUE: "10000",
      ADMISSION_MAX_WAIT_MS: "120000",
      // More configuration, read when the server starts (e.g. the address of an SMTP server started first).
      ...options.env?.(),
    });
    setDepsForTest(buildDeps(env, { db: testDb.prisma }));
    Object.assign(server, { testDb, prisma: testDb.prisma, storageDir });
  }, DATABASE_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    setDepsForTest(undefined);
    await server.testDb?.cleanup();
    if (server.storageDir) fs.rmSync(server.storageDir, { recursive: true, force: true });
  });
  return server;
}

/**
 * Runs `fn` as on a server whose clock started at `instant` (APP_CLOCK=instant), started when `fn`
 * first reads it: a test at 23:59:59 is not pushed past the closing second by the database query
 * before the read.
 */
export function at<T>(instant: string, fn: () => T): T {
  let started: Clock | undefined;
  const clock: Clock = { simulated: true, now: () => (started ??= createClock(instant)).now() };
  return withDeps({ clock }, fn);
}

export function jsonRequest(url: string, body: unknown, init: { headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
