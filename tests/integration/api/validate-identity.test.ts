import { describe, expect, it, vi } from "vitest";
import * as validateRoute from "@/app/api/registrations/validate/route";
import { BUDI_STORED, budiAccountRow } from "../../fixtures/identities";
import { BUDI } from "../../setup/registration-harness";
import { OPEN, at, jsonRequest, useTestServer } from "../../setup/test-server";

const SITI = { ...BUDI, nik: "3273014107990001", fullName: "Siti Rahayu", birthDate: "1999-07-01", phone: "081298765432", email: "siti@example.com" };

const server = useTestServer({ clock: OPEN });

async function validate(data: unknown, step = "identity") {
  const response = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step, data }));
  return { status: response.status, body: await response.json() };
}

describe("POST /api/registrations/validate, step identity", () => {
  it("accepts a sample identity from the population registry", async () => {
    expect(await validate(BUDI)).toEqual({ status: 200, body: { ok: true } });
  });

  it("accepts the name in any case and spacing, and the mobile in +62 form with separators", async () => {
    expect((await validate({ ...BUDI, fullName: "  budi   SANTOSO ", phone: "+62 812-3456-7890" })).status).toBe(200);
  });

  it("accepts a NIK issued under a region's historical code (Merauke 91.01)", async () => {
    const yohanes = { ...BUDI, nik: "9101011403950001", kk: "9301010206160003", fullName: "Yohanes Gebze", birthPlace: "Merauke", birthDate: "1995-03-14", phone: "081311112222", email: "yohanes@example.com", agencyCode: "KAB-9301" };
    expect(await validate(yohanes)).toEqual({ status: 200, body: { ok: true } });
  });

  it("accepts an applicant over 35 (a warning in the browser, not a block)", async () => {
    const dewi = { ...BUDI, nik: "3578016011850001", kk: "3578010901120004", fullName: "Dewi Anggraini", birthPlace: "Surabaya", birthDate: "1985-11-20", phone: "081355556666", email: "dewi@example.com", agencyCode: "KOTA-3578" };
    expect((await validate(dewi)).status).toBe(200);
  });

  const brokenNiks: [string, string, Partial<typeof BUDI>?][] = [
    ["15 digits", "327301120598000"],
    ["17 digits", "32730112059800011"],
    ["letters", "32730112059800AB"],
    ["an inner space", "3273011205 80001"],
    ["an unknown region code", "9999011205980001"],
    ["an unknown district in a known regency", "3273991205980001"],
    ["day 32", "3273013205980001"],
    ["day 00", "3273010005980001"],
    ["day 72 (a woman's day above 31)", "3273017205980001"],
    ["month 13", "3273011213980001"],
    ["month 00", "3273011200980001"],
    ["31 February", "3273013102980001", { birthDate: "1998-02-28" }],
    ["serial 0000", "3273011205980000"],
    ["a birth date other than the one entered", "3273011305980001"],
    ["a woman's day for the entered date (gender irrelevant, date must match)", "3273015205980001", { birthDate: "1998-05-13" }],
  ];
  for (const [what, nik, extra] of brokenNiks) {
    it(`refuses a NIK with ${what}: 422 with fields.nik`, async () => {
      const { status, body } = await validate({ ...BUDI, ...extra, nik });
      expect(status).toBe(422);
      expect(body.error.code).toBe("VALIDATION_FAILED");
      expect(body.error.fields.nik?.[0]).toEqual(expect.any(String));
    });
  }

  it("refuses other malformed fields with a message per field, in Indonesian", async () => {
    const { status, body } = await validate({
      nik: "",
      kk: "123",
      fullName: "B",
      birthPlace: "B4ndung",
      birthDate: "1998-02-30",
      phone: "0211234",
      email: "budi@",
      agencyCode: "",
    });
    expect(status).toBe(422);
    expect(Object.keys(body.error.fields).sort()).toEqual(
      ["agencyCode", "birthDate", "birthPlace", "email", "fullName", "kk", "nik", "phone"].sort(),
    );
    expect(body.error.message).toMatch(/Periksa kembali/);
  });

  it("refuses an applicant under 18 on the closing date", async () => {
    const rizky = { ...BUDI, nik: "3578011501060001", kk: "3578010901120004", fullName: "Rizky Pratama", birthPlace: "Surabaya", birthDate: "2006-01-15", phone: "081377778888", email: "rizky@example.com" };
    const { status, body } = await validate(rizky);
    expect(status).toBe(422);
    expect(body.error.fields.birthDate[0]).toMatch(/18 tahun/);
  });

  it("refuses an unknown agency (422) and an agency still verifying its formation (403, with the advice)", async () => {
    const unknown = await validate({ ...BUDI, agencyCode: "TIDAK-ADA" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: "AGENCY_NOT_FOUND", fields: { agencyCode: ["Instansi tidak ditemukan."] } });

    const inVerification = await validate({ ...BUDI, agencyCode: "KEMHAN" });
    expect(inVerification.status).toBe(403);
    expect(inVerification.body.error.code).toBe("AGENCY_FORMATION_NOT_VERIFIED");
    expect(inVerification.body.error.message).toMatch(/masih dalam proses verifikasi[\s\S]*BKN/);
  });

  it("takes an agency's verification into account at once", async () => {
    await server.prisma.agency.update({ where: { code: "KEMHAN" }, data: { formationStatus: "VERIFIED" } });
    expect((await validate({ ...BUDI, agencyCode: "KEMHAN" })).status).toBe(200);
    await server.prisma.agency.update({ where: { code: "KEMHAN" }, data: { formationStatus: "IN_VERIFICATION" } });
  });

  it("says NIK tidak ditemukan for a well-formed NIK the registry does not know", async () => {
    const { status, body } = await validate({ ...BUDI, nik: "3273011205980002" });
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: "NIK_NOT_FOUND", message: "NIK tidak ditemukan.", fields: { nik: ["NIK tidak ditemukan."] } });
  });

  it("says Nomor KK tidak sesuai when the KK is not the person's", async () => {
    const { status, body } = await validate({ ...BUDI, kk: "3273011103190009" });
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: "DUKCAPIL_MISMATCH", message: "Nomor KK tidak sesuai.", fields: { kk: ["Nomor KK tidak sesuai."] } });
  });

  it("does not reveal which field differs when the name does not match", async () => {
    const { status, body } = await validate({ ...BUDI, fullName: "Budi Santosa" });
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: "DUKCAPIL_MISMATCH", message: "Data tidak sesuai dengan data Dukcapil." });
  });

  it("refuses a NIK, email or mobile that already has an account (409), and never logs personal data", async () => {
    const log = vi.spyOn(console, "log");
    const warn = vi.spyOn(console, "warn");
    await server.prisma.account.create({
      data: budiAccountRow({ id: "acc-budi", registrationNumber: "TEST-BUDI", periodId: "CPNS-2023", ktpPhotoKey: "k", selfieKey: "s" }),
    });
    const nik = await validate(BUDI);
    expect(nik.status).toBe(409);
    expect(nik.body.error).toMatchObject({ code: "NIK_ALREADY_REGISTERED", message: "NIK sudah terdaftar." });

    const email = await validate({ ...SITI, email: "BUDI.Santoso@example.com" });
    expect(email.status).toBe(409);
    expect(email.body.error.code).toBe("EMAIL_ALREADY_REGISTERED");

    const phone = await validate({ ...SITI, phone: "+62 812 3456 7890" });
    expect(phone.status).toBe(409);
    expect(phone.body.error.code).toBe("PHONE_ALREADY_REGISTERED");

    expect((await validate(SITI)).status).toBe(200);
    const logged = JSON.stringify([...log.mock.calls, ...warn.mock.calls]);
    for (const secret of [BUDI.nik, BUDI.kk, "SANTOSO", SITI.nik]) expect(logged).not.toContain(secret);
  });
});

