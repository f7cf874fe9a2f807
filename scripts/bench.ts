/**
 * `npm run bench`: how much the portal takes on one machine, measured in one run against the
 * production build on a fresh database (SQLite by default; the database DATABASE_URL names when it
 * is a PostgreSQL URL). Figures, not verdicts: it prints a table and writes reports/bench.json.
 *
 *   --port N            port of the server under test (default 3900)
 *   --registrations N   registrations at the sustainable concurrency (default 240)
 *   --concurrency N     the sustainable concurrency (default: 2 × cores)
 *   --overload N        registrations sent at 3 × that concurrency (default 360)
 *   --duration S        seconds per page measurement (default 8)
 *   --accounts N        also pre-fill N accounts in bulk and measure registration and sign-in again
 *   --out FILE          JSON report (default reports/bench.json)
 *   --js-only           only each page's first-load JavaScript: start the server, print that table,
 *                       stop (no load, no report file); seconds instead of minutes
 *   --lighthouse        also run Lighthouse (mobile, performance only) on / and /daftar/identitas
 *                       with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) and print
 *                       each page's score and metrics; combine with --js-only to skip the load.
 *                       Lighthouse comes through npx (fetched from the npm registry on first use)
 *   --lighthouse-runs N Lighthouse runs per page, the median is reported (default 3)
 *
 * What it measures (issue 8):
 * - the bound: in-process argon2id × 3 and two photo re-encodes per unit (what every registration
 *   costs at least), at the concurrency the cores allow, before and after the load;
 * - full registrations over HTTP with distinct valid identities (added to the bench database's
 *   population registry) and 70–200 KB JPEGs, each with its own captcha solved beforehand from the
 *   database (there is no bypass); then accounts in the database must equal the 201s;
 * - the same at three times the concurrency: per-status latencies, so a busy answer shows;
 * - requests/s and p99 for the landing page, the identity step, GET /api/agencies, a static file,
 *   and sign-ins/s;
 * - each page's first-load JavaScript, gzip, as the browser receives it.
 * Load comes from autocannon; every request carries its own X-Forwarded-For (a client of its own)
 * and the server runs with TRUST_PROXY_HOPS=1, so per-address limits see many clients, as on
 * opening day, instead of one loopback address.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import sharp from "sharp";
import type { PrismaClient } from "../src/generated/prisma/client";
import { createPrismaClient } from "../src/server/db";
import { hashSecret } from "../src/server/auth/password-hash";
import { processPhoto } from "../src/server/photos/process-photo";
import { CURRENT_PERIOD_ID } from "../src/domain/registration/period";
import { identities, pad, type Identity } from "./lib/synthetic-people";

const root = path.resolve(import.meta.dirname, "..");
const cores = os.availableParallelism();

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}
const outIndex = process.argv.indexOf("--out");
const OUT = path.resolve(root, outIndex === -1 ? "reports/bench.json" : (process.argv[outIndex + 1] ?? "reports/bench.json"));
const PORT = option("port", 3900);
const CONCURRENCY = option("concurrency", 2 * cores);
const REGISTRATIONS = option("registrations", 240);
const OVERLOAD = option("overload", 360);
const DURATION = option("duration", 8);
const PREFILL = option("accounts", 0);
const JS_ONLY = process.argv.includes("--js-only");
const LIGHTHOUSE = process.argv.includes("--lighthouse");
const LIGHTHOUSE_RUNS = Math.max(1, option("lighthouse-runs", 3));
const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
/** The pages whose first-load JavaScript is measured (issue 8: ≤ 160 kB gzip each). */
const JS_PAGES = ["/", "/daftar/identitas", "/daftar/dokumen", "/daftar/kata-sandi", "/daftar/captcha", "/daftar/cek-ulang", "/daftar/selesai", "/masuk", "/lupa-kata-sandi", "/admin/masuk"];
/** The pages Lighthouse scores (issue 8: mobile performance ≥ 95). */
const LIGHTHOUSE_PAGES = ["/", "/daftar/identitas"];
const BASE = `http://127.0.0.1:${PORT}`;
const AGENCY = "KOTA-3273";
const PASSWORD = "kopi tubruk di teras pagi";
const WORK = path.join(root, "data", "bench");
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

