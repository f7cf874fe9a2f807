import "server-only";
import { registrationSummarySchema, type RegistrationSummary } from "@/schemas/api-answers";
import { findAccountForCard } from "@/server/registration/find-account-for-card";

/** What the print view of the Kartu Informasi Akun shows (the published answer shape). */
export type { RegistrationSummary };

export async function getRegistrationSummary(registrationNumber: string, token: string | null): Promise<RegistrationSummary> {
  const account = await findAccountForCard(registrationNumber, token, "summary");
  return registrationSummarySchema.parse({
    registrationNumber: account.registrationNumber,
    createdAt: account.createdAt.toISOString(),
    nik: account.nik,
    fullName: account.fullName,
    birthPlace: account.birthPlace,
    birthDate: account.birthDate,
    gender: account.gender,
    agency: account.agency,
  });
}
