import "server-only";
import { type AccountSummary } from "@/domain/registration/account";
import { findAccountForCard } from "@/server/registration/find-account-for-card";

/** What the print view of the Kartu Informasi Akun shows, as JSON. */
export type RegistrationSummary = AccountSummary<string>;

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
