/**
 * Issue 9, item 6: photos encrypted at rest, with keys that rotate, and item 7: the orphan sweep.
 * A registration against the directory storage, then what is on disk, what the photo routes serve,
 * what they refuse, how `npm run photos:reencrypt` moves photos to a new key and what
 * `npm run photos:sweep` removes. Before the fix the files were plain JPEGs (0644 in 0755 folders)
 * and nothing removed an orphan.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as cardRoute from "@/app/api/registrations/[registrationNumber]/card/route";
import * as photoRoute from "@/app/api/registrations/[registrationNumber]/photos/[kind]/route";
import { buildDeps, deps, withDeps } from "@/server/deps";
import { parseEnv } from "@/server/env";
import { EncryptedPhotoStorage } from "@/server/photos/encrypted-photo-storage";
import { createPhotoKeyring, decryptPhoto, generatePhotoKey, photoBlobKeyId } from "@/server/photos/photo-encryption";
import { reencryptPhotos } from "@/server/photos/reencrypt-photos";
import { sweepOrphanPhotos } from "@/server/photos/sweep-orphan-photos";
import { LocalDirectoryPhotoStorage } from "@/server/storage";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, storedFiles, submit } from "../../setup/registration-harness";
import { OPEN, TEST_AUTH_SECRET, useTestServer } from "../../setup/test-server";

// The routes are opened as an admin would (the card token's transport is item 9's business).
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => ({ id: "admin-photos", role: "ADMIN", name: "admin" }) }));

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../..");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

const OLD_KEY = generatePhotoKey();
const NEW_KEY = generatePhotoKey();
const server = useTestServer({ env: () => ({ PHOTO_ENCRYPTION_KEY: OLD_KEY }) });

/** The key the photos are sealed with now (the tests rotate it). */
let currentKey = OLD_KEY;
let registrationNumber: string;
let keys: { ktp: string; selfie: string };
const file = (key: string) => path.join(server.storageDir, key);
const isJpeg = (bytes: Buffer) => bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));

function getPhoto(kind: "ktp" | "selfie"): Promise<Response> {
  const request = new Request(`http://localhost/api/registrations/${registrationNumber}/photos/${kind}`);
  return photoRoute.GET(request, { params: Promise.resolve({ registrationNumber, kind }) });
}

/** The server's configuration with other keys: what a restart after a rotation runs with. */
function rotated(current: string, older: string[] = []) {
  const env = parseEnv({
    DATABASE_URL: server.testDb.url,
    APP_CLOCK: OPEN,
    STORAGE_DIR: server.storageDir,
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    PHOTO_ENCRYPTION_KEY: current,
    PHOTO_ENCRYPTION_KEYS: older.join(","),
  });
  return buildDeps(env, { db: server.prisma });
}

/** An npm script's own command line, in a process of its own configured by its environment. */
function npmScript(name: string, args: string[], env: Record<string, string>) {
  const [command, ...scriptArgs] = PACKAGE.scripts[name]!.split(" ");
  expect(command).toBe("tsx");
  const fullEnv = { ...process.env, APP_ENV: "local", DATABASE_URL: server.testDb.url, STORAGE_DIR: server.storageDir, APP_CLOCK: OPEN, ...env };
  return run(path.join(ROOT, "node_modules/.bin/tsx"), [...scriptArgs, ...args], { cwd: ROOT, env: fullEnv }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

beforeAll(async () => {
  const { status, body } = await submit(await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) }));
  expect(status).toBe(201);
  registrationNumber = body.registrationNumber;
  const account = await server.prisma.account.findUniqueOrThrow({ where: { registrationNumber } });
  keys = { ktp: account.ktpPhotoKey, selfie: account.selfieKey };
});

