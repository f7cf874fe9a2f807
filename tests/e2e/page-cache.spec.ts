/**
 * The landing page's cache on real servers (ADR 0019), each started on a fresh database by
 * tests/e2e/fresh-server.mjs, which runs `npm start -- --no-build` as a deployment would: one keeping the page for a minute (PORT_BASE + 4), so that what the cache
 * holds is plain to see, and one with PUBLIC_CACHE_TTL_MS=0 (PORT_BASE + 6). A change made straight
 * in the database stands for another instance's admin: this instance learns of it only when its
 * cache expires or is dropped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { request as playwrightRequest } from "@playwright/test";
import { ADMIN, signInApi } from "./auth-helpers";
import { expect, test } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT_BASE = Number(process.env.E2E_PORT_BASE || 3100);
const FILL_HEADER = "x-sscasn-page-fill";

type Server = { base: string; database: string; child?: ChildProcess };
const cached: Server = server(PORT_BASE + 4);
const uncached: Server = server(PORT_BASE + 6);

function server(port: number): Server {
  return { base: `http://localhost:${port}`, database: path.join(ROOT, `data/e2e${port}-page-cache.db`) };
}

async function start(target: Server, ttlMs: number): Promise<void> {
  const port = new URL(target.base).port;
  target.child = spawn(process.execPath, ["tests/e2e/fresh-server.mjs"], {
    cwd: ROOT,
    stdio: "ignore",
    detached: true,
    env: {
      ...process.env,
      PORT: port,
      DATABASE_URL: `file:${target.database}`,
      STORAGE_DIR: `./data/e2e${port}-page-cache-storage`,
      MAIL_OUTBOX_DIR: `./data/e2e${port}-page-cache-outbox`,
      APP_CLOCK: "2023-09-25T10:00:00+07:00",
      NEXTAUTH_URL: target.base,
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      PUBLIC_CACHE_TTL_MS: String(ttlMs),
      SERVER_LOG_FILE: `./data/e2e${port}-page-cache.log`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (target.child.exitCode !== null) throw new Error(`the server on ${port} exited with ${target.child.exitCode}`);
    if (await fetch(`${target.base}/api/registration-window`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on ${port} did not start`);
}

function stop(target: Server): void {
  if (!target.child?.pid || target.child.exitCode !== null) return;
  try {
    process.kill(-target.child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

type Answer = { headers: Headers; body: string; nonce: string };

async function get(target: Server, headers: Record<string, string> = {}, pathname = "/"): Promise<Answer> {
  const response = await fetch(`${target.base}${pathname}`, { headers });
  expect(response.status).toBe(200);
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  return { headers: response.headers, body, nonce };
}

/** Every nonce the page holds: script and style attributes, and those in the RSC payload. */
function noncesIn(body: string): string[] {
  return [...body.matchAll(/nonce(?:="|\\?"\s*:\s*\\?")([^"\\]*)/g)].map((match) => match[1]!);
}

/** The agencies the page lists as still in verification (each with "Beri tahu saya"). */
function waiting(body: string): string[] {
  return [...new Set([...body.replaceAll("<!-- -->", "").matchAll(/saat formasi (.+?)(?: sudah)? diverifikasi/g)].map((match) => match[1]!))];
}

