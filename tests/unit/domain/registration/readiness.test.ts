import { describe, expect, it } from "vitest";
import { AppError, DEFAULT_MESSAGES } from "@/domain/errors";
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  FORMATION_STATUSES,
  FORMATION_STATUS_LABELS,
  assertAgencyAcceptsRegistrations,
  isAgencyKind,
  isFormationStatus,
} from "@/domain/registration/readiness";

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("assertAgencyAcceptsRegistrations", () => {
  it("accepts an agency whose formation is verified", () => {
    expect(() => assertAgencyAcceptsRegistrations({ formationStatus: "VERIFIED" })).not.toThrow();
  });

  it("refuses an agency whose formation is still being verified, telling the applicant to keep checking", () => {
    const error = thrown(() => assertAgencyAcceptsRegistrations({ formationStatus: "IN_VERIFICATION" }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "AGENCY_FORMATION_NOT_VERIFIED",
      status: 403,
      message: DEFAULT_MESSAGES.AGENCY_FORMATION_NOT_VERIFIED,
    });
    expect((error as AppError).message).toContain("masih dalam proses verifikasi");
  });

  it("refuses an unknown status as not verified", () => {
    expect(thrown(() => assertAgencyAcceptsRegistrations({ formationStatus: "verified" }))).toMatchObject({
      code: "AGENCY_FORMATION_NOT_VERIFIED",
    });
  });

  it("refuses a missing agency", () => {
    expect(thrown(() => assertAgencyAcceptsRegistrations(null))).toMatchObject({
      code: "AGENCY_NOT_FOUND",
      status: 422,
      message: "Instansi tidak ditemukan.",
    });
  });
});

describe("statuses and kinds", () => {
  it("lists the formation statuses with labels", () => {
    expect(FORMATION_STATUSES).toEqual(["VERIFIED", "IN_VERIFICATION"]);
    expect(Object.keys(FORMATION_STATUS_LABELS)).toEqual([...FORMATION_STATUSES]);
    expect(isFormationStatus("VERIFIED")).toBe(true);
    expect(isFormationStatus("PENDING")).toBe(false);
    expect(isFormationStatus(1)).toBe(false);
  });

  it("lists the agency kinds with Indonesian labels", () => {
    expect(AGENCY_KINDS).toEqual(["PUSAT", "PROVINSI", "KABUPATEN_KOTA"]);
    expect(AGENCY_KIND_LABELS).toEqual({
      PUSAT: "Instansi Pusat",
      PROVINSI: "Pemerintah Provinsi",
      KABUPATEN_KOTA: "Pemerintah Kabupaten/Kota",
    });
    expect(isAgencyKind("PROVINSI")).toBe(true);
    expect(isAgencyKind("DESA")).toBe(false);
  });
});