// ---------------------------------------------------------------------------------------------
// Small statistics helpers

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// The bench's own requests (setup, captchas, page reads), outside autocannon's load.

/**
 * `fetch`, sent once more when the pooled keep-alive connection it took had just been closed by
 * the server for idling (after the growth pre-fill, say): such a request never reached the app.
 */
async function request(input: string | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    const cause = error instanceof Error ? (error.cause as (Error & { code?: string }) | undefined) : undefined;
    if (!cause || !/other side closed|ECONNRESET|socket hang up/i.test(`${cause.message} ${cause.code ?? ""}`)) throw error;
    return fetch(input, init);
  }
}

// ---------------------------------------------------------------------------------------------
// The database under test

function databaseUrl(): string {
  const given = process.env.DATABASE_URL ?? "";
  if (given.startsWith("postgres")) return given;
  return `file:${path.join(WORK, "bench.db")}`;
}

/** The app's own choice of client and adapter for the URL (src/server/db.ts), so the two never drift. */
async function openDatabase(url: string): Promise<PrismaClient> {
  return createPrismaClient(url);
}

function freshWorkDir(): void {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
}

// ---------------------------------------------------------------------------------------------
// Photos: camera-like JPEGs of 70–200 KB (a smooth scene plus sensor noise).

async function benchPhoto(seed: number, width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let state = seed * 7919 + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const noise = (state % 40) - 20;
      const i = (y * width + x) * 3;
      data[i] = Math.max(0, Math.min(255, 90 + (x * 120) / width + noise));
      data[i + 1] = Math.max(0, Math.min(255, 80 + (y * 110) / height + noise));
      data[i + 2] = Math.max(0, Math.min(255, 120 + ((x + y + seed * 13) % 80) + noise));
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function photoPool(count: number): Promise<{ ktp: Buffer[]; selfie: Buffer[] }> {
  const ktp: Buffer[] = [];
  const selfie: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    ktp.push(await benchPhoto(i, 856, 540));
    selfie.push(await benchPhoto(i + 1000, 640, 480));
  }
  return { ktp, selfie };
}

// ---------------------------------------------------------------------------------------------
// The bound: what one registration must cost, in process, at the cores' concurrency.

async function measureBound(photos: { ktp: Buffer[]; selfie: Buffer[] }, seconds = 5): Promise<{ unitsPerSecond: number; concurrency: number }> {
  const deadline = performance.now() + seconds * 1000;
  let units = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    for (let i = w; performance.now() < deadline; i += cores) {
      await Promise.all([
        hashSecret(PASSWORD),
        hashSecret("sdn merdeka 3"),
        hashSecret("si belang"),
        processPhoto(photos.ktp[i % photos.ktp.length]!, "ktpPhoto"),
        processPhoto(photos.selfie[i % photos.selfie.length]!, "selfie"),
      ]);
      units++;
    }
  };
  await Promise.all(Array.from({ length: cores }, (_, w) => worker(w)));
  return { unitsPerSecond: round(units / ((performance.now() - started) / 1000), 2), concurrency: cores };
}

// ---------------------------------------------------------------------------------------------
// The server under test