describe("POST /api/registrations/validate, when each fact is held by a different account", () => {
  it("names the NIK first, then the email, then the mobile", async () => {
    // Rows inserted phone-holder first, email-holder next, NIK-holder last: whatever order a
    // database returns them in, the answer follows the NIK → email → mobile order.
    const other = (n: number, fields: Partial<typeof BUDI_STORED>) =>
      server.prisma.account.create({
        data: {
          ...BUDI_STORED,
          nik: `32730112059800${90 + n}`,
          email: `lain${n}@example.com`,
          phone: `+62812000000${n}`,
          ...fields,
          id: `acc-${n}`,
          registrationNumber: `TEST-${n}`,
          periodId: "CPNS-2023",
          ktpPhotoKey: `k${n}`,
          selfieKey: `s${n}`,
        },
      });
    const siti = { ...SITI, email: "siti.ambil@example.com", phone: "081311112222" };
    await other(1, { phone: "+6281311112222" });
    await other(2, { email: siti.email });
    const emailAndPhone = await validate(siti);
    expect(emailAndPhone.status).toBe(409);
    expect(emailAndPhone.body.error.code).toBe("EMAIL_ALREADY_REGISTERED");
    await other(3, { nik: SITI.nik });
    const all = await validate(siti);
    expect(all.status).toBe(409);
    expect(all.body.error.code).toBe("NIK_ALREADY_REGISTERED");
  });
});

