import { describe, expect, it } from "vitest";
import { PASSWORD_MAX } from "@/domain/registration/password";
import { zodIssuesToFieldErrors } from "@/schemas/index";
import {
  SECURITY_ANSWER_MAX,
  SECURITY_QUESTIONS,
  makePasswordSchema,
  passwordContextFrom,
  passwordSchema,
} from "@/schemas/password";

const PASSWORD = "kuda lumping makan beling";
const VALID = {
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  securityQuestion1: "SEKOLAH_DASAR",
  securityAnswer1: "  SDN 01 Menteng ",
  securityQuestion2: "GURU_FAVORIT",
  securityAnswer2: "Bu Ani",
};
const IDENTITY = {
  nik: "3171011708950001",
  kk: "3273022505120003",
  fullName: "BUDI SANTOSO",
  birthDate: "1995-08-17",
};

function fieldErrors(data: unknown, schema = passwordSchema) {
  const result = schema.safeParse(data);
  expect(result.success).toBe(false);
  return result.success ? {} : zodIssuesToFieldErrors(result.error);
}

describe("SECURITY_QUESTIONS", () => {
  it("offers about six distinct Indonesian questions", () => {
    expect(SECURITY_QUESTIONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(SECURITY_QUESTIONS.map((q) => q.id)).size).toBe(SECURITY_QUESTIONS.length);
    for (const q of SECURITY_QUESTIONS) expect(q.label).toMatch(/\?$/);
  });
});

describe("passwordSchema", () => {
  it("keeps the password exactly as typed and trims the answers", () => {
    const spaced = `  ${PASSWORD}  `;
    expect(passwordSchema.parse({ ...VALID, password: spaced, passwordConfirm: spaced })).toEqual({
      ...VALID,
      password: spaced,
      passwordConfirm: spaced,
      securityAnswer1: "SDN 01 Menteng",
    });
  });

  it("asks for every missing field", () => {
    expect(fieldErrors({})).toEqual({
      password: ["Kata sandi wajib diisi."],
      passwordConfirm: ["Ulangi kata sandi."],
      securityQuestion1: ["Pilih pertanyaan keamanan pertama."],
      securityAnswer1: ["Jawaban pertanyaan keamanan wajib diisi."],
      securityQuestion2: ["Pilih pertanyaan keamanan kedua."],
      securityAnswer2: ["Jawaban pertanyaan keamanan wajib diisi."],
    });
    expect(fieldErrors({ ...VALID, password: "", passwordConfirm: "" })).toEqual({
      password: ["Kata sandi wajib diisi."],
      passwordConfirm: ["Ulangi kata sandi."],
    });
  });

  it("shows the policy's reasons on the password field", () => {
    expect(fieldErrors({ ...VALID, password: "pendek", passwordConfirm: "pendek" })).toEqual({
      password: ["Kata sandi minimal 12 karakter."],
    });
    const long = "a".repeat(PASSWORD_MAX + 1);
    expect(fieldErrors({ ...VALID, password: long, passwordConfirm: long })).toEqual({
      password: ["Kata sandi maksimal 128 karakter."],
    });
  });

  it("requires the confirmation to match, also when the password breaks a rule", () => {
    expect(fieldErrors({ ...VALID, passwordConfirm: `${PASSWORD}!` })).toEqual({
      passwordConfirm: ["Konfirmasi kata sandi tidak sama dengan kata sandi."],
    });
    expect(fieldErrors({ ...VALID, password: "pendek", passwordConfirm: "pendekk" })).toEqual({
      password: ["Kata sandi minimal 12 karakter."],
      passwordConfirm: ["Konfirmasi kata sandi tidak sama dengan kata sandi."],
    });
  });

  it("requires two different questions from the list", () => {
    expect(fieldErrors({ ...VALID, securityQuestion2: "SEKOLAH_DASAR" })).toEqual({
      securityQuestion2: ["Pertanyaan keamanan kedua harus berbeda dari yang pertama."],
    });
    expect(fieldErrors({ ...VALID, securityQuestion1: "NAMA_IBU" })).toEqual({
      securityQuestion1: ["Pilih pertanyaan keamanan pertama."],
    });
  });

  it("requires answers of 3 to 100 characters after trimming", () => {
    expect(fieldErrors({ ...VALID, securityAnswer1: "  ab  " })).toEqual({
      securityAnswer1: ["Jawaban pertanyaan keamanan minimal 3 karakter."],
    });
    expect(passwordSchema.safeParse({ ...VALID, securityAnswer1: " abc " }).success).toBe(true);
    expect(passwordSchema.safeParse({ ...VALID, securityAnswer2: "x".repeat(SECURITY_ANSWER_MAX) }).success).toBe(true);
    expect(fieldErrors({ ...VALID, securityAnswer2: "x".repeat(SECURITY_ANSWER_MAX + 1) })).toEqual({
      securityAnswer2: ["Jawaban pertanyaan keamanan maksimal 100 karakter."],
    });
  });
});

describe("makePasswordSchema with identity context", () => {
  const schema = makePasswordSchema(passwordContextFrom(IDENTITY));

  it("refuses a password containing the NIK, KK, birth date or a name part", () => {
    const cases: [string, string[]][] = [
      // The NIK holds the birth date (DDMMYY), so both rules speak.
      [`nik${IDENTITY.nik}`, ["Kata sandi tidak boleh memuat NIK.", "Kata sandi tidak boleh memuat tanggal lahir."]],
      [`kk${IDENTITY.kk}`, ["Kata sandi tidak boleh memuat nomor KK."]],
      ["lahir 17-08-1995 ya", ["Kata sandi tidak boleh memuat tanggal lahir."]],
      ["santosoHebat!!", ["Kata sandi tidak boleh memuat bagian dari nama Anda."]],
    ];
    for (const [password, messages] of cases) {
      expect(fieldErrors({ ...VALID, password, passwordConfirm: password }, schema)).toEqual({ password: messages });
    }
  });

  it("accepts an unrelated password", () => {
    expect(schema.safeParse(VALID).success).toBe(true);
  });
});

describe("passwordContextFrom", () => {
  it("reads identity fields, trimmed, with the birth date parsed", () => {
    expect(passwordContextFrom({ ...IDENTITY, nik: ` ${IDENTITY.nik} ` })).toEqual({
      nik: IDENTITY.nik,
      kk: IDENTITY.kk,
      fullName: "BUDI SANTOSO",
      birthDate: { year: 1995, month: 8, day: 17 },
    });
  });

  it("does not crash on input that is not an object", () => {
    for (const data of [null, "x", 1, []]) expect(passwordSchema.safeParse(data).success).toBe(false);
  });

  it("ignores missing or malformed values", () => {
    expect(passwordContextFrom(null)).toEqual({ nik: undefined, kk: undefined, fullName: undefined });
    expect(passwordContextFrom({ birthDate: "17-08-1995", nik: 5 })).toEqual({ nik: undefined, kk: undefined, fullName: undefined });
  });
});
