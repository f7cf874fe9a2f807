/**
 * The crash test (issue 9, item 7): a production server of its own (`node scripts/start.mjs
 * --no-build` on a fresh SQLite database and photo folder), a burst of registrations from distinct
 * synthetic applicants (added to the database's Citizen table, each with a captcha solved by
 * reading the database), SIGKILL to the whole server mid-burst, a restart, and then:
 * - every 201 received is an account whose two photos are served (and decrypt: the key survived);
 * - no account lacks a photo file;
 * - after the sweep that `npm start` runs first, no stored photo lacks an account, and no
 *   temporary file is left.
 * The sweep only removes files older than 5 minutes (a registration in flight stores its photos a
 * moment before its account); rather than wait, the test ages the files left by the crash by ten
 * minutes before restarting, as if the restart came that much later.
 * Runs in its own Playwright project ("crash"), after the build scripts/test.mjs makes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { makeJpeg, makePng } from "../fixtures/photos";
import { identities, type Identity } from "../../scripts/lib/synthetic-people";
import { PASSWORD } from "./citizens";
import { expect, test } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.E2E_PORT_BASE || 3100) + 5;
const BASE = `http://localhost:${PORT}`;
const DATABASE = path.join(ROOT, `data/e2e${PORT}-crash.db`);
const STORAGE = path.join(ROOT, `data/e2e${PORT}-crash-storage`);
/** Registrations in the burst, how many are in flight at once, and after how many 201s the kill comes. */
const BURST = 40;
const IN_FLIGHT = 6;
const KILL_AFTER_CREATED = 8;

const serverEnv = {
  ...process.env,
  PORT: String(PORT),
  DATABASE_URL: `file:${DATABASE}`,
  STORAGE_DIR: STORAGE,
  APP_CLOCK: "2023-09-25T10:00:00+07:00",
  NEXTAUTH_URL: BASE,
  ADMIN_USERNAME: "admin",
  ADMIN_PASSWORD: "admin-e2e-password",
  // Each request says which client it is (X-Forwarded-For), so per-address limits see many clients.
  TRUST_PROXY_HOPS: "1",
  // Every request of the burst is let in to wait its turn, so requests are at work when the kill
  // comes: with the default queue the front door turns part of the burst away in a millisecond,
  // and those workers could run through the whole burst before the kill (ADR 0021).
  ADMISSION_QUEUE: String(IN_FLIGHT),
  ADMISSION_MAX_WAIT_MS: "60000",
  NEXT_TELEMETRY_DISABLED: "1",
};

let server: ChildProcess | undefined;

/** `npm start -- --no-build`, in a process group of its own so that one signal reaches every process of it. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], { cwd: ROOT, env: serverEnv, stdio: "ignore", detached: true });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/registration-window`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not start within 120 s");
}

function signalGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Synthetic people the seed does not hold (the bench's generator), for the registry and the burst. */
function people(count: number): Identity[] {
  const seeded = new Set((JSON.parse(fs.readFileSync(path.join(ROOT, "prisma/data/citizens.json"), "utf8")) as { nik: string }[]).map((c) => c.nik));
  const generated = identities(0, seeded, PASSWORD);
  return Array.from({ length: count }, () => generated.next().value as Identity);
}

type Person = Identity;

