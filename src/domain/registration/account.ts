/**
 * An account as every view of it shows it: the Kartu Informasi Akun, the done page's summary,
 * "Akun Saya" and the admin's search. `createdAt` is a Date on the server and an ISO-8601 string
 * once sent as JSON.
 */
import { GENDER_LABELS, type Gender } from "@/domain/registration/nik";

export type AccountSummary<Instant = Date> = {
  registrationNumber: string;
  createdAt: Instant;
  nik: string;
  fullName: string;
  birthPlace: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** As stored, LAKI_LAKI | PEREMPUAN: shown through `genderLabel`. */
  gender: string;
  agency: { code: string; name: string };
};

/** "Laki-laki" / "Perempuan"; a value that is neither is shown as it is. */
export function genderLabel(gender: string): string {
  return Object.hasOwn(GENDER_LABELS, gender) ? GENDER_LABELS[gender as Gender] : gender;
}