describe("POST /api/registrations/validate, the request itself", () => {
  it("refuses a body that is not JSON (415), malformed JSON (422) and an oversized body (413)", async () => {
    const text = await validateRoute.POST(new Request("http://localhost/api/registrations/validate", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }));
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");

    const malformed = await validateRoute.POST(jsonRequest("/api/registrations/validate", "{ not json"));
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.code).toBe("VALIDATION_FAILED");

    const large = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "identity", data: { fullName: "A".repeat(70_000) } }));
    expect(large.status).toBe(413);
    expect((await large.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses an unknown step with fields.step", async () => {
    const { status, body } = await validate({}, "payment");
    expect(status).toBe(422);
    expect(body.error.fields.step).toEqual(["Langkah pendaftaran tidak dikenal."]);
  });

  it("validates the password step against the identity it belongs to", async () => {
    const password = {
      password: "santoso-budi-kuat",
      passwordConfirm: "santoso-budi-kuat",
      securityQuestion1: "SEKOLAH_DASAR",
      securityAnswer1: "SDN Merdeka 3",
      securityQuestion2: "HEWAN_PELIHARAAN",
      securityAnswer2: "Si Belang",
    };
    const response = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "password", data: password, identity: BUDI }));
    expect(response.status).toBe(422);
    const { fields } = (await response.json()).error;
    expect(Object.keys(fields)).toEqual(["password"]);
    expect(fields.password).toEqual(expect.arrayContaining([expect.stringMatching(/nama/i)]));

    const strong = { ...password, password: "kopi tubruk di teras pagi", passwordConfirm: "kopi tubruk di teras pagi" };
    const accepted = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "password", data: strong, identity: BUDI }));
    expect(accepted.status).toBe(200);
  });
});

describe("POST /api/registrations/validate outside the window", () => {
  it("answers REGISTRATION_NOT_OPEN before the window opens, with the opening time", async () => {
    const { status, body } = await at("2023-09-19T23:59:59+07:00", () => validate(BUDI));
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: "REGISTRATION_NOT_OPEN", message: "Pendaftaran belum dibuka. Pendaftaran dibuka pada 20 September 2023 pukul 00.00 WIB." });
  });

  it("answers REGISTRATION_CLOSED after it closes, before looking at the body at all", async () => {
    const garbage = await at("2023-10-09T00:00:00+07:00", () =>
      validateRoute.POST(new Request("http://localhost/api/registrations/validate", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" })),
    );
    expect(garbage.status).toBe(403);
    expect((await garbage.json()).error.code).toBe("REGISTRATION_CLOSED");
  });
});
