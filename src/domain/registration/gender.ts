/** The gender a NIK encodes (nik.ts reads it), and its label; apart from nik.ts so a page that only shows it does not load the region codes. */
export type Gender = "LAKI_LAKI" | "PEREMPUAN";

export const GENDER_LABELS: Record<Gender, string> = {
  LAKI_LAKI: "Laki-laki",
  PEREMPUAN: "Perempuan",
};