describe("photos at rest (directory storage)", () => {
  it("stores ciphertext, not a JPEG, sealed with the configured key; it decrypts to exactly the JPEG the route serves", async () => {
    const oldId = createPhotoKeyring(OLD_KEY).current.id;
    for (const kind of ["ktp", "selfie"] as const) {
      const stored = fs.readFileSync(file(keys[kind]));
      expect(isJpeg(stored), kind).toBe(false);
      expect(photoBlobKeyId(stored), kind).toBe(oldId);
      const response = await getPhoto(kind);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      const served = Buffer.from(await response.arrayBuffer());
      expect(isJpeg(served)).toBe(true);
      expect(decryptPhoto(createPhotoKeyring(OLD_KEY), keys[kind], stored).equals(served), kind).toBe(true);
    }
  });

  it("creates the photo folders 0700 and the files 0600", () => {
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(server.storageDir)).toBe(0o700);
    expect(mode(path.dirname(file(keys.ktp)))).toBe(0o700);
    expect(mode(path.dirname(file(keys.selfie)))).toBe(0o700);
    expect(mode(file(keys.ktp))).toBe(0o600);
    expect(mode(file(keys.selfie))).toBe(0o600);
  });

  it("refuses a changed file or a wrong key with a 500, never with the bytes", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const original = fs.readFileSync(file(keys.selfie));
    try {
      const tampered = Buffer.from(original);
      tampered[tampered.length - 10]! ^= 0x04;
      fs.writeFileSync(file(keys.selfie), tampered);
      for (const response of [await getPhoto("selfie"), await cardRoute.GET(new Request(`http://localhost/api/registrations/${registrationNumber}/card`), { params: Promise.resolve({ registrationNumber }) })]) {
        expect(response.status).toBe(500);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect((await response.json()).error.code).toBe("INTERNAL_ERROR");
      }
    } finally {
      fs.writeFileSync(file(keys.selfie), original);
    }
    // A server with another key (the old one forgotten) refuses every photo the same way.
    const response = await withDeps(rotated(NEW_KEY), () => getPhoto("ktp"));
    expect(response.status).toBe(500);
    // Logged by type only: no photo, no key.
    expect(errors.mock.calls.map((call) => call.join(" ")).join("\n")).toMatch(/PhotoDecryptionError/);
  });

  it("rotates: reads the old key's photos while it is listed, and photos:reencrypt moves every photo to the new key, once", async () => {
    const newId = createPhotoKeyring(NEW_KEY).current.id;
    await withDeps(rotated(NEW_KEY, [OLD_KEY]), async () => {
      expect((await getPhoto("ktp")).status).toBe(200); // still the old key's id on disk
      const first = await reencryptPhotos();
      expect(first).toMatchObject({ keyId: newId, accounts: 1, photos: 2, reencrypted: 2, alreadyCurrent: 0, failed: 0 });
      const second = await reencryptPhotos();
      expect(second).toMatchObject({ photos: 2, reencrypted: 0, alreadyCurrent: 2, failed: 0 });
    });
    for (const key of [keys.ktp, keys.selfie]) expect(photoBlobKeyId(fs.readFileSync(file(key)))).toBe(newId);
    currentKey = NEW_KEY;
    // The old key can go now; without the new one nothing opens.
    const served = Buffer.from(await (await withDeps(rotated(NEW_KEY), () => getPhoto("selfie"))).arrayBuffer());
    expect(isJpeg(served)).toBe(true);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await withDeps(rotated(OLD_KEY), () => getPhoto("selfie"))).status).toBe(500);
    expect(errors).toHaveBeenCalled();
  });

  it("photos:reencrypt as a command: names what it cannot open, exits 1, and finishes the job once the key is given", async () => {
    const third = generatePhotoKey();
    const thirdId = createPhotoKeyring(third).current.id;
    const withoutOld = await npmScript("photos:reencrypt", [], { PHOTO_ENCRYPTION_KEY: third });
    expect(withoutOld.code).toBe(1);
    expect(withoutOld.stdout).toContain("2 photos: 0 re-encrypted, 0 already current, 0 missing, 2 failed");
    expect(withoutOld.stdout).toContain(`failed: ${keys.ktp} (unknown-key ${createPhotoKeyring(NEW_KEY).current.id})`);

    const done = await npmScript("photos:reencrypt", [], { PHOTO_ENCRYPTION_KEY: third, PHOTO_ENCRYPTION_KEYS: `${OLD_KEY},${NEW_KEY}` });
    expect(done).toMatchObject({ code: 0, stderr: "" });
    expect(done.stdout).toContain(`current key ${thirdId}; 1 accounts, 2 photos: 2 re-encrypted, 0 already current, 0 missing, 0 failed`);
    for (const key of [keys.ktp, keys.selfie]) expect(photoBlobKeyId(fs.readFileSync(file(key)))).toBe(thirdId);
    currentKey = third;
    // Nothing personal in its output.
    expect(done.stdout + withoutOld.stdout).not.toMatch(new RegExp(`${BUDI.nik}|BUDI|SANTOSO`, "i"));
    // The server runs on the third key from here on.
    await withDeps(rotated(third), async () => expect((await getPhoto("ktp")).status).toBe(200));
  }, 60_000);
});