function ensureBuild(): void {
  if (fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) return;
  console.log("bench: no production build yet; running next build");
  const result = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

function serverEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(PORT),
    DATABASE_URL: url,
    APP_CLOCK: "2023-09-25T10:00:00+07:00",
    STORAGE_DIR: path.join(WORK, "storage"),
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ADMIN_USERNAME: "admin",
    ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
    TRUST_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

function prepareDatabase(url: string): void {
  const env = serverEnv(url);
  for (const args of [["scripts/migrate.ts"], ["--conditions=react-server", "prisma/seed.ts"]]) {
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, env, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed`);
  }
}

async function startServer(url: string): Promise<ChildProcess> {
  // The production server npm start runs: Next behind the landing page's cache (ADR 0019).
  const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: serverEnv(url),
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await request(`${BASE}/api/registration-window`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopServer(server);
  throw new Error("the server did not start within 60 s");
}

function stopServer(server: ChildProcess): void {
  // End the whole process group (the server and anything it started).
  if (server.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

let clientCounter = 0;
/** A client address of its own for every request (TRUST_PROXY_HOPS=1 on the server). */
function nextClientAddress(): string {
  clientCounter++;
  return `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
}

// ---------------------------------------------------------------------------------------------
// Registrations over HTTP

type Prepared = { body: Buffer; contentType: string; nik: string };

async function solveCaptchas(prisma: PrismaClient, count: number): Promise<{ captchaId: string; captchaAnswer: string }[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await request(`${BASE}/api/captcha`, { method: "POST", headers: { "x-forwarded-for": nextClientAddress() } });
    if (!response.ok) throw new Error(`POST /api/captcha answered ${response.status}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const rows = await prisma.captcha.findMany({ where: { id: { in: ids } } });
  const answers = new Map(rows.map((row) => [row.id, row.answer.toUpperCase()]));
  return ids.map((id) => ({ captchaId: id, captchaAnswer: answers.get(id) ?? "" }));
}

async function prepareRegistrations(
  prisma: PrismaClient,
  people: Identity[],
  photos: { ktp: Buffer[]; selfie: Buffer[] },
): Promise<Prepared[]> {
  const captchas = await solveCaptchas(prisma, people.length);
  const prepared: Prepared[] = [];
  for (const [i, person] of people.entries()) {
    const form = new FormData();
    const fields: Record<string, string> = {
      nik: person.nik,
      kk: person.kk,
      fullName: person.fullName,
      birthPlace: person.birthPlace,
      birthDate: person.birthDate,
      phone: person.phone,
      email: person.email,
      agencyCode: AGENCY,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      securityQuestion1: "SEKOLAH_DASAR",
      securityAnswer1: "SDN Merdeka 3",
      securityQuestion2: "HEWAN_PELIHARAAN",
      securityAnswer2: "Si Belang",
      ...captchas[i],
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("ktpPhoto", new File([new Uint8Array(photos.ktp[i % photos.ktp.length]!)], "ktp.jpg", { type: "image/jpeg" }));
    form.append("selfie", new File([new Uint8Array(photos.selfie[i % photos.selfie.length]!)], "swafoto.jpg", { type: "image/jpeg" }));
    // Let fetch's own multipart encoder write the body once; autocannon then replays the bytes.
    const request = new Request("http://bench/", { method: "POST", body: form });
    prepared.push({
      body: Buffer.from(await request.arrayBuffer()),
      contentType: request.headers.get("content-type") ?? "",
      nik: person.nik,
    });
  }
  return prepared;
}

/** The `error.code` of an API error body (SPEC "HTTP API") with its fields' names, or "?" when the body is not one. */
function errorCode(body: string): string {
  try {
    const { error } = JSON.parse(body) as { error?: { code?: unknown; fields?: Record<string, unknown> } };
    const fields = Object.keys(error?.fields ?? {});
    return `${String(error?.code ?? "?")}${fields.length > 0 ? `(${fields.join(",")})` : ""}`;
  } catch {
    return "?";
  }
}

type LoadResult = {
  requests: number;
  seconds: number;
  perSecond: number;
  statuses: Record<string, number>;
  /** The error codes of answers other than 201 and 503 ("422 CAPTCHA_INVALID" → count): a surprise names itself. */
  codes: Record<string, number>;
  /** The first few such answers' bodies as they came (error bodies hold no personal data), for reports/bench.json. */
  samples: { status: number; body: string }[];
  latency: Record<string, { p50: number; p99: number; max: number }>;
  errors: number;
};

/** Sends each prepared registration once, `connections` at a time; latencies kept per status. */
async function loadRegistrations(prepared: Prepared[], connections: number): Promise<LoadResult> {
  let next = 0;
  const times = new Map<number, number[]>();
  const codes: Record<string, number> = {};
  const samples: LoadResult["samples"] = [];
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({
    url: `${BASE}/api/registrations`,
    connections: Math.min(connections, prepared.length),
    amount: prepared.length,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const item = prepared[next++ % prepared.length]!;
          return {
            ...request,
            method: "POST",
            body: item.body,
            headers: {
              "content-type": item.contentType,
              "idempotency-key": randomUUID(),
              "x-forwarded-for": nextClientAddress(),
            },
          };
        },
        onResponse: (status, body) => {
          if (status === 201 || status === 503) return;
          const key = `${status} ${errorCode(body)}`;
          codes[key] = (codes[key] ?? 0) + 1;
          if (samples.length < 5) samples.push({ status, body: String(body).slice(0, 2000) });
        },
      },
    ],
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    const list = times.get(status) ?? [];
    list.push(time);
    times.set(status, list);
  });
  const result = await finished;
  const statuses: Record<string, number> = {};
  const latency: LoadResult["latency"] = {};
  for (const [status, list] of times) {
    list.sort((a, b) => a - b);
    statuses[status] = list.length;
    latency[status] = { p50: round(percentile(list, 50)), p99: round(percentile(list, 99)), max: round(list.at(-1) ?? 0) };
  }
  const seconds = result.duration;
  const created = statuses["201"] ?? 0;
  return { requests: prepared.length, seconds: round(seconds, 2), perSecond: round(created / seconds, 2), statuses, codes, samples, latency, errors: result.errors + result.timeouts };
}

// ---------------------------------------------------------------------------------------------
// Pages and sign-ins

type PageResult = { path: string; requestsPerSecond: number; p99: number; non2xx: number; errors: number };

async function loadPage(pathname: string, connections = 10): Promise<PageResult> {
  const result = await autocannon({ url: `${BASE}${pathname}`, connections, duration: DURATION });
  return {
    path: pathname,
    requestsPerSecond: round(result.requests.average),
    p99: round(result.latency.p99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function loadSignIns(niks: string[], connections = 2 * cores): Promise<PageResult & { succeeded: number; latencyP50: number }> {
  const csrf = await request(`${BASE}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let next = 0;
  let succeeded = 0;
  const instance = autocannon({
    url: `${BASE}/api/auth/callback/applicant`,
    connections,
    duration: DURATION,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          method: "POST",
          body: new URLSearchParams({ nik: niks[next++ % niks.length]!, password: PASSWORD, csrfToken, callbackUrl: "/akun", json: "true" }).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": nextClientAddress() },
        }),
        onResponse: (status, body) => {
          if (status === 200 && !String(body).includes("error=")) succeeded++;
        },
      },
    ],
  });
  const result = await instance;
  return {
    path: "POST /api/auth/callback/applicant",
    requestsPerSecond: round(succeeded / result.duration),
    p99: round(result.latency.p99),
    latencyP50: round(result.latency.p50),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    succeeded,
  };
}

