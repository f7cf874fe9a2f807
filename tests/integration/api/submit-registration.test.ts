import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { verify } from "@node-rs/argon2";
import * as submitRoute from "@/app/api/registrations/route";
import { MAX_UPLOAD_BYTES } from "@/schemas/documents";
import { deps } from "@/server/deps";
import { makeJpeg, makeJpegWithExif, makePdfBytes, makePixelBombPng, makeTruncatedJpeg } from "../../fixtures/photos";
import { BUDI, PASSWORD_STEP, SITI, registrationForm, solveCaptcha, storedFiles, submissionRequest, submit } from "../../setup/registration-harness";
import { at, useTestServer } from "../../setup/test-server";

const env = useTestServer();

/** A complete, valid submission for `identity`, with a freshly solved captcha. */
async function formFor(identity: Record<string, string>, photos: Parameters<typeof registrationForm>[1] = {}, extra: Record<string, string | undefined> = {}) {
  return registrationForm({ ...identity, ...PASSWORD_STEP, ...(await solveCaptcha(env.prisma)), ...extra }, photos);
}

const ARGON2ID_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

describe("POST /api/registrations: the happy path", () => {
  it("creates the account and its credential, stores both photos re-encoded without EXIF, and answers 201", async () => {
    const log = vi.spyOn(console, "log");
    const info = vi.spyOn(console, "info");
    const selfieWithGps = await makeJpegWithExif(800, 600, 6);
    const { status, body, headers } = await submit(await formFor(BUDI, { selfie: selfieWithGps }));

    expect(status).toBe(201);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(body).sort()).toEqual(["cardToken", "createdAt", "registrationNumber"]);
    expect(body.registrationNumber).toMatch(/^2023\d{11}$/);
    // The simulated clock (APP_CLOCK), not the machine's.
    expect(Date.parse(body.createdAt)).toBeGreaterThanOrEqual(Date.parse("2023-09-25T10:00:00+07:00"));
    expect(Date.parse(body.createdAt)).toBeLessThan(Date.parse("2023-09-25T11:00:00+07:00"));

    const account = await env.prisma.account.findUniqueOrThrow({ where: { registrationNumber: body.registrationNumber }, include: { credential: true } });
    expect(account).toMatchObject({
      periodId: "CPNS-2023",
      nik: BUDI.nik,
      kk: BUDI.kk,
      fullName: "BUDI SANTOSO",
      birthPlace: "BANDUNG",
      birthDate: "1998-05-12",
      gender: "LAKI_LAKI",
      phone: "+6281234567890",
      email: BUDI.email,
      agencyCode: "KOTA-3273",
    });
    expect(account.createdAt.toISOString()).toBe(body.createdAt);

    const credential = account.credential!;
    expect(credential.securityQuestion1).toBe("SEKOLAH_DASAR");
    expect(credential.securityQuestion2).toBe("HEWAN_PELIHARAAN");
    for (const hash of [credential.passwordHash, credential.securityAnswer1Hash, credential.securityAnswer2Hash]) {
      expect(hash.startsWith(ARGON2ID_PREFIX)).toBe(true);
    }
    expect(await verify(credential.passwordHash, PASSWORD_STEP.password)).toBe(true);
    // Security answers are normalized (trimmed, spaces collapsed, lower case) before hashing.
    expect(await verify(credential.securityAnswer1Hash, "sdn merdeka 3")).toBe(true);
    expect(await verify(credential.securityAnswer2Hash, "si belang")).toBe(true);

    expect(storedFiles(env.storageDir).sort()).toEqual([account.ktpPhotoKey, account.selfieKey].sort());
    expect(account.ktpPhotoKey).toMatch(/^ktp\/[0-9a-f-]{36}\.jpg$/);
    expect(account.selfieKey).toMatch(/^selfie\/[0-9a-f-]{36}\.jpg$/);
    // Stored encrypted (issue 9, item 6): read through the storage port, which decrypts.
    expect(fs.readFileSync(path.join(env.storageDir, account.ktpPhotoKey)).subarray(0, 4).toString("latin1")).toBe("SSPE");
    const ktp = await sharp((await deps().photoStorage.get(account.ktpPhotoKey))!).metadata();
    expect(ktp).toMatchObject({ format: "jpeg", width: 856, height: 540 });
    const selfieBytes = (await deps().photoStorage.get(account.selfieKey))!;
    const selfie = await sharp(selfieBytes).metadata();
    expect(selfie).toMatchObject({ format: "jpeg", width: 600, height: 800 });
    expect(selfie.exif).toBeUndefined();
    expect(selfieBytes.toString("latin1")).not.toMatch(/FixtureCam|GPS/);

    expect(await env.prisma.captcha.count()).toBe(0);
    const logged = JSON.stringify([...log.mock.calls, ...info.mock.calls]);
    for (const secret of [BUDI.nik, BUDI.kk, "SANTOSO", PASSWORD_STEP.password]) expect(logged).not.toContain(secret);
  });

  it("derives the gender from the NIK: a woman's day + 40", async () => {
    const { status, body } = await submit(await formFor(SITI));
    expect(status).toBe(201);
    const account = await env.prisma.account.findUniqueOrThrow({ where: { registrationNumber: body.registrationNumber } });
    expect(account.gender).toBe("PEREMPUAN");
  });

  it("leaves a row the database will not let anyone update (immutability trigger)", async () => {
    const account = await env.prisma.account.findFirstOrThrow({ where: { nik: BUDI.nik } });
    await expect(env.prisma.account.update({ where: { id: account.id }, data: { fullName: "NAMA LAIN" } })).rejects.toThrow();
    // Raw SQL too (Prisma writes the placeholder each engine wants); the refusal is the trigger's.
    const raw = await env.prisma.$executeRaw`UPDATE "Account" SET "email" = 'lain@example.com' WHERE "id" = ${account.id}`.catch((error: unknown) => error);
    expect(JSON.stringify(raw, Object.getOwnPropertyNames(raw))).toMatch(/ACCOUNT_IMMUTABLE/);
    expect(await env.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).toEqual(account);
  });
});