describe("the orphan sweep (directory storage)", () => {
  const uuid = (n: number) => `0b6c4c1e-7a58-4a53-9a1e-${String(n).padStart(12, "0")}`;
  const TEN_MINUTES_AGO = new Date(Date.now() - 10 * 60 * 1000);

  function leave(name: string, aged: boolean) {
    fs.writeFileSync(file(name), aged ? "sealed bytes" : "");
    if (aged) fs.utimesSync(file(name), TEN_MINUTES_AGO, TEN_MINUTES_AGO);
  }

  it("removes old photos no account references and old temporary files; keeps young ones, referenced ones and foreign files", async () => {
    // What a killed process leaves: photos stored before the account's transaction, and temp files.
    leave(`ktp/${uuid(1)}.jpg`, true);
    leave(`selfie/${uuid(1)}.jpg`, true);
    leave(`ktp/${uuid(2)}.jpg.0123456789ab.tmp`, true);
    leave(`selfie/${uuid(3)}.jpg`, false); // maybe a registration in flight
    leave(`selfie/${uuid(4)}.jpg.abcdefabcdef.tmp`, false);
    fs.writeFileSync(path.join(server.storageDir, "NOTES.txt"), "an operator's file");
    for (const key of [keys.ktp, keys.selfie]) fs.utimesSync(file(key), TEN_MINUTES_AGO, TEN_MINUTES_AGO);

    const dry = await sweepOrphanPhotos({ dryRun: true });
    expect(dry).toMatchObject({ storage: "directory", orphansRemoved: 2, temporaryRemoved: 1 });
    expect(storedFiles(server.storageDir)).toHaveLength(8);

    const report = await sweepOrphanPhotos();
    expect(report).toEqual({ storage: "directory", dryRun: false, photos: 5, temporaryFiles: 2, orphansRemoved: 2, temporaryRemoved: 1, tooYoung: 2 });
    expect(storedFiles(server.storageDir)).toEqual(
      [keys.ktp, keys.selfie, `selfie/${uuid(3)}.jpg`, `selfie/${uuid(4)}.jpg.abcdefabcdef.tmp`, "NOTES.txt"].sort(),
    );
    // The account still has both photos, and they open.
    const ktp = await withDeps(rotated(currentKey), () => deps().photoStorage.get(keys.ktp));
    expect(ktp?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("runs as npm run photos:sweep (what npm start runs first), with a minimum age", async () => {
    const result = await npmScript("photos:sweep", ["--min-age-minutes", "0"], { PHOTO_ENCRYPTION_KEY: generatePhotoKey() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("removed 1 orphan photos and 1 temporary files; 0 too recent to judge");
    expect(storedFiles(server.storageDir)).toEqual([keys.ktp, keys.selfie, "NOTES.txt"].sort());
    expect((await npmScript("photos:sweep", ["--min-age-minutes"], {})).code).toBe(2);
  }, 60_000);

  it("has nothing to sweep in the database storage, and says so", async () => {
    const databaseDeps = buildDeps(parseEnv({ DATABASE_URL: server.testDb.url, PHOTO_STORAGE: "database" }), { db: server.prisma });
    const report = await withDeps(databaseDeps, () => sweepOrphanPhotos({ minAgeMs: 0 }));
    expect(report).toMatchObject({ storage: "none", orphansRemoved: 0, temporaryRemoved: 0 });
    expect(storedFiles(server.storageDir)).toContain(keys.ktp);
  });
});

describe("a production start", () => {
  it("refuses to start without PHOTO_ENCRYPTION_KEY, before touching the database", async () => {
    const env = {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production" as const,
      APP_ENV: "production",
      NEXTAUTH_SECRET: "production-secret-0123456789abcdefghijkl",
      NEXTAUTH_URL: "https://sscasn.example.go.id",
      DATABASE_URL: "file:./data/never-created-by-this-test.db",
    };
    const result = await run(process.execPath, ["scripts/start.mjs", "--no-build"], { cwd: ROOT, env }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("PHOTO_ENCRYPTION_KEY: is required in production");
    expect(fs.existsSync(path.join(ROOT, "data/never-created-by-this-test.db"))).toBe(false);
  }, 60_000);
});

// The wrapper is what deps() hands out, over the directory the env names.
it("the server's photo storage is the encrypted one over STORAGE_DIR", () => {
  const storage = deps().photoStorage as EncryptedPhotoStorage;
  expect(storage).toBeInstanceOf(EncryptedPhotoStorage);
  expect((storage.inner as LocalDirectoryPhotoStorage).root).toBe(path.resolve(server.storageDir));
});
