import { describe, expect, it } from "vitest";
import {
  adviceFor,
  clientFieldErrors,
  fieldMessages,
  isFilled,
  refusalFromApiError,
  summaryFromFields,
  withFieldErrors,
} from "@/components/registration/step-errors";
import { DEFAULT_MESSAGES } from "@/domain/errors";
import { captchaSchema } from "@/schemas/captcha";
import { IDENTITY_FIELDS } from "@/schemas/identity";

const NO_STATE = { touched: new Set<string>(), clientFields: {}, serverFields: {} };

describe("a refusal on a step", () => {
  it("shows named fields by their fields and in the summary, in the step's order, and the advice apart (not counted)", () => {
    const refusal = refusalFromApiError(
      { code: "NIK_ALREADY_REGISTERED", message: DEFAULT_MESSAGES.NIK_ALREADY_REGISTERED, fields: { nik: ["NIK sudah terdaftar."] } },
      IDENTITY_FIELDS,
      "nik",
    );
    expect(refusal.fields).toEqual({ nik: ["NIK sudah terdaftar."] });
    expect(refusal.summary).toEqual([{ message: "NIK sudah terdaftar.", field: "nik" }]);
    expect(refusal.advice).toEqual([adviceFor("NIK_ALREADY_REGISTERED")]);
  });

  it("attaches a refusal without fields to the field its code is about", () => {
    const message = DEFAULT_MESSAGES.AGENCY_FORMATION_NOT_VERIFIED;
    const refusal = refusalFromApiError({ code: "AGENCY_FORMATION_NOT_VERIFIED", message }, IDENTITY_FIELDS, "nik");
    expect(refusal.fields).toEqual({ agencyCode: [message] });
    expect(refusal.summary).toEqual([{ message, field: "agencyCode" }]);
  });

  it("links a refusal about the step as a whole to the anchor, without marking a field", () => {
    const message = DEFAULT_MESSAGES.DUKCAPIL_MISMATCH;
    const refusal = refusalFromApiError({ code: "DUKCAPIL_MISMATCH", message }, IDENTITY_FIELDS, "nik");
    expect(refusal.fields).toEqual({});
    expect(refusal.summary).toEqual([{ message, field: "nik" }]);
    expect(refusal.advice).toEqual([adviceFor("DUKCAPIL_MISMATCH")]);
  });

  it("shows a code placed on another step, a lost connection or another step's fields as form messages", () => {
    expect(refusalFromApiError({ code: "CAPTCHA_INVALID", message: "salah" }, ["password"])).toEqual({
      fields: {},
      summary: [{ message: "salah" }],
      advice: [],
    });
    expect(refusalFromApiError({ code: "NETWORK_ERROR", message: "putus" }, ["captchaAnswer"], "captchaAnswer").summary).toEqual([
      { message: "putus", field: "captchaAnswer" },
    ]);
    const other = refusalFromApiError({ code: "VALIDATION_FAILED", message: "cek", fields: { email: ["Email tidak valid."] } }, ["password"]);
    expect(other).toEqual({ fields: {}, summary: [{ message: "cek" }, { message: "Email tidak valid." }], advice: [] });
  });

  it("keeps the order of the step's fields, not the server's", () => {
    const refusal = refusalFromApiError(
      { code: "VALIDATION_FAILED", message: "cek", fields: { email: ["e"], nik: ["n"], _form: ["f"] } },
      IDENTITY_FIELDS,
    );
    expect(refusal.summary).toEqual([{ message: "f" }, { message: "n", field: "nik" }, { message: "e", field: "email" }]);
  });
});

describe("messages by a field", () => {
  it("show the browser's own once the field was touched, the server's always, each once", () => {
    const clientFields = { nik: ["NIK wajib diisi."], kk: ["Nomor KK harus 16 digit angka."] };
    const serverFields = { nik: ["NIK wajib diisi."], email: ["Email sudah terdaftar."] };
    const state = { touched: new Set(["nik"]), clientFields, serverFields };
    expect(fieldMessages("nik", state)).toEqual(["NIK wajib diisi."]);
    expect(fieldMessages("kk", state)).toBeUndefined();
    expect(fieldMessages("email", state)).toEqual(["Email sudah terdaftar."]);
    expect(fieldMessages("phone", NO_STATE)).toBeUndefined();
  });

  it("are replaced or removed one field at a time", () => {
    const fields = { ktpPhoto: ["a"], selfie: ["b"] };
    expect(withFieldErrors(fields, "ktpPhoto", ["c"])).toEqual({ ktpPhoto: ["c"], selfie: ["b"] });
    expect(withFieldErrors(fields, "ktpPhoto")).toEqual({ selfie: ["b"] });
    expect(fields).toEqual({ ktpPhoto: ["a"], selfie: ["b"] });
  });

  it("come from the step's schema, and the summary lists them in the step's order", () => {
    const errors = clientFieldErrors(captchaSchema, { captchaId: "x", captchaAnswer: "" });
    expect(Object.keys(errors).sort()).toEqual(["captchaAnswer", "captchaId"]);
    expect(summaryFromFields(errors, ["captchaAnswer"])).toEqual([{ message: "Isi kode captcha.", field: "captchaAnswer" }]);
    expect(clientFieldErrors(captchaSchema, { captchaId: "abcdef123456", captchaAnswer: "x7k" })).toEqual({});
  });

  it("count a field as touched once it holds something", () => {
    expect(isFilled("")).toBe(false);
    expect(isFilled(null)).toBe(false);
    expect(isFilled(undefined)).toBe(false);
    expect(isFilled("3")).toBe(true);
    expect(isFilled({ size: 1 })).toBe(true);
  });
});
