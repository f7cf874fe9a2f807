import "server-only";
import { AppError } from "@/domain/errors";
import { deps } from "@/server/deps";
import { findAccountForCard } from "@/server/registration/find-account-for-card";

export type PhotoKind = "ktp" | "selfie";

export function isPhotoKind(value: string): value is PhotoKind {
  return value === "ktp" || value === "selfie";
}

/** An account's re-encoded JPEG photo, for the token holder, the owner or an admin. */
export async function getAccountPhoto(
  registrationNumber: string,
  kind: PhotoKind,
  token: string | null,
): Promise<Buffer> {
  const account = await findAccountForCard(registrationNumber, token, kind);
  const bytes = await deps().photoStorage.get(kind === "ktp" ? account.ktpPhotoKey : account.selfieKey);
  if (!bytes) throw new AppError("NOT_FOUND", { message: kind === "ktp" ? "Foto KTP tidak ditemukan." : "Swafoto tidak ditemukan." });
  return bytes;
}
