import "server-only";
import { findAccountForCard } from "@/server/registration/find-account-for-card";
import { renderAccountCard } from "@/server/registration/render-account-card";
import { photoStorage, type PhotoStorage } from "@/server/storage";

export type AccountCardFile = { filename: string; bytes: Uint8Array };

/** The Kartu Informasi Akun as a PDF file, for the token holder, the owner or an admin. */
export async function getAccountCard(registrationNumber: string, token: string | null, storage: PhotoStorage = photoStorage()): Promise<AccountCardFile> {
  const account = await findAccountForCard(registrationNumber, token, "card");
  const selfie = await storage.get(account.selfieKey);
  const bytes = await renderAccountCard(account, selfie);
  return { filename: `kartu-informasi-akun-${account.registrationNumber}.pdf`, bytes };
}