/**
 * The JavaScript a first visit downloads: every script the HTML names, gzip-compressed, except
 * `nomodule` ones (the legacy polyfills), which browsers that run modules never fetch.
 */
async function firstLoadJs(pathname: string): Promise<{ path: string; scripts: number; gzipKb: number }> {
  const html = await (await request(`${BASE}${pathname}`, { redirect: "manual" })).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = [...new Set(tags.map((tag) => tag.match(/\ssrc="([^"]+\.js[^"]*)"/)?.[1]).filter((src): src is string => !!src))];
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await request(new URL(src, BASE))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { path: pathname, scripts: sources.length, gzipKb: round(bytes / 1024) };
}

function printJsTable(pages: { path: string; scripts: number; gzipKb: number }[]): void {
  const width = Math.max(...pages.map((page) => page.path.length));
  console.log("\n| page | scripts | first-load JS, kB gzip |\n|---|---|---|");
  for (const page of pages) console.log(`| ${page.path.padEnd(width)} | ${page.scripts} | ${page.gzipKb} |`);
}

// ---------------------------------------------------------------------------------------------
// Lighthouse (opt-in): the lighthouse CLI against the running production server, mobile emulation
// with its default simulated throttling, performance category only.

type LighthouseResult = {
  path: string;
  /** 0–100, the median over the runs. */
  score: number;
  scores: number[];
  /** The metrics of the median run, ms (CLS unitless). */
  metrics: Record<string, number>;
};

const LIGHTHOUSE_METRICS = {
  "first-contentful-paint": "FCP ms",
  "largest-contentful-paint": "LCP ms",
  "total-blocking-time": "TBT ms",
  "cumulative-layout-shift": "CLS",
  "speed-index": "SI ms",
} as const;

