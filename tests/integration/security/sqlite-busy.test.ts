/**
 * Issue 9, item 10: another connection holding a write for 7 s made `POST /api/captcha` answer 500
 * after 5 s (better-sqlite3's default busy timeout). Now the connection waits up to 15 s in WAL
 * mode, reads do not wait for the writer at all, a wait past the timeout is a clean 503
 * SERVER_BUSY, and the database file is the server's alone (0600 in a 0700 folder).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as agenciesRoute from "@/app/api/agencies/route";
import * as captchaRoute from "@/app/api/captcha/route";
import * as windowRoute from "@/app/api/registration-window/route";
import { PrismaClient } from "@/generated/prisma/client";
import { withDeps } from "@/server/deps";
import { toErrorResponse } from "@/server/http";
import { sqliteAdapter } from "@/server/sqlite-adapter";
import { applySqliteMigrations } from "../../../scripts/lib/migrations";
import { MIGRATIONS_DIR, testEngine } from "../../setup/test-database";
import { useTestServer } from "../../setup/test-server";

// The server's database client is the one it runs with (createPrismaClient: WAL, 15 s busy timeout).
const server = useTestServer();
const HOLD_MS = 7_000;

/** Another process takes the write lock (BEGIN IMMEDIATE + an insert) and keeps it for `ms`. */
async function holdWriteLock(file: string, ms: number): Promise<ChildProcess> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare('INSERT INTO "RegistrationRefusal" ("id", "code", "createdAt") VALUES (?, ?, ?)').run("held-" + Date.now(), "HELD", Date.now());
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ["-e", script, file, String(ms)], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", () => resolve())));

// SQLite's file lock, busy timeout and file modes: nothing of it exists on PostgreSQL (row locks, no file).
describe.skipIf(testEngine() !== "sqlite")("SQLite under a held write lock (SQLite only)", () => {
  it("answers reads at once and a captcha after the lock is released, never 500 (before: captcha 500 after 5 s)", async () => {
    // Open the connection first: the lock is taken while the server is running.
    expect((await windowRoute.GET()).status).toBe(200);

    const holder = await holdWriteLock(server.testDb.file!, HOLD_MS);
    const lockedAt = performance.now();
    const read = await windowRoute.GET();
    const list = await agenciesRoute.GET();
    const readMs = performance.now() - lockedAt;
    expect([read.status, list.status]).toEqual([200, 200]);
    expect(readMs).toBeLessThan(1_000);

    const created = await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST" }));
    const waitedMs = performance.now() - lockedAt;
    console.info(`write lock held ${HOLD_MS} ms: reads answered in ${Math.round(readMs)} ms, the captcha ${created.status} after ${Math.round(waitedMs)} ms`);
    expect(created.status).toBe(200);
    expect((await created.json()).image).toMatch(/^data:image\/svg\+xml;base64,/);
    await exited(holder);
  }, 30_000);

  it("answers 503 SERVER_BUSY with Retry-After when the lock outlasts the busy timeout", async () => {
    const impatient = new PrismaClient({ adapter: sqliteAdapter(server.testDb.url, { busyTimeoutMs: 200 }) });
    try {
      await impatient.agency.count(); // connected before the lock
      const holder = await holdWriteLock(server.testDb.file!, 3_000);
      const error = await impatient.rateLimitHit.create({ data: { id: "x", bucket: "CAPTCHA", subject: "s" } }).catch((e: unknown) => e);
      const response = toErrorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect((await response.json()).error.code).toBe("SERVER_BUSY");
      // And so does the route on a server with that timeout (the answer OpenAPI documents for it).
      const routed = await withDeps({ db: impatient }, () => captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST" })));
      expect(routed.status).toBe(503);
      expect(routed.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect((await routed.json()).error.code).toBe("SERVER_BUSY");
      await exited(holder);
    } finally {
      await impatient.$disconnect();
    }
  });

  it("creates the database file 0600 in a 0700 folder, and its WAL files likewise", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-perm-"));
    const file = path.join(parent, "fresh", "app.db");
    try {
      applySqliteMigrations(file, MIGRATIONS_DIR);
      const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
      expect(mode(path.dirname(file))).toBe("700");
      expect(mode(file)).toBe("600");
      const client = new PrismaClient({ adapter: sqliteAdapter(`file:${file}`) });
      await client.rateLimitHit.create({ data: { id: "y", bucket: "CAPTCHA", subject: "s" } });
      for (const extra of ["-wal", "-shm"]) if (fs.existsSync(file + extra)) expect(mode(file + extra)).toBe("600");
      await client.$disconnect();
      // An existing file is tightened too.
      fs.chmodSync(file, 0o644);
      applySqliteMigrations(file, MIGRATIONS_DIR);
      expect(mode(file)).toBe("600");
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
