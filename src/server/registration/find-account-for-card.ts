import "server-only";
import { AppError } from "@/domain/errors";
import { type AccountSummary } from "@/domain/registration/account";
import { deps } from "@/server/deps";
import { authorizeAccountAccess, type AccountView } from "@/server/registration/authorize-account-access";

export type CardAccount = AccountSummary & { selfieKey: string; ktpPhotoKey: string };

/**
 * The account behind a card, summary or photo request, once authorizeAccountAccess() allowed it
 * (card token, owner or admin); 404 when no account has the number. Authorization happens before
 * the lookup, so registration numbers cannot be probed.
 */
export async function findAccountForCard(registrationNumber: string, token: string | null, view: AccountView): Promise<CardAccount> {
  await authorizeAccountAccess(registrationNumber, token, view);
  const account = await deps().db.account.findUnique({
    where: { registrationNumber },
    select: {
      registrationNumber: true,
      createdAt: true,
      nik: true,
      fullName: true,
      birthPlace: true,
      birthDate: true,
      gender: true,
      selfieKey: true,
      ktpPhotoKey: true,
      agency: { select: { code: true, name: true } },
    },
  });
  if (!account) throw new AppError("NOT_FOUND", { message: "Akun dengan nomor pendaftaran tersebut tidak ditemukan." });
  return account;
}
