/**
 * Agency formation readiness: accounts can only be created for agencies whose formation
 * (formasi) has been verified; in CPNS 2023 many applicants were stopped by exactly this.
 */
import { AppError } from "@/domain/errors";

export const FORMATION_STATUSES = ["VERIFIED", "IN_VERIFICATION"] as const;
export type FormationStatus = (typeof FORMATION_STATUSES)[number];

export const FORMATION_STATUS_LABELS: Record<FormationStatus, string> = {
  VERIFIED: "Formasi sudah diverifikasi",
  IN_VERIFICATION: "Formasi dalam proses verifikasi",
};

export const AGENCY_KINDS = ["PUSAT", "PROVINSI", "KABUPATEN_KOTA"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  PUSAT: "Instansi Pusat",
  PROVINSI: "Pemerintah Provinsi",
  KABUPATEN_KOTA: "Pemerintah Kabupaten/Kota",
};

export function isFormationStatus(value: unknown): value is FormationStatus {
  return typeof value === "string" && (FORMATION_STATUSES as readonly string[]).includes(value);
}

export function isAgencyKind(value: unknown): value is AgencyKind {
  return typeof value === "string" && (AGENCY_KINDS as readonly string[]).includes(value);
}

/** Throws unless the agency exists and its formation is verified (any other status refuses). */
export function assertAgencyAcceptsRegistrations(agency: { formationStatus: string } | null): void {
  if (!agency) throw new AppError("AGENCY_NOT_FOUND");
  if (agency.formationStatus !== "VERIFIED") throw new AppError("AGENCY_FORMATION_NOT_VERIFIED");
}