let photos: Promise<[Buffer, Buffer]> | undefined;
async function registrationForm(person: Person, captchaId: string, captchaAnswer: string): Promise<FormData> {
  const [ktp, selfie] = await (photos ??= Promise.all([makePng(856, 540), makeJpeg(640, 480)]));
  const form = new FormData();
  const { gender: _derived, ...typed } = person;
  const fields = {
    ...typed,
    agencyCode: "BKN",
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    securityQuestion1: "SEKOLAH_DASAR",
    securityAnswer1: "SDN Merdeka 3",
    securityQuestion2: "HEWAN_PELIHARAAN",
    securityAnswer2: "Si Belang",
    captchaId,
    captchaAnswer,
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("ktpPhoto", new File([new Uint8Array(ktp)], "ktp.png", { type: "image/png" }));
  form.append("selfie", new File([new Uint8Array(selfie)], "swafoto.jpg", { type: "image/jpeg" }));
  return form;
}
type Outcome = { status: number; registrationNumber?: string; cardToken?: string } | { status: "no answer" };

function storedFiles(): string[] {
  if (!fs.existsSync(STORAGE)) return [];
  return (fs.readdirSync(STORAGE, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(STORAGE, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

function accountKeys(): { registrationNumber: string; ktpPhotoKey: string; selfieKey: string }[] {
  const db = new Database(DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT "registrationNumber", "ktpPhotoKey", "selfieKey" FROM "Account"').all() as never;
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DATABASE + suffix, { force: true });
  fs.rmSync(STORAGE, { recursive: true, force: true });
});

test.afterAll(() => {
  signalGroup(server, "SIGTERM");
});

test("SIGKILL during a burst of registrations: every 201 is an account with both photos, and the sweep leaves no orphan", async () => {
  test.setTimeout(300_000);
  server = await startServer();

  // The applicants: in the population registry, each with a captcha solved from the database.
  const applicants = people(BURST + 1); // the last one registers after the restart
  const captchaIds: string[] = [];
  for (let i = 0; i < BURST; i++) {
    const response = await fetch(`${BASE}/api/captcha`, { method: "POST", headers: { "x-forwarded-for": `10.9.0.${i + 1}` } });
    expect(response.status).toBe(200);
    captchaIds.push(((await response.json()) as { id: string }).id);
  }
  const db = new Database(DATABASE, { fileMustExist: true });
  const insert = db.prepare('INSERT INTO "Citizen" ("nik", "kk", "fullName", "birthPlace", "birthDate", "gender") VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const p of applicants) insert.run(p.nik, p.kk, p.fullName, p.birthPlace, p.birthDate, p.gender);
  })();
  const answers = new Map(
    (db.prepare(`SELECT "id", "answer" FROM "Captcha" WHERE "id" IN (${captchaIds.map(() => "?").join(",")})`).all(...captchaIds) as { id: string; answer: string }[]).map(
      (row) => [row.id, row.answer],
    ),
  );
  db.close();

  const send = async (person: Person, i: number): Promise<Outcome> => {
    const form = await registrationForm(person, captchaIds[i]!, answers.get(captchaIds[i]!)!);
    try {
      const response = await fetch(`${BASE}/api/registrations`, { method: "POST", body: form, headers: { "x-forwarded-for": `10.9.1.${i + 1}` } });
      const body = (await response.json()) as { registrationNumber?: string; cardToken?: string };
      return { status: response.status, registrationNumber: body.registrationNumber, cardToken: body.cardToken };
    } catch {
      return { status: "no answer" };
    }
  };

  // The burst: IN_FLIGHT requests at all times; SIGKILL once KILL_AFTER_CREATED 201s are in, while others are in flight.
  const outcomes: Outcome[] = new Array(BURST);
  let next = 0;
  let created = 0;
  let killed = false;
  let inFlightAtKill = 0;
  let inFlight = 0;
  const worker = async () => {
    while (next < BURST) {
      const i = next++;
      if (killed) {
        outcomes[i] = { status: "no answer" };
        continue;
      }
      inFlight++;
      outcomes[i] = await send(applicants[i]!, i);
      inFlight--;
      if (outcomes[i]!.status === 201) created++;
      if (!killed && created >= KILL_AFTER_CREATED) {
        killed = true;
        inFlightAtKill = inFlight;
        signalGroup(server, "SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  expect(killed, "the kill came during the burst").toBe(true);
  expect(inFlightAtKill, "requests were in flight when the server was killed").toBeGreaterThan(0);
  const killedServer = server;
  if (killedServer.exitCode === null && killedServer.signalCode === null) await new Promise((resolve) => killedServer.once("exit", resolve));

  const received = outcomes.filter((o): o is Extract<Outcome, { status: number }> => o.status !== "no answer");
  const created201 = received.filter((o) => o.status === 201);
  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[String(o.status)] = (statuses[String(o.status)] ?? 0) + 1;

  // What the crash left: files no account references, temporary files.
  const accountsAtCrash = accountKeys();
  const referenced = new Set(accountsAtCrash.flatMap((a) => [a.ktpPhotoKey, a.selfieKey]));
  const filesAtCrash = storedFiles();
  const orphansAtCrash = filesAtCrash.filter((f) => !referenced.has(f) && !f.endsWith(".tmp"));
  const tempAtCrash = filesAtCrash.filter((f) => f.endsWith(".tmp"));

  // As if the restart came ten minutes later: past the sweep's minimum age.
  const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
  for (const file of filesAtCrash) fs.utimesSync(path.join(STORAGE, file), tenMinutesAgo, tenMinutesAgo);
  server = await startServer();

  const accounts = accountKeys();
  const files = new Set(storedFiles());
  const figures = {
    burst: BURST,
    statuses,
    received201: created201.length,
    inFlightAtKill,
    accountsAfterRestart: accounts.length,
    filesAtCrash: filesAtCrash.length,
    orphanPhotosAtCrash: orphansAtCrash.length,
    temporaryAtCrash: tempAtCrash.length,
    filesAfterSweep: files.size,
    orphansAfterSweep: [...files].filter((f) => !accounts.some((a) => a.ktpPhotoKey === f || a.selfieKey === f)).length,
  };
  console.log(`crash test: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: "figures", description: JSON.stringify(figures) });

  // Every 201 received is an account whose two photos are served, decrypted with the key the restart kept.
  for (const o of created201) {
    expect(accounts.map((a) => a.registrationNumber)).toContain(o.registrationNumber);
    for (const kind of ["ktp", "selfie"]) {
      const response = await fetch(`${BASE}/api/registrations/${o.registrationNumber}/photos/${kind}`, { headers: { authorization: `Bearer ${o.cardToken}` } });
      expect(response.status, `${kind} of a 201`).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
  }
  // No account lacks a photo (accounts whose 201 never arrived included), and each is stored encrypted.
  for (const account of accounts) {
    for (const key of [account.ktpPhotoKey, account.selfieKey]) {
      expect(files.has(key), "an account's photo is stored").toBe(true);
      expect(fs.readFileSync(path.join(STORAGE, key)).subarray(0, 4).toString("latin1")).toBe("SSPE");
    }
  }
  // After the sweep npm start ran, every stored file is an account's photo: no orphan, no temporary file.
  expect([...files].sort()).toEqual(accounts.flatMap((a) => [a.ktpPhotoKey, a.selfieKey]).sort());
  expect(figures.orphansAfterSweep).toBe(0);

  // And the restarted server takes registrations again.
  const captcha = (await (await fetch(`${BASE}/api/captcha`, { method: "POST" })).json()) as { id: string };
  const after = new Database(DATABASE, { readonly: true, fileMustExist: true });
  const answer = (after.prepare('SELECT "answer" FROM "Captcha" WHERE "id" = ?').get(captcha.id) as { answer: string }).answer;
  after.close();
  const form = await registrationForm(applicants[BURST]!, captcha.id, answer);
  const retry = await fetch(`${BASE}/api/registrations`, { method: "POST", body: form, headers: { "x-forwarded-for": "10.9.2.1" } });
  expect(retry.status).toBe(201);
});