describe("POST /api/registrations: refusals", () => {
  it("refuses an identity that already has an account: NIK, then email, then mobile (409)", async () => {
    const nik = await submit(await formFor({ ...BUDI, email: "lain@example.com", phone: "081311110000" }));
    expect(nik.status).toBe(409);
    expect(nik.body.error).toEqual({ code: "NIK_ALREADY_REGISTERED", message: "NIK sudah terdaftar.", fields: { nik: ["NIK sudah terdaftar."] } });

    const putri = { ...BUDI, nik: "3404016902000001", kk: "3404011708200002", fullName: "Putri Ayu Lestari", birthPlace: "Sleman", birthDate: "2000-02-29" };
    const email = await submit(await formFor({ ...putri, email: "BUDI.SANTOSO@example.com", phone: "081311110001" }));
    expect(email.status).toBe(409);
    expect(email.body.error.code).toBe("EMAIL_ALREADY_REGISTERED");

    const phone = await submit(await formFor({ ...putri, email: "putri@example.com", phone: "+62 812-3456-7890" }));
    expect(phone.status).toBe(409);
    expect(phone.body.error.code).toBe("PHONE_ALREADY_REGISTERED");
    expect(await env.prisma.account.count({ where: { nik: putri.nik } })).toBe(0);
    // Counted (by code and agency only) for the admin's registration figures.
    const refusals = await env.prisma.registrationRefusal.findMany({ where: { code: { in: ["NIK_ALREADY_REGISTERED", "EMAIL_ALREADY_REGISTERED", "PHONE_ALREADY_REGISTERED"] } } });
    expect(refusals.map((r) => [r.code, r.agencyCode]).sort()).toEqual([
      ["EMAIL_ALREADY_REGISTERED", "KOTA-3273"],
      ["NIK_ALREADY_REGISTERED", "KOTA-3273"],
      ["PHONE_ALREADY_REGISTERED", "KOTA-3273"],
    ]);
  });

  it("refuses a wrong captcha with CAPTCHA_INVALID (422, fields.captchaAnswer) and consumes it", async () => {
    const captcha = await solveCaptcha(env.prisma);
    const yohanes = { nik: "9101011403950001", kk: "9301010206160003", fullName: "Yohanes Gebze", birthPlace: "Merauke", birthDate: "1995-03-14", phone: "081311112222", email: "yohanes@example.com", agencyCode: "KAB-9301" };
    const wrong = await submit(await registrationForm({ ...yohanes, ...PASSWORD_STEP, captchaId: captcha.captchaId, captchaAnswer: "zzzzz" }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe("CAPTCHA_INVALID");
    expect(wrong.body.error.fields.captchaAnswer[0]).toMatch(/captcha/i);

    // The right answer no longer helps: the wrong one used the captcha up.
    const again = await submit(await registrationForm({ ...yohanes, ...PASSWORD_STEP, ...captcha }));
    expect(again.body.error.code).toBe("CAPTCHA_INVALID");
    expect(await env.prisma.account.count({ where: { nik: yohanes.nik } })).toBe(0);
    expect((await submit(await formFor(yohanes))).status).toBe(201);
  });

  it("checks the registry only after the captcha: an unknown NIK with a wrong captcha is CAPTCHA_INVALID", async () => {
    const { status, body } = await submit(await formFor({ ...SITI, nik: "3273014107990002" }, {}, { captchaId: "00000000-0000-4000-8000-000000000000", captchaAnswer: "ABCDE" }));
    expect(status).toBe(422);
    expect(body.error.code).toBe("CAPTCHA_INVALID");
  });

  it("says NIK tidak ditemukan and Data tidak sesuai as the registry answers (422)", async () => {
    const andi = { nik: "7371013112960001", kk: "7371010110180005", fullName: "Andi Daeng", birthPlace: "Makassar", birthDate: "1996-12-31", phone: "081322223333", email: "andi@example.com", agencyCode: "KOTA-3273" };
    const notFound = await submit(await formFor({ ...andi, nik: "7371013112960002" }));
    expect(notFound.status).toBe(422);
    expect(notFound.body.error).toMatchObject({ code: "NIK_NOT_FOUND", message: "NIK tidak ditemukan." });

    const mismatch = await submit(await formFor({ ...andi, fullName: "Andi Daeng Lain" }));
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error).toEqual({ code: "DUKCAPIL_MISMATCH", message: "Data tidak sesuai dengan data Dukcapil." });

    const kk = await submit(await formFor({ ...andi, kk: "7371010110180009" }));
    expect(kk.body.error).toMatchObject({ code: "DUKCAPIL_MISMATCH", fields: { kk: ["Nomor KK tidak sesuai."] } });
    expect(await env.prisma.account.count({ where: { nik: andi.nik } })).toBe(0);
  });

  it("refuses an agency still verifying its formation at the moment of saving (403), with the advice", async () => {
    const dewi = { nik: "3578016011850001", kk: "3578010901120004", fullName: "Dewi Anggraini", birthPlace: "Surabaya", birthDate: "1985-11-20", phone: "081355556666", email: "dewi@example.com", agencyCode: "KEMHAN" };
    const { status, body } = await submit(await formFor(dewi));
    expect(status).toBe(403);
    expect(body.error.code).toBe("AGENCY_FORMATION_NOT_VERIFIED");
    expect(body.error.message).toMatch(/masih dalam proses verifikasi[\s\S]*BKN/);
    expect(await env.prisma.account.count({ where: { nik: dewi.nik } })).toBe(0);
    expect(storedFiles(env.storageDir).length).toBe(2 * (await env.prisma.account.count()));
  });

  it("reports every invalid text field and both missing photos together (422), without consuming the captcha", async () => {
    const captcha = await solveCaptcha(env.prisma);
    const form = await registrationForm(
      { nik: "123", kk: BUDI.kk, fullName: "B", birthPlace: "Bandung", birthDate: "1998-05-12", phone: "0211", email: "budi@", agencyCode: "KOTA-3273", ...PASSWORD_STEP, passwordConfirm: "lain", ...captcha },
      { ktpPhoto: null, selfie: null },
    );
    const { status, body } = await submit(form);
    expect(status).toBe(422);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "fullName", "ktpPhoto", "nik", "passwordConfirm", "phone", "selfie"]);
    expect(body.error.fields.ktpPhoto).toEqual(["Foto KTP wajib diunggah."]);
    expect(body.error.fields.selfie).toEqual(["Swafoto wajib diambil."]);
    expect(await env.prisma.captcha.count({ where: { id: captcha.captchaId } })).toBe(1);
  });

  it("refuses missing text fields and a file sent in place of a text field", async () => {
    const form = await registrationForm({});
    form.append("nik", new File(["3273011205980001"], "nik.txt"));
    const { status, body } = await submit(form);
    expect(status).toBe(422);
    expect(body.error.fields.nik).toEqual(["NIK wajib diisi."]);
    expect(body.error.fields.captchaId).toBeDefined();
  });

  it("refuses a PDF renamed to .jpg with 415 and a field message", async () => {
    const { status, body } = await submit(await formFor(SITI, { ktpPhoto: makePdfBytes() }));
    expect(status).toBe(415);
    expect(body.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", fields: { ktpPhoto: ["Foto harus berupa file JPG atau PNG."] } });
  });

  it("refuses a truncated selfie and a decompression bomb with 422 and field messages", async () => {
    const truncated = await submit(await formFor(SITI, { selfie: await makeTruncatedJpeg() }));
    expect(truncated.status).toBe(422);
    expect(truncated.body.error.fields.selfie[0]).toMatch(/rusak/);
    const bomb = await submit(await formFor(SITI, { ktpPhoto: makePixelBombPng() }));
    expect(bomb.status).toBe(422);
    expect(bomb.body.error.fields.ktpPhoto[0]).toMatch(/Resolusi foto terlalu besar/);
  });

  it("refuses a photo over the upload limit (413) with a field message", async () => {
    const jpeg = await makeJpeg(300, 300);
    const oversize = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)]);
    const { status, body } = await submit(await formFor(SITI, { selfie: oversize }));
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fields: { selfie: [expect.stringMatching(/2 MB/)] } });
  });
});

