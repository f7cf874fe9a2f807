#!/usr/bin/env node
/**
 * An end-to-end server on a fresh database: the command of each of playwright.config.ts's
 * webServers, and of the servers tests/e2e/page-cache.spec.ts and security-server.spec.ts start
 * (the crash test restarts its server on the same database, so it starts start.mjs itself). It removes what the last run left of this server (its SQLite file, photo folder,
 * outbox and log, as its environment names them, all under data/), then runs
 * `scripts/start.mjs --no-build`, which migrates, seeds and serves. So every run starts from the
 * seed, whether `npm test` or a direct `npx playwright test` started it, and a second run does not
 * meet the accounts of the first ("NIK sudah terdaftar").
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const data = path.join(root, "data");

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("file:")) {
  console.error("fresh-server: DATABASE_URL must name a SQLite file (file:./data/…)");
  process.exit(1);
}
const database = path.resolve(root, url.slice("file:".length));
const leftovers = [database, `${database}-wal`, `${database}-shm`, `${database}-journal`];
for (const name of ["STORAGE_DIR", "MAIL_OUTBOX_DIR", "SERVER_LOG_FILE"]) {
  if (process.env[name]) leftovers.push(path.resolve(root, process.env[name]));
}
for (const leftover of leftovers) {
  // Only ever inside data/: a mistyped variable must not remove anything else.
  if (!leftover.startsWith(data + path.sep)) {
    console.error(`fresh-server: ${leftover} is outside ${data}; not removing it`);
    process.exit(1);
  }
  fs.rmSync(leftover, { recursive: true, force: true });
}

process.argv = [process.argv[0], path.join(root, "scripts", "start.mjs"), "--no-build"];
await import("../../scripts/start.mjs");
