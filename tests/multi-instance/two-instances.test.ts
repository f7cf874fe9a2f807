/**
 * Two production servers, one PostgreSQL database (SPEC "Running at national scale", issue 7):
 * everything the instances share goes through the database, so whichever instance answers, the
 * applicant sees one portal. Both are started at once, as a deployment rolls out, each migrating
 * and seeding through `scripts/start.mjs` (the advisory lock and the idempotent seed must cope).
 *
 * Needs a production build: `npm test` runs it after its build (TEST_MULTI_INSTANCE=1, Vitest
 * project "multi-instance"); by hand: `npm run build` then
 * `TEST_MULTI_INSTANCE=1 npx vitest run --project multi-instance`. It starts its own throwaway
 * PostgreSQL cluster and stops it and both servers afterwards, also when a test fails.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeJpeg, makePng } from "../fixtures/photos";
import { findFreePort, parsePortRange, startPostgresCluster, type PostgresCluster } from "../../scripts/lib/postgres-cluster.mjs";
import { Browser, sharedConfig, solvedCaptcha, startInstance, stopInstance, withDatabase, type Instance, type SharedConfig } from "./instances";

const enabled = process.env.TEST_MULTI_INSTANCE === "1";

const PASSWORD = "kopi tubruk di teras pagi";
const person = (nik: string, kk: string, fullName: string, birthPlace: string, birthDate: string, n: number) => ({
  nik,
  kk,
  fullName,
  birthPlace,
  birthDate,
  phone: `0812345${String(60000 + n)}`,
  email: `pelamar${n}@example.com`,
  agencyCode: "KOTA-3273",
});
const BUDI = person("3273011205980001", "3273011103190001", "Budi Santoso", "Bandung", "1998-05-12", 1);
const SITI = person("3273014107990001", "3273011103190001", "Siti Rahayu", "Bandung", "1999-07-01", 2);
const PUTRI = person("3404016902000001", "3404011708200002", "Putri Ayu Lestari", "Sleman", "2000-02-29", 3);
const ANDI = person("7371013112960001", "7371010110180005", "Andi Daeng", "Makassar", "1996-12-31", 4);
const YOHANES = person("9101011403950001", "9301010206160003", "Yohanes Gebze", "Merauke", "1995-03-14", 5);
/** An agency whose formation the seed leaves in verification. */
const KEMHAN = { code: "KEMHAN", name: "Kementerian Pertahanan" };

