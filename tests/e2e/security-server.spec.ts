/**
 * A production server of its own (APP_ENV=production, real clock, its own database), started by
 * `npm start -- --no-build` as a deployment would, for what needs one:
 * - HSTS is sent in production (and the CSP is still there);
 * - a 100 MB body is refused with 413 without the server growing: the issue measured +557 MB for
 *   one such body to /api/auth/callback/applicant. The server's RSS is read from /proc while the
 *   body is sent (declared by Content-Length, and chunked without one).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT_BASE || 3100) + 2;
const BASE = `http://localhost:${PORT}`;
const MB = 1024 * 1024;
const DATABASE = `data/e2e${PORT}-production.db`;

let starter: ChildProcess;
let serverPid = 0;

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
}

/** npm start spawns the server (scripts/serve.mjs); that child is the one whose memory counts. */
function childPid(pid: number): number {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return children[0] ?? 0;
}

/** Sends `total` bytes of urlencoded form (made as the socket drains) and resolves with the status as soon as it arrives. */
function sendHugeBody(pathname: string, total: number, declareLength: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    // The sign-in form is urlencoded; the other routes take JSON (and refuse any other type first).
    const type = pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/") ? "application/json" : "application/x-www-form-urlencoded";
    const headers: Record<string, string | number> = { "content-type": type };
    if (declareLength) headers["content-length"] = total;
    const request = http.request(`${BASE}${pathname}`, { method: "POST", headers });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    // `aaaa…` is one long urlencoded field name; exactly `total` bytes, as Content-Length says.
    const pump = () => {
      while (!answered && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.byteLength, total - sent));
        sent += piece.byteLength;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const root = path.resolve(import.meta.dirname, "../..");
  // A fresh database (tests/e2e/fresh-server.mjs), then `npm start -- --no-build` in this process.
  starter = spawn(process.execPath, ["tests/e2e/fresh-server.mjs"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      APP_ENV: "production",
      PORT: String(PORT),
      DATABASE_URL: `file:./${DATABASE}`,
      STORAGE_DIR: `./data/e2e${PORT}-production-storage`,
      NEXTAUTH_SECRET: "e2e-production-secret-0123456789abcdefghijkl",
      NEXTAUTH_URL: BASE,
      // Required in production (issue 9, item 6): the photos' AES-256-GCM key.
      PHOTO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_CLOCK: "",
      ADMIN_USERNAME: "",
      ADMIN_PASSWORD: "",
      SERVER_LOG_FILE: `./data/e2e${PORT}-production.log`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (let waited = 0; ; waited += 500) {
    if (waited > 150_000) throw new Error("the production server did not start");
    const ready = await fetch(`${BASE}/api/registration-window`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  serverPid = childPid(starter.pid!);
  expect(serverPid).toBeGreaterThan(0);
});

test.afterAll(async () => {
  if (!starter || starter.exitCode !== null) return;
  const exited = new Promise((resolve) => starter.once("exit", resolve));
  starter.kill("SIGTERM"); // start.mjs passes it on to the server
  await exited;
});

test("production pages and API answers carry HSTS and their CSP", async ({ request }) => {
  // "/" is answered from the landing page's cache (ADR 0019), which keeps the render's HSTS.
  for (const pathname of ["/", "/masuk"]) {
    const headers = (await request.get(`${BASE}${pathname}`)).headers();
    expect(headers["age"] !== undefined, `${pathname} from the cache`).toBe(pathname === "/");
    expect(headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headers["content-security-policy"]).toContain("'strict-dynamic'");
    expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  }
  const api = await request.get(`${BASE}/api/registration-window`);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

for (const [label, pathname, declareLength] of [
  ["declared", "/api/auth/callback/applicant", true],
  ["chunked", "/api/auth/callback/applicant", false],
  ["declared", "/api/password-recovery", true],
  ["chunked", "/api/password-recovery", false],
] as const) {
  test(`a 100 MB ${label} body to ${pathname} gets 413 and the server grows < 20 MB`, async () => {
    test.setTimeout(120_000);
    const before = rssKb(serverPid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(serverPid))), 20);
    const status = await sendHugeBody(pathname, 100 * MB, declareLength);
    await new Promise((resolve) => setTimeout(resolve, 500));
    clearInterval(sampler);
    peak = Math.max(peak, rssKb(serverPid));
    const grownMb = (peak - before) / 1024;
    console.log(`100 MB ${label} body to ${pathname}: ${status}, server RSS ${Math.round(before / 1024)} MB → peak +${grownMb.toFixed(1)} MB`);
    expect(status).toBe(413);
    expect(grownMb).toBeLessThan(20);
  });
}

test("100 MB bodies sent to pages are refused (405) and not held", async () => {
  test.setTimeout(180_000);
  // Next reads a proxied request's body to its end whatever the proxy answers, keeping 64 KiB
  // (proxyClientMaxBodySize) and dropping the rest: garbage that raises the heap's high-water mark
  // once, by some 30 MB, whenever the collector runs. So 500 MB are sent and the server must not
  // grow by anything like it (one held body would be 100 MB).
  const before = rssKb(serverPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(serverPid))), 20);
  for (const [pathname, declareLength] of [["/masuk", true], ["/", false], ["/daftar/identitas", true], ["/masuk", false], ["/", true]] as const) {
    expect(await sendHugeBody(pathname, 100 * MB, declareLength)).toBe(405);
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  clearInterval(sampler);
  const grownMb = (Math.max(peak, rssKb(serverPid)) - before) / 1024;
  console.log(`5 × 100 MB bodies to pages: 405 each, server RSS peak +${grownMb.toFixed(1)} MB`);
  expect(grownMb).toBeLessThan(50);
});