/** The document a visitor sees: the page without its scripts (whose RSC payload Next streams in no fixed order), nonce blanked. */
function documentOf(answer: Answer): string {
  return answer.body.replaceAll(answer.nonce, "NONCE").replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

function setStatus(target: Server, code: string, formationStatus: "VERIFIED" | "IN_VERIFICATION"): void {
  const db = new Database(target.database, { fileMustExist: true });
  try {
    db.prepare("UPDATE Agency SET formationStatus = ? WHERE code = ?").run(formationStatus, code);
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await Promise.all([start(cached, 60_000), start(uncached, 0)]);
});

test.afterAll(() => {
  stop(cached);
  stop(uncached);
});

test("two answers of / have their own nonces, and every nonce in each page is its own policy's", async () => {
  const first = await get(cached, { "accept-encoding": "identity" });
  // fetch asks for gzip and inflates it: the assembled gzip stream must be the same page.
  const second = await get(cached);
  expect(second.headers.get("age")).not.toBeNull();
  expect(second.headers.get("content-encoding")).toBe("gzip");
  expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(second.nonce).not.toBe(first.nonce);
  for (const answer of [first, second]) {
    const nonces = noncesIn(answer.body);
    expect(nonces.length).toBeGreaterThan(5);
    expect(new Set(nonces)).toEqual(new Set([answer.nonce]));
    expect(answer.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    expect(answer.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    // Next's preload header, when it sends one, names the nonce too.
    for (const [, nonce] of (answer.headers.get("link") ?? "").matchAll(/nonce="([^"]*)"/g)) expect(nonce).toBe(answer.nonce);
  }
  expect(documentOf(second)).toBe(documentOf(first));
});

test("the cached page is the page a fresh render gives, but for the nonce", async () => {
  const fromCache = await get(cached);
  expect(fromCache.headers.get("age")).not.toBeNull();
  // A query string is never answered from the cache: Next renders it as any visit.
  const rendered = await get(cached, {}, "/?segar=1");
  expect(rendered.headers.get("age")).toBeNull();
  expect(documentOf(fromCache)).toBe(documentOf(rendered));
  expect(documentOf(fromCache)).toContain("Pendaftaran sedang dibuka");
});

test("a signed-in visitor is never given the cached page", async () => {
  const admin = await playwrightRequest.newContext({ baseURL: cached.base });
  try {
    await signInApi(admin, "admin", { username: ADMIN.username, password: ADMIN.password });
    expect((await get(cached)).body).toContain(">Masuk<");
    const signedIn = await admin.get("/");
    expect(signedIn.headers()["age"]).toBeUndefined();
    const body = await signedIn.text();
    expect(body).toContain("Konsol Admin");
    expect(body).not.toContain(">Masuk<");
  } finally {
    await admin.dispose();
  }
});

test("another instance's change waits for the cache; this instance's admin change shows on the very next visit", async () => {
  const before = await get(cached);
  expect(waiting(before.body)).toContain("Kementerian Pertahanan");
  expect(waiting(before.body)).toContain("Pemerintah Kota Jayapura");

  // Another instance's admin verified Jayapura: this one keeps its page (a minute here) …
  setStatus(cached, "KOTA-9171", "VERIFIED");
  const held = await get(cached);
  expect(held.headers.get("age")).not.toBeNull();
  expect(waiting(held.body)).toContain("Pemerintah Kota Jayapura");
  // … and a client's fill header, without the process's secret, neither skips it nor forces fresh data.
  const spoofed = await get(cached, { [FILL_HEADER]: "x".repeat(43) });
  expect(spoofed.headers.get("age")).not.toBeNull();
  expect(waiting(spoofed.body)).toContain("Pemerintah Kota Jayapura");

  // This instance's admin verifies the Ministry of Defence: the very next visit shows it (and,
  // the page rendered afresh, Jayapura's change with it).
  const admin = await playwrightRequest.newContext({ baseURL: cached.base });
  try {
    await signInApi(admin, "admin", { username: ADMIN.username, password: ADMIN.password });
    const patched = await admin.patch("/api/admin/agencies/KEMHAN", { data: { formationStatus: "VERIFIED" } });
    expect(patched.status()).toBe(200);
  } finally {
    await admin.dispose();
  }
  const after = await get(cached);
  expect(waiting(after.body)).not.toContain("Kementerian Pertahanan");
  expect(waiting(after.body)).not.toContain("Pemerintah Kota Jayapura");
  expect(waiting(after.body)).toContain("Pemerintah Kabupaten Bandung");
});

test("the cached page runs in the browser under its fresh policy", async ({ page }) => {
  for (let visit = 0; visit < 2; visit++) {
    const response = await page.goto(`${cached.base}/`);
    expect(response?.headers()["age"]).toBeDefined();
    const agencies = page.getByRole("region", { name: "Status formasi instansi" });
    // The search is the client's code at work: the scripts ran under the answer's nonce.
    await agencies.getByLabel("Cari instansi").fill("kepegawaian");
    await expect(agencies.getByRole("listitem")).toHaveCount(1);
    await expect(agencies.getByRole("listitem")).toContainText("Badan Kepegawaian Negara");
  }
  // The CSP fixture (./fixtures.ts) fails this test on any violation.
});

test("with PUBLIC_CACHE_TTL_MS=0 nothing is cached", async () => {
  const first = await get(uncached);
  const second = await get(uncached);
  expect(first.headers.get("age")).toBeNull();
  expect(second.headers.get("age")).toBeNull();
  expect(second.nonce).not.toBe(first.nonce);
  expect(new Set(noncesIn(second.body))).toEqual(new Set([second.nonce]));
  expect(waiting(second.body)).toContain("Pemerintah Kota Jayapura");
  setStatus(uncached, "KOTA-9171", "VERIFIED");
  expect(waiting((await get(uncached)).body)).not.toContain("Pemerintah Kota Jayapura");
});