describe.skipIf(!enabled)("two instances on one PostgreSQL (needs a build: run by npm test after it, TEST_MULTI_INSTANCE=1)", () => {
  let cluster: PostgresCluster | undefined;
  let config: SharedConfig;
  let a: Instance | undefined;
  let b: Instance | undefined;
  let photos: { ktp: Buffer; selfie: Buffer };

  beforeAll(async () => {
    cluster = await startPostgresCluster({ portRange: parsePortRange(process.env.TEST_POSTGRES_PORTS) });
    await withDatabase(cluster.url, (client) => client.query(`CREATE DATABASE "sscasn"`));
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    config = sharedConfig(cluster.urlFor("sscasn"), `http://127.0.0.1:${portA}`);
    const started = Date.now();
    const results = await Promise.allSettled([startInstance("a", portA, config), startInstance("b", portB, config)]);
    a = results[0].status === "fulfilled" ? results[0].value : undefined;
    b = results[1].status === "fulfilled" ? results[1].value : undefined;
    for (const result of results) if (result.status === "rejected") throw result.reason;
    console.info(`two-instance test: both instances migrated, seeded and serving in ${Math.round((Date.now() - started) / 1000)} s`);
    photos = { ktp: await makePng(856, 540), selfie: await makeJpeg(640, 480) };
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([stopInstance(a), stopInstance(b)]);
    cluster?.stop();
  }, 60_000);

  async function submit(instance: Instance, identity: typeof BUDI, captcha: { captchaId: string; captchaAnswer: string }) {
    const form = new FormData();
    const fields = { ...identity, password: PASSWORD, passwordConfirm: PASSWORD, securityQuestion1: "SEKOLAH_DASAR", securityAnswer1: "SDN Merdeka 3", securityQuestion2: "HEWAN_PELIHARAAN", securityAnswer2: "Si Belang", ...captcha };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("ktpPhoto", new Blob([new Uint8Array(photos.ktp)], { type: "image/png" }), "ktp.png");
    form.append("selfie", new Blob([new Uint8Array(photos.selfie)], { type: "image/jpeg" }), "swafoto.jpg");
    const response = await fetch(`${instance.url}/api/registrations`, { method: "POST", body: form });
    // `any`: the assertions read whatever JSON came back, as a client would.
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  const count = (sql: string, params: unknown[] = []) =>
    withDatabase(config.databaseUrl, async (client) => (await client.query<{ n: number }>(sql, params)).rows[0]!.n);

  it("the same NIK sent to both at once: one account (201 and 409 NIK_ALREADY_REGISTERED)", async () => {
    const [captchaA, captchaB] = await Promise.all([solvedCaptcha(a!, config.databaseUrl), solvedCaptcha(b!, config.databaseUrl)]);
    const results = await Promise.all([
      submit(a!, BUDI, captchaA),
      submit(b!, { ...BUDI, email: "budi.lain@example.com", phone: "081299990000" }, captchaB),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe("NIK_ALREADY_REGISTERED");
    expect(await count(`SELECT count(*)::int AS n FROM "Account" WHERE "nik" = $1`, [BUDI.nik])).toBe(1);
  });

  it("a captcha made on A is accepted once on B, then refused on A", async () => {
    const captcha = await solvedCaptcha(a!, config.databaseUrl);
    const onB = await submit(b!, SITI, captcha);
    expect(onB.status).toBe(201);
    const againOnA = await submit(a!, ANDI, captcha);
    expect(againOnA.status).toBe(422);
    expect(againOnA.body.error.code).toBe("CAPTCHA_INVALID");
    expect(await count(`SELECT count(*)::int AS n FROM "Account" WHERE "nik" = $1`, [ANDI.nik])).toBe(0);
  });

  it("an account made through A: its session works on B, B serves its photos, and signing out on B ends it on A", async () => {
    const created = await submit(a!, PUTRI, await solvedCaptcha(a!, config.databaseUrl));
    expect(created.status).toBe(201);
    const number = created.body.registrationNumber as string;
    // Photos live in the database only: no instance wrote a file.
    expect(await count(`SELECT count(*)::int AS n FROM "StoredPhoto" p JOIN "Account" a ON a."id" = p."accountId" WHERE a."registrationNumber" = $1`, [number])).toBe(2);

    const browser = new Browser();
    expect(await browser.signIn(a!, "applicant", { nik: PUTRI.nik, password: PASSWORD })).toBe(true);
    expect((await browser.sessionName(b!))?.toUpperCase()).toBe(PUTRI.fullName.toUpperCase());
    const akun = await browser.request(b!, "/akun");
    expect(akun.status).toBe(200);
    expect(await akun.text()).toContain(number);

    for (const kind of ["ktp", "selfie"]) {
      const fromB = await browser.request(b!, `/api/registrations/${number}/photos/${kind}`);
      expect(fromB.status, kind).toBe(200);
      expect(fromB.headers.get("content-type")).toBe("image/jpeg");
      const fromA = await browser.request(a!, `/api/registrations/${number}/photos/${kind}`);
      expect(Buffer.from(await fromB.arrayBuffer()).equals(Buffer.from(await fromA.arrayBuffer())), kind).toBe(true);
    }

    // Session validity is shared too: a logout on B ends the session on A (sessionVersion).
    const copy = new Browser();
    for (const [name, value] of browser.cookies) copy.cookies.set(name, value);
    await browser.signOut(b!);
    expect(await copy.sessionName(a!)).toBeNull();
  });

  it("an agency verified through A's admin API is open on B at once and shown on B's landing page within 1.5 s", async () => {
    const identity = { ...YOHANES, agencyCode: KEMHAN.code };
    const validateOnB = () =>
      fetch(`${b!.url}/api/registrations/validate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ step: "identity", data: identity }) });
    const refused = await validateOnB();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("AGENCY_FORMATION_NOT_VERIFIED");
    // "Beri tahu saya … saat formasi Kementerian Pertahanan diverifikasi": listed as in verification.
    const listedAsWaiting = async () =>
      (await (await fetch(`${b!.url}/`)).text()).replaceAll("<!-- -->", "").includes(`saat formasi ${KEMHAN.name} diverifikasi`);
    // B's landing page lists it so (and may keep that page in its short cache).
    expect(await listedAsWaiting()).toBe(true);

    const admin = new Browser();
    expect(await admin.signIn(a!, "admin", { username: "admin", password: config.adminPassword })).toBe(true);
    const verified = await admin.request(a!, `/api/admin/agencies/${KEMHAN.code}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ formationStatus: "VERIFIED" }),
    });
    expect(verified.status).toBe(200);
    const changedAt = Date.now();

    const accepted = await validateOnB();
    expect(accepted.status).toBe(200);

    let shownAfterMs: number | null = null;
    while (Date.now() - changedAt < 5_000) {
      if (!(await listedAsWaiting())) {
        shownAfterMs = Date.now() - changedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.info(`two-instance test: B's landing page showed the verification after ${shownAfterMs} ms`);
    expect(shownAfterMs).not.toBeNull();
    expect(shownAfterMs!).toBeLessThanOrEqual(1_500);
  });

  it("wrote no photo to either instance's STORAGE_DIR and logged no NIK", () => {
    for (const instance of [a!, b!]) {
      const storage = path.join(instance.dir, "storage");
      expect(fs.existsSync(storage) ? fs.readdirSync(storage, { recursive: true }) : []).toEqual([]);
      for (const nik of [BUDI.nik, SITI.nik, PUTRI.nik, ANDI.nik, YOHANES.nik]) expect(instance.log(), instance.name).not.toContain(nik);
    }
  });
});
