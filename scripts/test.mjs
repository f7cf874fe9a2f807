#!/usr/bin/env node
/**
 * `npm test`: the whole suite, as CI runs it: type check, unit and integration tests on SQLite
 * (Vitest's projects "unit" and "integration" in one run), the integration tests again on
 * PostgreSQL (the project "integration-postgresql": the same files, a throwaway cluster), one
 * production build, two servers of it on one PostgreSQL (the project "multi-instance"), then the
 * end-to-end tests (Playwright in Debian's Chromium).
 * Installs Debian's chromium and postgresql when missing and we are root; otherwise says what to install.
 * Ends with one line "N passed, N failed" over both runners.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensurePostgresInstalled } from "./lib/postgres-cluster.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const chromium = env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Seconds each labelled step took, printed at the end (CI time is budgeted: issue 7). */
const timings = [];

function run(label, command, args, options = {}) {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", ...options });
  timings.push(`${label}: ${Math.round((Date.now() - started) / 1000)} s`);
  return result.status === 0;
}

function ensureChromium() {
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${chromium}. Install Debian's package first: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  const ok =
    run("installing Debian's chromium", "apt-get", ["update", "-qq"]) &&
    run("installing Debian's chromium", "apt-get", ["install", "-y", "-qq", "chromium"], {
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (!ok || !fs.existsSync(chromium)) {
    console.error("Could not install chromium with apt-get; install it by hand: apt-get install -y chromium");
    process.exit(1);
  }
}

function readCounts(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(path.join(root, file), "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}

ensureChromium();

// --- PostgreSQL (the scale-out engine): installed when missing (as root, like chromium); the
// integration-postgresql project's global setup then runs one throwaway cluster, and
// TEST_POSTGRES=1 makes that project required.
try {
  ensurePostgresInstalled();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
env.TEST_POSTGRES = "1";
// --- end PostgreSQL
// Runner summaries go to reports/ (Playwright empties test-results/ when it starts).
fs.rmSync(path.join(root, "reports"), { recursive: true, force: true });
fs.mkdirSync(path.join(root, "reports"), { recursive: true });

let ok = run("type check", bin("tsc"), ["--noEmit"]);
const vitest = (project, report) => ["run", ...project.flatMap((name) => ["--project", name]), "--reporter=default", "--reporter=json", `--outputFile.json=reports/${report}`];
ok = run("unit and integration tests on SQLite (vitest)", bin("vitest"), vitest(["unit", "integration"], "vitest-results.json")) && ok;
ok = run("integration tests on PostgreSQL (vitest)", bin("vitest"), vitest(["integration-postgresql"], "vitest-postgresql-results.json")) && ok;
if (ok) {
  ok = run("production build", bin("next"), ["build"]);
}
if (ok) {
  // Two production servers of this build on one throwaway PostgreSQL (tests/multi-instance).
  ok = run("two instances on one PostgreSQL (vitest)", bin("vitest"), vitest(["multi-instance"], "vitest-multi-instance-results.json"), {
    env: { ...env, TEST_MULTI_INSTANCE: "1" },
  }) && ok;
}
if (ok) {
  // Fresh databases and photo folders for the end-to-end servers (a fresh clone has no data/ yet).
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  for (const file of fs.readdirSync(path.join(root, "data"), { withFileTypes: true })) {
    if (file.name.startsWith("e2e")) {
      fs.rmSync(path.join(root, "data", file.name), { recursive: true, force: true });
    }
  }
  ok = run("end-to-end tests (playwright)", bin("playwright"), ["test"]) && ok;
  // The servers' output from that run may hold no NIK, name, phone, email or password.
  ok = run("server logs hold no personal data", bin("tsx"), ["scripts/check-server-logs.ts"]) && ok;
}

/** Vitest's counts for the test files under `folder` (its JSON report has no project names: one report per run). */
const vitestCounts = (folder, report = "reports/vitest-results.json") =>
  readCounts(report, (r) => {
    const results = (r.testResults ?? []).filter((file) => path.relative(root, file.name).startsWith(folder));
    const assertions = results.flatMap((file) => file.assertionResults ?? []);
    return { passed: assertions.filter((a) => a.status === "passed").length, failed: assertions.filter((a) => a.status === "failed").length };
  });
const unit = vitestCounts("tests/unit/");
const integration = vitestCounts("tests/integration/");
const integrationPostgres = vitestCounts("tests/integration/", "reports/vitest-postgresql-results.json");
const multiInstance = vitestCounts("tests/multi-instance/", "reports/vitest-multi-instance-results.json");
const e2e = readCounts("reports/e2e-results.json", (r) => ({ passed: r.stats?.expected ?? 0, failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) }));
const line = (name, counts) => `${name}: ${counts.passed} passed, ${counts.failed} failed`;
const kinds = [line("unit", unit), line("integration (SQLite)", integration), line("integration (PostgreSQL)", integrationPostgres), line("two instances", multiInstance), line("e2e", e2e)];
console.log(`\n${timings.join("; ")}`);
console.log(kinds.join("; "));
// A failed type check or build counts as one failure, so a red run never reads "0 failed".
const all = [unit, integration, integrationPostgres, multiInstance, e2e];
const failed = all.reduce((sum, counts) => sum + counts.failed, 0) || (ok ? 0 : 1);
console.log(`${all.reduce((sum, counts) => sum + counts.passed, 0)} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
