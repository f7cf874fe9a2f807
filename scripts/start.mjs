#!/usr/bin/env node
/**
 * `npm start`: everything a fresh clone needs, in order: check the environment, migrate and seed
 * the database, sweep orphan photos, build, and serve on $PORT (default 3000) with scripts/serve.mjs.
 *   --no-build   serve the existing build (the test runner builds once and starts several servers)
 *   --dev        `next dev` instead of a production build
 * SERVER_LOG_FILE=path also writes the server's output to that file (the end-to-end run checks it
 * for personal data: scripts/check-server-logs.ts).
 * With APP_ENV unset (local), a session secret, an admin password and the photo encryption key are
 * generated once and kept in data/local-secrets.json (scripts/lib/local-secrets.mjs), so no file has
 * to be copied by hand. APP_ENV=production generates nothing: missing secrets stop the start.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { applyLocalSecrets } from "./lib/local-secrets.mjs";

const args = new Set(process.argv.slice(2));
const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

applyLocalSecrets(env);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`start: ${path.basename(command)} ${commandArgs.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

run(bin("tsx"), ["--conditions=react-server", "scripts/check-env.ts"]);
run(bin("tsx"), ["scripts/migrate.ts"]);
run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
// Photos a crash left without an account (issue 9, item 7); a failed sweep is reported, not fatal.
if (spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/sweep-photos.ts"], { cwd: root, env, stdio: "inherit" }).status !== 0) {
  console.error("start: the orphan photo sweep failed; starting anyway (run npm run photos:sweep later)");
}

const port = String(env.PORT || 3000);
const logFile = env.SERVER_LOG_FILE ? fs.createWriteStream(path.resolve(root, env.SERVER_LOG_FILE), { flags: "w", mode: 0o600 }) : null;
const stdio = logFile ? ["inherit", "pipe", "pipe"] : "inherit";
let server;
if (args.has("--dev")) {
  server = spawn(bin("next"), ["dev", "--port", port], { cwd: root, env, stdio });
} else {
  if (!args.has("--no-build")) run(bin("next"), ["build"]);
  // Next's handler behind the landing page's cache (scripts/serve.mjs, ADR 0019).
  server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], { cwd: root, env: { ...env, PORT: port }, stdio });
}
if (logFile) {
  for (const [from, to] of [[server.stdout, process.stdout], [server.stderr, process.stderr]]) {
    from.on("data", (chunk) => {
      to.write(chunk);
      logFile.write(chunk);
    });
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
