import "server-only";
import { deps } from "@/server/deps";
import { findAccountForCard } from "@/server/registration/find-account-for-card";
import { renderAccountCard } from "@/server/registration/render-account-card";

export type AccountCardFile = { filename: string; bytes: Uint8Array };

/** The Kartu Informasi Akun as a PDF file, for the token holder, the owner or an admin. */
export async function getAccountCard(registrationNumber: string, token: string | null): Promise<AccountCardFile> {
  const account = await findAccountForCard(registrationNumber, token, "card");
  const selfie = await deps().photoStorage.get(account.selfieKey);
  const bytes = await renderAccountCard(account, selfie);
  return { filename: `kartu-informasi-akun-${account.registrationNumber}.pdf`, bytes };
}
