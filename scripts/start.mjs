#!/usr/bin/env node
/**
 * `npm start`: everything a fresh clone needs, in order: check the environment, migrate and seed
 * the database, build, and serve on $PORT (default 3000).
 *   --no-build   serve the existing build (the test runner builds once and starts several servers)
 *   --dev        `next dev` instead of a production build
 * SERVER_LOG_FILE=path also writes the server's output to that file (the end-to-end run checks it
 * for personal data: scripts/check-server-logs.ts).
 * With APP_ENV unset (local), a session secret and an admin password are generated once and kept
 * in data/local-secrets.json, so no file has to be copied by hand. APP_ENV=production generates
 * nothing: missing secrets stop the start.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

if ((env.APP_ENV || "local") === "local") {
  const file = path.join(root, "data", "local-secrets.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let secrets = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!secrets.NEXTAUTH_SECRET || !secrets.ADMIN_PASSWORD) {
    secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
      ...secrets,
    };
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
    console.log(`start: generated a local session secret and admin password in ${path.relative(root, file)}`);
  }
  env.NEXTAUTH_SECRET ||= secrets.NEXTAUTH_SECRET;
  env.ADMIN_USERNAME ||= "admin";
  env.ADMIN_PASSWORD ||= secrets.ADMIN_PASSWORD;
  env.NEXTAUTH_URL ||= `http://localhost:${env.PORT || 3000}`;
}

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

const port = String(env.PORT || 3000);
const logFile = env.SERVER_LOG_FILE ? fs.createWriteStream(path.resolve(root, env.SERVER_LOG_FILE), { flags: "w", mode: 0o600 }) : null;
const stdio = logFile ? ["inherit", "pipe", "pipe"] : "inherit";
let server;
if (args.has("--dev")) {
  server = spawn(bin("next"), ["dev", "--port", port], { cwd: root, env, stdio });
} else {
  if (!args.has("--no-build")) run(bin("next"), ["build"]);
  server = spawn(bin("next"), ["start", "--port", port], { cwd: root, env, stdio });
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
