/**
 * For the two-instance test: production servers started as a deployment starts them
 * (`node scripts/start.mjs --no-build`: check env, migrate, seed, scripts/serve.mjs), all on one
 * PostgreSQL database with PHOTO_STORAGE=database and one NEXTAUTH_SECRET, plus a small HTTP
 * client that keeps cookies (as a browser does for one address in front of them all) and reads
 * captcha answers from PostgreSQL (there is no bypass; the e2e helpers read SQLite instead).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

export type Instance = {
  name: string;
  url: string;
  port: number;
  /** Its own folder: server log, STORAGE_DIR (must stay empty: photos live in the database), outbox. */
  dir: string;
  process: ChildProcess;
  log: () => string;
};

/** The configuration every instance shares: one database, one secret, one admin. */
export type SharedConfig = { databaseUrl: string; secret: string; adminPassword: string; publicUrl: string; clock: string };

export function sharedConfig(databaseUrl: string, publicUrl: string): SharedConfig {
  return {
    databaseUrl,
    secret: randomBytes(32).toString("base64url"),
    adminPassword: randomBytes(12).toString("base64url"),
    publicUrl,
    // Inside the CPNS 2023 window; each instance's simulated clock starts at it when it starts.
    clock: "2023-09-25T10:00:00+07:00",
  };
}

const running = new Set<ChildProcess>();
// If the test process ends abruptly, no server outlives it.
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // start.mjs runs the server as its child: the whole process group goes.
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Starts `node scripts/start.mjs --no-build` on `port`; resolves once it answers. */
export async function startInstance(name: string, port: number, config: SharedConfig): Promise<Instance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sscasn-${name}-`));
  const logFile = path.join(dir, "server.log");
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      APP_ENV: "local",
      PORT: String(port),
      DATABASE_URL: config.databaseUrl,
      PHOTO_STORAGE: "database",
      STORAGE_DIR: path.join(dir, "storage"),
      MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
      NEXTAUTH_SECRET: config.secret,
      // One photo key for all (photos are encrypted at rest): a photo sealed by A opens on B.
      PHOTO_ENCRYPTION_KEY: createHash("sha256").update(`photos:${config.secret}`).digest("base64"),
      NEXTAUTH_URL: config.publicUrl,
      ADMIN_USERNAME: "admin",
      ADMIN_PASSWORD: config.adminPassword,
      APP_CLOCK: config.clock,
      TRUST_PROXY_HOPS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  fs.closeSync(out);
  running.add(child);
  child.on("exit", () => running.delete(child));
  const instance: Instance = { name, url: `http://127.0.0.1:${port}`, port, dir, process: child, log: () => fs.readFileSync(logFile, "utf8") };
  const deadline = Date.now() + 180_000;
  let failure: string;
  for (;;) {
    if (child.exitCode !== null) {
      failure = `exited with ${child.exitCode}`;
      break;
    }
    if (Date.now() > deadline) {
      failure = "did not answer within 180 s";
      break;
    }
    try {
      if ((await fetch(`${instance.url}/api/registration-window`)).ok) return instance;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = instance.log().slice(-3000);
  await stopInstance(instance);
  throw new Error(`instance ${name} ${failure}:\n${log}`);
}

/** Stops the instance (SIGTERM, then SIGKILL after 10 s) and removes its folder. */
export async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  const child = instance.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  // next-server may still be closing after start.mjs went: make sure the group is gone.
  killGroup(child, "SIGKILL");
  fs.rmSync(instance.dir, { recursive: true, force: true });
}

/** A browser's view of one address: cookies kept across requests to any instance. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async request(instance: Instance, pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(`${instance.url}${pathname}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** next-auth's credentials protocol, as src/lib/sign-in.ts speaks it; true when signed in. */
  async signIn(instance: Instance, provider: "applicant" | "admin", fields: Record<string, string>): Promise<boolean> {
    const { csrfToken } = (await (await this.request(instance, "/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.request(instance, `/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: "/", json: "true" }),
    });
    const body = (await response.json().catch(() => null)) as { url?: string } | null;
    return Boolean(body?.url && !new URL(body.url, instance.url).searchParams.get("error"));
  }

  async signOut(instance: Instance): Promise<void> {
    const { csrfToken } = (await (await this.request(instance, "/api/auth/csrf")).json()) as { csrfToken: string };
    await this.request(instance, "/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
    });
  }

  /** GET /api/auth/session: the signed-in user's name, or null. */
  async sessionName(instance: Instance): Promise<string | null> {
    const session = (await (await this.request(instance, "/api/auth/session")).json()) as { user?: { name?: string } };
    return session.user?.name ?? null;
  }
}

/** A captcha made by `instance`, answered by reading its answer from PostgreSQL. */
export async function solvedCaptcha(instance: Instance, databaseUrl: string): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { id } = (await (await fetch(`${instance.url}/api/captcha`, { method: "POST" })).json()) as { id: string };
  return { captchaId: id, captchaAnswer: await captchaAnswer(databaseUrl, id) };
}

export async function captchaAnswer(databaseUrl: string, id: string): Promise<string> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{ answer: string }>(`SELECT "answer" FROM "Captcha" WHERE "id" = $1`, [id]);
    if (!rows[0]) throw new Error(`No captcha ${id}`);
    return rows[0].answer.toUpperCase();
  });
}

export async function withDatabase<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
