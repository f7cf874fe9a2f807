import { describe, expect, it } from "vitest";
import { ERROR_STATUS, type ErrorCode } from "@/domain/errors";
import { ERROR_PLACES, errorPlace } from "@/schemas/error-places";
import { REGISTRATION_TEXT_FIELDS, STEP_FIELDS, STEP_IDS, stepOfField } from "@/schemas/index";

const CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

describe("where each refusal is fixed", () => {
  it("places every error code, and nothing else", () => {
    expect(Object.keys(ERROR_PLACES).sort()).toEqual([...CODES].sort());
  });

  it.each(CODES.map((code) => [code]))("%s points at a real step and, if any, a field of that step's schema", (code) => {
    const place = ERROR_PLACES[code];
    if (!place) return;
    expect(STEP_IDS).toContain(place.step);
    if (place.field) {
      expect(STEP_FIELDS[place.step] as readonly string[]).toContain(place.field);
      expect(stepOfField(place.field)).toBe(place.step);
    }
  });

  it("sends the applicant where the refusal is fixed", () => {
    expect(ERROR_PLACES.NIK_ALREADY_REGISTERED).toEqual({ step: "identity", field: "nik" });
    expect(ERROR_PLACES.AGENCY_FORMATION_NOT_VERIFIED).toEqual({ step: "identity", field: "agencyCode" });
    expect(ERROR_PLACES.CAPTCHA_INVALID).toEqual({ step: "captcha", field: "captchaAnswer" });
    // Which answer differs from the registry is not revealed: the step, no field.
    expect(ERROR_PLACES.DUKCAPIL_MISMATCH).toEqual({ step: "identity" });
    expect(ERROR_PLACES.RATE_LIMITED).toBeNull();
  });

  it("has no place for a code the server does not send", () => {
    expect(errorPlace("NETWORK_ERROR")).toBeNull();
    expect(errorPlace("toString")).toBeNull();
    expect(errorPlace("EMAIL_ALREADY_REGISTERED")).toEqual({ step: "identity", field: "email" });
  });
});

describe("field lists read from the schemas", () => {
  it("give each step's fields in the form's order", () => {
    expect(STEP_FIELDS.identity).toEqual(["nik", "kk", "fullName", "birthPlace", "birthDate", "phone", "email", "agencyCode"]);
    expect(STEP_FIELDS.documents).toEqual(["ktpPhoto", "selfie"]);
    expect(STEP_FIELDS.password).toEqual([
      "password",
      "passwordConfirm",
      "securityQuestion1",
      "securityAnswer1",
      "securityQuestion2",
      "securityAnswer2",
    ]);
    expect(STEP_FIELDS.captcha).toEqual(["captchaId", "captchaAnswer"]);
    expect(STEP_FIELDS.review).toEqual(["confirm"]);
  });

  it("name each field in one step only", () => {
    const all = STEP_IDS.flatMap((step) => [...STEP_FIELDS[step]]);
    expect(new Set(all).size).toBe(all.length);
    for (const step of STEP_IDS) for (const field of STEP_FIELDS[step]) expect(stepOfField(field)).toBe(step);
    expect(stepOfField("_form")).toBeUndefined();
  });

  it("make the submission's text fields: identity, password, captcha", () => {
    expect(REGISTRATION_TEXT_FIELDS).toEqual([...STEP_FIELDS.identity, ...STEP_FIELDS.password, ...STEP_FIELDS.captcha]);
    expect(REGISTRATION_TEXT_FIELDS).toHaveLength(16);
  });
});
