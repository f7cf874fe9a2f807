import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { captchaSchema } from "@/schemas/captcha";
import { documentsSchema } from "@/schemas/documents";
import { identitySchema } from "@/schemas/identity";
import {
  FORM_ERROR_KEY,
  STEP_IDS,
  STEP_SCHEMAS,
  isStepId,
  makeRegistrationFieldsSchema,
  zodIssuesToFieldErrors,
} from "@/schemas/index";
import { passwordSchema } from "@/schemas/password";
import { reviewSchema } from "@/schemas/review";

const CLOSING = { year: 2023, month: 10, day: 8 };
const PASSWORD = "kuda lumping makan beling";
const SUBMISSION = {
  nik: "3171011708950001",
  kk: "3273022505120003",
  fullName: "Budi Santoso",
  birthPlace: "Jakarta",
  birthDate: "1995-08-17",
  phone: "081234567890",
  email: "budi@example.com",
  agencyCode: "BKN",
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  securityQuestion1: "SEKOLAH_DASAR",
  securityAnswer1: "SDN 01",
  securityQuestion2: "GURU_FAVORIT",
  securityAnswer2: "Bu Ani",
  captchaId: "3f1c9a7e-2b4d-4e8f-9a1b-0c2d3e4f5a6b",
  captchaAnswer: "x7k2p",
};

describe("STEP_SCHEMAS", () => {
  it("has one schema per wizard step, in order", () => {
    expect(STEP_IDS).toEqual(["identity", "documents", "password", "captcha", "review"]);
    expect(Object.keys(STEP_SCHEMAS)).toEqual([...STEP_IDS]);
    expect(STEP_SCHEMAS.identity).toBe(identitySchema);
    expect(STEP_SCHEMAS.documents).toBe(documentsSchema);
    expect(STEP_SCHEMAS.password).toBe(passwordSchema);
    expect(STEP_SCHEMAS.captcha).toBe(captchaSchema);
    expect(STEP_SCHEMAS.review).toBe(reviewSchema);
  });

  it("recognizes step ids", () => {
    expect(isStepId("captcha")).toBe(true);
    expect(isStepId("done")).toBe(false);
    expect(isStepId(undefined)).toBe(false);
  });
});

describe("zodIssuesToFieldErrors", () => {
  it("joins paths with dots, groups messages and drops duplicates", () => {
    const schema = z
      .object({ a: z.object({ b: z.string("pesan b") }), c: z.string("pesan c") })
      .superRefine((_, ctx) => {
        ctx.addIssue({ code: "custom", path: ["c"], message: "pesan c" });
      });
    const error = schema.safeParse({ a: {}, c: 1 }).error!;
    expect(zodIssuesToFieldErrors(error)).toEqual({ "a.b": ["pesan b"], c: ["pesan c"] });
  });

  it("keeps several messages for one field in order", () => {
    const schema = z.string().superRefine((_, ctx) => {
      ctx.addIssue({ code: "custom", message: "satu" });
      ctx.addIssue({ code: "custom", message: "dua" });
    });
    expect(zodIssuesToFieldErrors(z.object({ x: schema }).safeParse({ x: "" }).error!)).toEqual({ x: ["satu", "dua"] });
  });

  it("puts issues without a path under the form key", () => {
    expect(zodIssuesToFieldErrors(z.string("harus teks").safeParse(1).error!)).toEqual({ [FORM_ERROR_KEY]: ["harus teks"] });
    expect(FORM_ERROR_KEY).toBe("_form");
  });
});

describe("makeRegistrationFieldsSchema", () => {
  const schema = makeRegistrationFieldsSchema({ closingDate: CLOSING });

  it("returns the normalized identity, password and captcha fields together", () => {
    expect(schema.parse(SUBMISSION)).toEqual({
      ...SUBMISSION,
      fullName: "BUDI SANTOSO",
      birthPlace: "JAKARTA",
      phone: "+6281234567890",
      gender: "LAKI_LAKI",
    });
  });

  it("judges the password against the submitted identity", () => {
    const password = "budi santoso keren";
    const result = schema.safeParse({ ...SUBMISSION, password, passwordConfirm: password });
    expect(zodIssuesToFieldErrors(result.error!)).toEqual({
      password: ["Kata sandi tidak boleh memuat bagian dari nama Anda."],
    });
  });

  it("reports every step's errors at once", () => {
    const result = schema.safeParse({ ...SUBMISSION, nik: "123", passwordConfirm: "lain", captchaAnswer: "" });
    expect(zodIssuesToFieldErrors(result.error!)).toEqual({
      nik: ["NIK harus 16 digit angka."],
      passwordConfirm: ["Konfirmasi kata sandi tidak sama dengan kata sandi."],
      captchaAnswer: ["Isi kode captcha."],
    });
  });
});

describe("messages", () => {
  const schemas = { ...STEP_SCHEMAS, registration: makeRegistrationFieldsSchema({ closingDate: CLOSING }) };

  it("are in Indonesian whatever a client sends (no zod defaults leak through)", () => {
    const zodDefault = /Invalid|expected|received|Too (small|big)|Unrecognized/i;
    const anyField = fc.oneof(fc.anything(), fc.string(), fc.constant(""), fc.integer(), fc.constant(null));
    const payload = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom(...Object.keys(SUBMISSION), "ktpPhoto", "selfie", "confirm"), anyField),
      fc.record({ ktpPhoto: fc.record({ size: anyField, type: anyField }), selfie: anyField }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(schemas) as (keyof typeof schemas)[])), payload, (step, data) => {
        const result = schemas[step].safeParse(data);
        for (const issue of result.error?.issues ?? []) expect(issue.message).not.toMatch(zodDefault);
      }),
      { numRuns: 400 },
    );
  });

  it("reports a payload that is not an object under the form key", () => {
    expect(zodIssuesToFieldErrors(STEP_SCHEMAS.identity.safeParse("x").error!)).toEqual({
      _form: ["Data yang dikirim tidak valid. Muat ulang halaman lalu coba lagi."],
    });
    expect(zodIssuesToFieldErrors(makeRegistrationFieldsSchema({ closingDate: CLOSING }).safeParse(null).error!)).toEqual({
      _form: ["Data yang dikirim tidak valid. Muat ulang halaman lalu coba lagi."],
    });
  });
});
