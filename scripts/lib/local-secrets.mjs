/**
 * Locally (APP_ENV unset or "local"), the secrets a fresh clone needs are generated once and kept
 * in data/local-secrets.json (0600), so no file has to be copied by hand and they survive restarts:
 * the session secret, the admin password and the photo encryption key (a photo sealed with a key
 * that is lost cannot be read again). A secret set in the environment wins. APP_ENV=production
 * generates nothing: missing secrets stop the start (src/server/env.ts).
 * Used by scripts/start.mjs and by the commands that need the same keys (photos:reencrypt).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const LOCAL_SECRETS_FILE = path.join(root, "data", "local-secrets.json");

const GENERATORS = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  ADMIN_PASSWORD: () => randomBytes(12).toString("base64url"),
  PHOTO_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
};

/** Fills `env` (changed in place) with the local secrets, generating the missing ones; returns `env`. */
export function applyLocalSecrets(env) {
  if ((env.APP_ENV || "local") !== "local") return env;
  fs.mkdirSync(path.dirname(LOCAL_SECRETS_FILE), { recursive: true, mode: 0o700 });
  let secrets = read();
  if (Object.keys(GENERATORS).some((name) => !secrets[name])) {
    // Two servers starting at once (the end-to-end run) must end up with the same keys: one of
    // them generates, under a lock, and both read what was written.
    withLock(() => {
      secrets = read();
      const missing = Object.keys(GENERATORS).filter((name) => !secrets[name]);
      if (missing.length === 0) return;
      for (const name of missing) secrets[name] = GENERATORS[name]();
      const temp = `${LOCAL_SECRETS_FILE}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
      fs.renameSync(temp, LOCAL_SECRETS_FILE);
      console.log(`local secrets: generated ${missing.join(", ")} in ${path.relative(root, LOCAL_SECRETS_FILE)}`);
    });
  }
  env.NEXTAUTH_SECRET ||= secrets.NEXTAUTH_SECRET;
  env.ADMIN_USERNAME ||= "admin";
  env.ADMIN_PASSWORD ||= secrets.ADMIN_PASSWORD;
  env.PHOTO_ENCRYPTION_KEY ||= secrets.PHOTO_ENCRYPTION_KEY;
  env.NEXTAUTH_URL ||= `http://localhost:${env.PORT || 3000}`;
  return env;
}

function read() {
  return fs.existsSync(LOCAL_SECRETS_FILE) ? JSON.parse(fs.readFileSync(LOCAL_SECRETS_FILE, "utf8")) : {};
}

function withLock(fn) {
  const lock = `${LOCAL_SECRETS_FILE}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, "wx", 0o600));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      // A lock older than the deadline was left by a process that died: take it over.
      if (Date.now() > deadline) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
