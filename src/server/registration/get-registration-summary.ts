import "server-only";
import { findAccountForCard } from "@/server/registration/find-account-for-card";

/** What the print view of the Kartu Informasi Akun shows. `gender` is LAKI_LAKI | PEREMPUAN. */
export type RegistrationSummary = {
  registrationNumber: string;
  createdAt: string;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: string;
  agency: { code: string; name: string };
};

export async function getRegistrationSummary(registrationNumber: string, token: string | null): Promise<RegistrationSummary> {
  const account = await findAccountForCard(registrationNumber, token, "summary");
  return {
    registrationNumber: account.registrationNumber,
    createdAt: account.createdAt.toISOString(),
    nik: account.nik,
    fullName: account.fullName,
    birthPlace: account.birthPlace,
    birthDate: account.birthDate,
    gender: account.gender,
    agency: account.agency,
  };
}
