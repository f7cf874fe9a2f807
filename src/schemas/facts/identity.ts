/**
 * Step 1, Identitas, without zod: its fields, limits and messages. The browser imports these with
 * the page; the schema (src/schemas/identity.ts) builds on them and arrives later (ADR 0020).
 */
import { type CalendarDate } from "@/domain/calendar";

/** The identity step's fields, in the form's order; the schema's shape is held to this list. */
export const IDENTITY_FIELDS = ["nik", "kk", "fullName", "birthPlace", "birthDate", "phone", "email", "agencyCode"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export const AGENCY_CODE_MAX = 32;
/**
 * Agency codes are upper-case letters, digits and hyphens (`KOTA-3273`, `KEMENKEU`); an empty one is
 * the "required" rule's to report. Checked before any lookup, so a stray byte never reaches the
 * database (PostgreSQL refuses a NUL in text with an error, where SQLite just finds nothing).
 */
export const AGENCY_CODE_PATTERN = /^[A-Z0-9-]*$/;
/** Births before this year are typing mistakes, not applicants. */
export const BIRTH_YEAR_MIN = 1900;

export const IDENTITY_MESSAGES = {
  nikRequired: "NIK wajib diisi.",
  kkRequired: "Nomor KK wajib diisi.",
  fullNameRequired: "Nama lengkap wajib diisi.",
  birthPlaceRequired: "Tempat lahir wajib diisi.",
  birthDateRequired: "Tanggal lahir wajib diisi.",
  birthDateInvalid: "Tanggal lahir tidak valid.",
  phoneRequired: "Nomor HP wajib diisi.",
  emailRequired: "Email wajib diisi.",
  agencyRequired: "Pilih instansi yang dituju.",
  agencyInvalid: "Instansi tidak valid.",
  nikBirthDateMismatch: "Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi.",
} as const;

export type IdentitySchemaOptions = {
  /** Closing day of the registration period (WIB): the age, NIK-century and KK-date reference. */
  closingDate: CalendarDate;
};
