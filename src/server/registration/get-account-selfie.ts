import "server-only";
import { AppError } from "@/domain/errors";
import { findAccountForCard } from "@/server/registration/find-account-for-card";
import { photoStorage, type PhotoStorage } from "@/server/storage/photo-storage";

/** The account's selfie (a re-encoded JPEG), for the print view; only with the account's token. */
export async function getAccountSelfie(registrationNumber: string, token: string | null, storage: PhotoStorage = photoStorage()): Promise<Buffer> {
  const account = await findAccountForCard(registrationNumber, token);
  const bytes = await storage.get(account.selfieKey);
  if (!bytes) throw new AppError("NOT_FOUND", { message: "Swafoto tidak ditemukan." });
  return bytes;
}