/**
 * Fetched by npx on first use rather than kept in devDependencies (about 180 MB that only this
 * opt-in measure needs). 12.8 is the newest line whose `engines` allow Node 20; 13.x declares
 * Node ≥ 22.19 (it runs here too, with a warning). Both score performance with the same weights.
 */
const LIGHTHOUSE_PACKAGE = "lighthouse@12.8.2";

function runLighthouse(pathname: string): { score: number; metrics: Record<string, number> } {
  if (!fs.existsSync(CHROME_PATH)) throw new Error(`no Chromium at ${CHROME_PATH} (apt-get install -y chromium, or set CHROME_PATH)`);
  const result = spawnSync(
    "npx",
    [
      "--yes",
      LIGHTHOUSE_PACKAGE,
      `${BASE}${pathname}`,
      "--only-categories=performance",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      // --no-sandbox: Chromium runs as root here; the rest keeps it from calling home (offline).
      "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-domain-reliability --disable-sync --no-first-run --no-default-browser-check",
    ],
    { cwd: root, env: { ...process.env, CHROME_PATH }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`lighthouse ${pathname} failed: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  const report = JSON.parse(result.stdout) as {
    categories: { performance: { score: number | null } };
    audits: Record<string, { numericValue?: number }>;
    runtimeError?: { code: string; message: string };
  };
  if (report.runtimeError || report.categories.performance.score === null) {
    throw new Error(`lighthouse ${pathname}: ${report.runtimeError?.message ?? "no performance score"}`);
  }
  const metrics: Record<string, number> = {};
  for (const [audit, label] of Object.entries(LIGHTHOUSE_METRICS)) {
    const value = report.audits[audit]?.numericValue;
    if (value !== undefined) metrics[label] = audit === "cumulative-layout-shift" ? round(value, 3) : Math.round(value);
  }
  return { score: Math.round(report.categories.performance.score * 100), metrics };
}

function lighthousePages(): LighthouseResult[] {
  const results: LighthouseResult[] = [];
  for (const pathname of LIGHTHOUSE_PAGES) {
    const runs = Array.from({ length: LIGHTHOUSE_RUNS }, () => runLighthouse(pathname)).sort((a, b) => a.score - b.score);
    const median = runs[Math.floor((runs.length - 1) / 2)]!;
    results.push({ path: pathname, score: median.score, scores: runs.map((run) => run.score), metrics: median.metrics });
  }
  return results;
}

function printLighthouseTable(results: LighthouseResult[]): void {
  const labels = Object.values(LIGHTHOUSE_METRICS);
  console.log(`\n| page | mobile performance (median of ${LIGHTHOUSE_RUNS}) | runs | ${labels.join(" | ")} |`);
  console.log(`|---|---|---|${labels.map(() => "---|").join("")}`);
  for (const r of results) {
    console.log(`| ${r.path} | ${r.score} | ${r.scores.join(", ")} | ${labels.map((label) => r.metrics[label] ?? "-").join(" | ")} |`);
  }
}

async function staticAssetPath(): Promise<string> {
  const html = await (await request(`${BASE}/`)).text();
  const src = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  if (!src) throw new Error("no static script found on the landing page");
  return src;
}

// ---------------------------------------------------------------------------------------------
// Growth: many accounts inserted in bulk (one shared hash; photo keys that point nowhere), through
// the database driver itself: better-sqlite3 prepared statements in large transactions, or
// PostgreSQL multi-row INSERTs from arrays. Prisma's createMany took 37 minutes for 800,000 rows
// here and then ran out of memory; this path does a million in a couple of minutes.

const ACCOUNT_COLUMNS = ["id", "registrationNumber", "periodId", "nik", "kk", "fullName", "birthPlace", "birthDate", "gender", "phone", "email", "agencyCode", "ktpPhotoKey", "selfieKey"] as const;
const CREDENTIAL_COLUMNS = ["accountId", "passwordHash", "securityQuestion1", "securityAnswer1Hash", "securityQuestion2", "securityAnswer2Hash"] as const;
const PREFILL_CHUNK = 10_000;

async function prefillAccounts(url: string, count: number, startIndex: number): Promise<number> {
  const passwordHash = await hashSecret(PASSWORD);
  const answerHash = await hashSecret("sdn merdeka 3");
  const ids = identities(startIndex, new Set());
  const chunkOf = (done: number) =>
    Array.from({ length: Math.min(PREFILL_CHUNK, count - done) }, (_, j) => {
      const person = ids.next().value as Identity;
      const account = [randomUUID(), `9${pad(done + j, 14)}`, CURRENT_PERIOD_ID, person.nik, person.kk, person.fullName, person.birthPlace, person.birthDate, person.gender, `+62${person.phone.slice(1)}`, person.email, AGENCY, "bench/none", "bench/none"];
      const credential = [account[0]!, passwordHash, "SEKOLAH_DASAR", answerHash, "HEWAN_PELIHARAAN", answerHash];
      return { account, credential };
    });
  const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");
  const started = performance.now();

  if (url.startsWith("file:")) {
    // Prisma's SQLite adapter keeps DateTime as ISO text with an explicit offset.
    const now = new Date().toISOString().replace("Z", "+00:00");
    const db = new Database(url.slice("file:".length));
    db.pragma("busy_timeout = 15000");
    const insertAccount = db.prepare(`INSERT INTO "Account" (${quoted(ACCOUNT_COLUMNS)}, "createdAt") VALUES (${ACCOUNT_COLUMNS.map(() => "?").join(", ")}, ?)`);
    const insertCredential = db.prepare(`INSERT INTO "Credential" (${quoted(CREDENTIAL_COLUMNS)}, "passwordChangedAt") VALUES (${CREDENTIAL_COLUMNS.map(() => "?").join(", ")}, ?)`);
    const insertChunk = db.transaction((rows: ReturnType<typeof chunkOf>) => {
      for (const { account, credential } of rows) {
        insertAccount.run(...account, now);
        insertCredential.run(...credential, now);
      }
    });
    try {
      for (let done = 0; done < count; done += PREFILL_CHUNK) {
        insertChunk(chunkOf(done));
        // better-sqlite3 is synchronous: let this process's timers run between chunks (the
        // HTTP client's keep-alive timers among them) instead of blocking them for a minute.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // One statement per chunk: each column as an array, unnested into rows.
    const fromArrays = (columns: readonly string[]) =>
      `INSERT INTO "%T" (${quoted(columns)}) SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")})`;
    const columnsOf = (rows: string[][], width: number) => Array.from({ length: width }, (_, i) => rows.map((row) => row[i]!));
    try {
      for (let done = 0; done < count; done += PREFILL_CHUNK) {
        const rows = chunkOf(done);
        await client.query("BEGIN");
        await client.query(fromArrays(ACCOUNT_COLUMNS).replace("%T", "Account"), columnsOf(rows.map((row) => row.account), ACCOUNT_COLUMNS.length));
        await client.query(fromArrays(CREDENTIAL_COLUMNS).replace("%T", "Credential"), columnsOf(rows.map((row) => row.credential), CREDENTIAL_COLUMNS.length));
        await client.query("COMMIT");
      }
    } finally {
      await client.end();
    }
  }
  return round((performance.now() - started) / 1000);
}

// ---------------------------------------------------------------------------------------------

async function registrationRound(prisma: PrismaClient, people: Identity[], photos: { ktp: Buffer[]; selfie: Buffer[] }, connections: number) {
  await prisma.citizen.createMany({
    data: people.map(({ nik, kk, fullName, birthPlace, birthDate, gender }) => ({ nik, kk, fullName, birthPlace, birthDate, gender })),
  });
  const prepared = await prepareRegistrations(prisma, people, photos);
  const before = await prisma.account.count();
  const load = await loadRegistrations(prepared, connections);
  const accounts = (await prisma.account.count()) - before;
  return { ...load, concurrency: connections, accountsCreated: accounts, accountsEqual201: accounts === (load.statuses["201"] ?? 0) };
}

/** `--js-only` (and `--lighthouse` with it): the pages' figures without the load. */
async function pagesOnly(): Promise<void> {
  ensureBuild();
  const url = databaseUrl();
  if (url.startsWith("file:")) freshWorkDir();
  else fs.mkdirSync(WORK, { recursive: true });
  prepareDatabase(url);
  const server = await startServer(url);
  try {
    const js = [];
    for (const pathname of JS_PAGES) js.push(await firstLoadJs(pathname));
    printJsTable(js);
    if (LIGHTHOUSE) {
      console.log(`\nbench: Lighthouse, ${LIGHTHOUSE_RUNS} run(s) per page`);
      printLighthouseTable(lighthousePages());
    }
  } finally {
    stopServer(server);
  }
}

async function main(): Promise<void> {
  if (JS_ONLY) return pagesOnly();
  ensureBuild();
  const url = databaseUrl();
  if (url.startsWith("file:")) freshWorkDir();
  else fs.mkdirSync(WORK, { recursive: true });
  console.log(`bench: ${cores} cores, database ${url.startsWith("file:") ? "SQLite (fresh)" : "PostgreSQL"}, port ${PORT}`);
  prepareDatabase(url);
  const prisma = await openDatabase(url);
  const taken = new Set((await prisma.citizen.findMany({ select: { nik: true } })).map((c) => c.nik));
  const people = identities(0, taken, PASSWORD);
  const take = (n: number) => Array.from({ length: n }, () => people.next().value as Identity);

  console.log("bench: making photos");
  const photos = await photoPool(12);
  const sizes = [...photos.ktp, ...photos.selfie].map((p) => p.length / 1024);
  console.log(`bench: photos ${round(Math.min(...sizes))}–${round(Math.max(...sizes))} KB`);

  console.log("bench: the bound (in process, before the load)");
  const boundBefore = await measureBound(photos);

  const server = await startServer(url);
  const report: Record<string, unknown> = { startedAt: new Date().toISOString(), cores, node: process.version, database: url.startsWith("file:") ? "sqlite" : "postgresql" };
  try {
    console.log(`bench: ${REGISTRATIONS} registrations at concurrency ${CONCURRENCY}`);
    const sustained = await registrationRound(prisma, take(REGISTRATIONS), photos, CONCURRENCY);
    console.log(`bench: ${OVERLOAD} registrations at concurrency ${3 * CONCURRENCY}`);
    const overload = await registrationRound(prisma, take(OVERLOAD), photos, 3 * CONCURRENCY);

    console.log("bench: pages");
    const staticPath = await staticAssetPath();
    const pages = [];
    for (const pathname of ["/", "/daftar/identitas", "/api/agencies", staticPath]) pages.push(await loadPage(pathname));
    const registered = (await prisma.account.findMany({ select: { nik: true }, take: 500 })).map((a) => a.nik);
    const signIns = await loadSignIns(registered);

    console.log("bench: first-load JavaScript");
    const js = [];
    for (const pathname of JS_PAGES) js.push(await firstLoadJs(pathname));
    let lighthouse: LighthouseResult[] | undefined;
    if (LIGHTHOUSE) {
      console.log(`bench: Lighthouse, ${LIGHTHOUSE_RUNS} run(s) per page`);
      lighthouse = lighthousePages();
    }

    let growth: Growth | undefined;
    if (PREFILL > 0) {
      console.log(`bench: pre-filling ${PREFILL} accounts`);
      const seconds = await prefillAccounts(url, PREFILL, 10_000_000);
      const again = await registrationRound(prisma, take(REGISTRATIONS), photos, CONCURRENCY);
      const signInsAgain = await loadSignIns(registered);
      growth = {
        accounts: await prisma.account.count(),
        prefillSeconds: seconds,
        registrationP99Before: sustained.latency["201"]?.p99 ?? null,
        registrationP99After: again.latency["201"]?.p99 ?? null,
        registrationsPerSecondAfter: again.perSecond,
        signInP99Before: signIns.p99,
        signInP99After: signInsAgain.p99,
      };
    }

    console.log("bench: the bound (in process, after the load)");
    stopServer(server);
    const boundAfter = await measureBound(photos);
    const bound = Math.max(boundBefore.unitsPerSecond, boundAfter.unitsPerSecond);
    const landing = pages[0]!;
    const staticFile = pages[3]!;
    Object.assign(report, {
      bound: { before: boundBefore, after: boundAfter },
      registrations: { ...sustained, ratioToBound: round(sustained.perSecond / bound, 2) },
      overload,
      pages,
      landingToStatic: round(landing.requestsPerSecond / staticFile.requestsPerSecond, 3),
      signIns,
      firstLoadJs: js,
      ...(lighthouse ? { lighthouse } : {}),
      ...(growth ? { growth } : {}),
    });
    printTable(report as unknown as Report);
    if (lighthouse) printLighthouseTable(lighthouse);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nbench: wrote ${path.relative(root, OUT)}`);
  } finally {
    stopServer(server);
    await prisma.$disconnect();
  }
}

type Report = {
  bound: { before: { unitsPerSecond: number; concurrency: number }; after: { unitsPerSecond: number } };
  registrations: Awaited<ReturnType<typeof registrationRound>> & { ratioToBound: number };
  overload: Awaited<ReturnType<typeof registrationRound>>;
  pages: PageResult[];
  landingToStatic: number;
  signIns: PageResult & { latencyP50: number };
  firstLoadJs: { path: string; gzipKb: number }[];
  growth?: Growth;
};

type Growth = {
  accounts: number;
  prefillSeconds: number;
  registrationP99Before: number | null;
  registrationP99After: number | null;
  registrationsPerSecondAfter: number;
  signInP99Before: number;
  signInP99After: number;
};

function printTable(r: Report): void {
  const rows: [string, string][] = [];
  const statuses = (s: Record<string, number>) => Object.entries(s).map(([k, v]) => `${k}×${v}`).join(" ");
  rows.push(["bound (argon2id×3 + 2 re-encodes), units/s before / after", `${r.bound.before.unitsPerSecond} / ${r.bound.after.unitsPerSecond} (concurrency ${r.bound.before.concurrency})`]);
  const reg = r.registrations;
  rows.push([`registrations/s at concurrency ${reg.concurrency}`, `${reg.perSecond} (ratio to bound ${reg.ratioToBound})`]);
  rows.push(["  statuses", statuses(reg.statuses)]);
  if (Object.keys(reg.codes).length > 0) rows.push(["  answers other than 201 and 503", statuses(reg.codes)]);
  rows.push(["  201 latency p50 / p99 ms", `${reg.latency["201"]?.p50 ?? "-"} / ${reg.latency["201"]?.p99 ?? "-"}`]);
  rows.push(["  accounts created = 201s", `${reg.accountsCreated} = ${reg.statuses["201"] ?? 0}: ${reg.accountsEqual201 ? "yes" : "NO"}`]);
  const over = r.overload;
  rows.push([`overload: concurrency ${over.concurrency}, statuses`, statuses(over.statuses)]);
  if (Object.keys(over.codes).length > 0) rows.push(["  answers other than 201 and 503", statuses(over.codes)]);
  for (const [status, l] of Object.entries(over.latency)) rows.push([`  ${status} latency p50 / p99 / max ms`, `${l.p50} / ${l.p99} / ${l.max}`]);
  rows.push(["  accounts created = 201s", `${over.accountsCreated} = ${over.statuses["201"] ?? 0}: ${over.accountsEqual201 ? "yes" : "NO"}`]);
  for (const page of r.pages) rows.push([`GET ${page.path} req/s, p99 ms`, `${page.requestsPerSecond}, ${page.p99}${page.non2xx ? ` (${page.non2xx} non-2xx)` : ""}`]);
  rows.push(["landing / static file", String(r.landingToStatic)]);
  rows.push(["sign-ins/s, p50 / p99 ms", `${r.signIns.requestsPerSecond}, ${r.signIns.latencyP50} / ${r.signIns.p99}`]);
  for (const page of r.firstLoadJs) rows.push([`first-load JS ${page.path}`, `${page.gzipKb} kB gzip`]);
  if (r.growth) {
    const g = r.growth;
    rows.push([`growth: accounts after pre-filling (seconds to pre-fill)`, `${g.accounts} (${g.prefillSeconds} s)`]);
    rows.push(["  registration 201 p99 ms, before / after", `${g.registrationP99Before ?? "-"} / ${g.registrationP99After ?? "-"}`]);
    rows.push(["  registrations/s after", String(g.registrationsPerSecondAfter)]);
    rows.push(["  sign-in p99 ms, before / after", `${g.signInP99Before} / ${g.signInP99After}`]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("\n| measure | figure |\n|---|---|");
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
}

main().catch((error: unknown) => {
  // A failed fetch says why only in its cause (refused, reset, timed out).
  console.error(error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}` : error);
  process.exit(1);
});