describe("POST /api/registrations: the request itself", () => {
  it("refuses a body that is not multipart/form-data (415)", async () => {
    const json = await submitRoute.POST(new Request("http://localhost/api/registrations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(BUDI) }));
    expect(json.status).toBe(415);
    expect((await json.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a declared Content-Length over the limit (413) before reading the body", async () => {
    let pulled = false;
    const body = new ReadableStream({ pull: () => { pulled = true; } }, { highWaterMark: 0 });
    const response = await submitRoute.POST(
      new Request("http://localhost/api/registrations", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBe(false);
  });

  it("counts the bytes as they arrive: an oversized body that claims to be small is 413", async () => {
    const chunk = new Uint8Array(512 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 20 MB at most; the reader must stop long before.
        if (sent >= 20 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await submitRoute.POST(
      new Request("http://localhost/api/registrations", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "100" }, body, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(6 * 1024 * 1024);
  });

  it("refuses malformed multipart (422)", async () => {
    const response = await submitRoute.POST(
      new Request("http://localhost/api/registrations", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=xyz" }, body: "not multipart at all" }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses an Idempotency-Key over 100 characters (422)", async () => {
    const { status, body } = await submit(await formFor(SITI), { "Idempotency-Key": "k".repeat(101) });
    expect(status).toBe(422);
    expect(body.error.message).toMatch(/Idempotency-Key/);
  });
});

describe("POST /api/registrations outside the window", () => {
  it("answers REGISTRATION_CLOSED before reading the body", async () => {
    let pulled = false;
    const body = new ReadableStream({ pull: () => { pulled = true; } }, { highWaterMark: 0 });
    const response = await at("2023-10-09T00:00:00+07:00", () =>
      submitRoute.POST(
        new Request("http://localhost/api/registrations", { method: "POST", headers: { "content-type": "text/plain" }, body, duplex: "half" } as RequestInit),
      ),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("REGISTRATION_CLOSED");
    expect(pulled).toBe(false);
  });

  it("answers REGISTRATION_NOT_OPEN before the opening, even for a complete submission", async () => {
    const form = await registrationForm({ ...BUDI, ...PASSWORD_STEP, captchaId: "00000000-0000-4000-8000-000000000000", captchaAnswer: "ABCDE" });
    const response = await at("2023-09-19T23:59:59+07:00", () => submitRoute.POST(submissionRequest(form)));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("REGISTRATION_NOT_OPEN");
  });
});
