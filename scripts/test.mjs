#!/usr/bin/env node
/**
 * `npm test`: the whole suite, as CI runs it: type check, unit and integration tests (Vitest's two
 * projects, tests/unit and tests/integration, in one run), one production build, then the
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

function run(label, command, args, options = {}) {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", ...options });
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

// --- PostgreSQL (the scale-out engine): installed when missing (as root, like chromium); Vitest's
// global setup then runs one throwaway cluster, and TEST_POSTGRES=1 makes its tests required.
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
ok = run("unit and integration tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest-results.json"]) && ok;
if (ok) {
  ok = run("production build", bin("next"), ["build"]);
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
}

/** Vitest's counts for the test files under `folder` (its JSON report has no project names). */
const vitestCounts = (folder) =>
  readCounts("reports/vitest-results.json", (r) => {
    const results = (r.testResults ?? []).filter((file) => path.relative(root, file.name).startsWith(folder));
    const assertions = results.flatMap((file) => file.assertionResults ?? []);
    return { passed: assertions.filter((a) => a.status === "passed").length, failed: assertions.filter((a) => a.status === "failed").length };
  });
const unit = vitestCounts("tests/unit/");
const integration = vitestCounts("tests/integration/");
const e2e = readCounts("reports/e2e-results.json", (r) => ({ passed: r.stats?.expected ?? 0, failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) }));
const line = (name, counts) => `${name}: ${counts.passed} passed, ${counts.failed} failed`;
console.log(`\n${[line("unit", unit), line("integration", integration), line("e2e", e2e)].join("; ")}`);
// A failed type check or build counts as one failure, so a red run never reads "0 failed".
const failed = unit.failed + integration.failed + e2e.failed || (ok ? 0 : 1);
console.log(`${unit.passed + integration.passed + e2e.passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
