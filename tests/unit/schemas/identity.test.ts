import { describe, expect, it } from "vitest";
import { type CalendarDate } from "@/domain/calendar";
import { identitySchema, makeIdentitySchema } from "@/schemas/identity";
import { zodIssuesToFieldErrors } from "@/schemas/index";

const VALID = {
  nik: " 3171011708950001 ",
  kk: "3273022505120003",
  fullName: "  budi   santoso ",
  birthPlace: "jakarta",
  birthDate: "1995-08-17",
  phone: "0812-3456-7890",
  email: " Budi@Example.COM ",
  agencyCode: " BKN ",
};

function fieldErrors(data: unknown, schema = identitySchema) {
  const result = schema.safeParse(data);
  expect(result.success).toBe(false);
  return result.success ? {} : zodIssuesToFieldErrors(result.error);
}

describe("identitySchema", () => {
  it("normalizes every field and derives the gender from the NIK", () => {
    expect(identitySchema.parse(VALID)).toEqual({
      nik: "3171011708950001",
      kk: "3273022505120003",
      fullName: "BUDI SANTOSO",
      birthPlace: "JAKARTA",
      birthDate: "1995-08-17",
      phone: "+6281234567890",
      email: "budi@example.com",
      agencyCode: "BKN",
      gender: "LAKI_LAKI",
    });
  });

  it("derives PEREMPUAN from a woman's NIK", () => {
    expect(identitySchema.parse({ ...VALID, nik: "3171015708950001" }).gender).toBe("PEREMPUAN");
  });

  it("asks for every missing field in Indonesian", () => {
    expect(fieldErrors({})).toEqual({
      nik: ["NIK wajib diisi."],
      kk: ["Nomor KK wajib diisi."],
      fullName: ["Nama lengkap wajib diisi."],
      birthPlace: ["Tempat lahir wajib diisi."],
      birthDate: ["Tanggal lahir wajib diisi."],
      phone: ["Nomor HP wajib diisi."],
      email: ["Email wajib diisi."],
      agencyCode: ["Pilih instansi yang dituju."],
    });
  });

  it("asks for every empty field in Indonesian", () => {
    const empty = Object.fromEntries(Object.keys(VALID).map((key) => [key, "  "]));
    expect(fieldErrors(empty)).toEqual({
      nik: ["NIK wajib diisi."],
      kk: ["Nomor KK wajib diisi."],
      fullName: ["Nama lengkap wajib diisi."],
      birthPlace: ["Tempat lahir wajib diisi."],
      birthDate: ["Tanggal lahir wajib diisi."],
      phone: ["Nomor HP wajib diisi."],
      email: ["Email wajib diisi."],
      agencyCode: ["Pilih instansi yang dituju."],
    });
  });

  it("passes the field rules' messages through", () => {
    expect(fieldErrors({ ...VALID, nik: "31710117089500AB" })).toEqual({ nik: ["NIK harus 16 digit angka."] });
    expect(fieldErrors({ ...VALID, kk: "9901012505120003" })).toEqual({ kk: ["Kode wilayah pada nomor KK tidak dikenal."] });
    expect(fieldErrors({ ...VALID, phone: "021555" })).toEqual({ phone: ["Nomor HP harus diawali 08, 628, atau +628."] });
    expect(fieldErrors({ ...VALID, email: "budi@" })).toEqual({ email: ["Format email tidak valid (contoh: nama@contoh.com)."] });
    expect(fieldErrors({ ...VALID, fullName: "B" })).toEqual({ fullName: ["Nama lengkap harus 2–60 karakter."] });
  });

  it("refuses birth dates that are not real dates", () => {
    for (const birthDate of ["1995-02-30", "17-08-1995", "1995-8-17", "1899-12-31"]) {
      expect(fieldErrors({ ...VALID, birthDate })).toEqual({ birthDate: ["Tanggal lahir tidak valid."] });
    }
  });

  it("refuses a NIK whose DDMMYY differs from the entered birth date", () => {
    expect(fieldErrors({ ...VALID, birthDate: "1995-08-18" })).toEqual({
      nik: ["Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi."],
    });
    expect(fieldErrors({ ...VALID, birthDate: "1985-08-17" })).toEqual({
      nik: ["Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi."],
    });
  });

  it("reports the NIK/birth date mismatch alongside other fields' errors", () => {
    expect(fieldErrors({ ...VALID, birthDate: "1995-08-18", email: "x" })).toEqual({
      nik: ["Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi."],
      email: ["Format email tidak valid (contoh: nama@contoh.com)."],
    });
  });

  it("does not add a mismatch on top of an invalid NIK or birth date", () => {
    expect(fieldErrors({ ...VALID, nik: "3171013208950001" })).toEqual({ nik: ["Tanggal lahir pada NIK tidak valid."] });
    expect(fieldErrors({ ...VALID, birthDate: "1995-13-17" })).toEqual({ birthDate: ["Tanggal lahir tidak valid."] });
  });

  it("requires age 18 on the closing date (8 October 2023)", () => {
    const turning18 = { ...VALID, nik: "3171010810050001", birthDate: "2005-10-08" };
    expect(identitySchema.parse(turning18).birthDate).toBe("2005-10-08");
    // Born a day later: 17 on the closing day. The NIK reads 2005 too (the century rule).
    expect(fieldErrors({ ...turning18, nik: "3171010910050001", birthDate: "2005-10-09" })).toEqual({
      birthDate: ["Usia minimal 18 tahun pada tanggal penutupan pendaftaran."],
    });
  });

  it("accepts applicants over 35 (a warning, not a block)", () => {
    expect(identitySchema.parse({ ...VALID, nik: "3171010101700001", birthDate: "1970-01-01" }).birthDate).toBe("1970-01-01");
  });

  it("takes its reference date from the factory", () => {
    const later: CalendarDate = { year: 2024, month: 12, day: 31 };
    const schema = makeIdentitySchema({ closingDate: later });
    // Born 9 Oct 2005: too young for 2023, old enough at the end of 2024.
    const data = { ...VALID, nik: "3171010910050001", birthDate: "2005-10-09" };
    expect(schema.safeParse(data).success).toBe(true);
    // A KK recorded on 1 December 2023 is in the future for the 2023 closing date only.
    const kkDecember = { ...VALID, kk: "3273020112230003" };
    expect(schema.safeParse(kkDecember).success).toBe(true);
    expect(fieldErrors(kkDecember)).toEqual({ kk: ["Tanggal pencatatan pada nomor KK tidak boleh di masa mendatang."] });
  });

  it("refuses non-string values without crashing", () => {
    expect(fieldErrors({ ...VALID, nik: 3171011708950001, agencyCode: null })).toEqual({
      nik: ["NIK wajib diisi."],
      agencyCode: ["Pilih instansi yang dituju."],
    });
    for (const data of [null, undefined, "3171011708950001", 42, []]) {
      expect(Object.keys(fieldErrors(data))).toEqual(["_form"]);
    }
  });
});
