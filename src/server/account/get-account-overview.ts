import "server-only";
import { AppError } from "@/domain/errors";
import { type AccountSummary } from "@/domain/registration/account";
import { deps } from "@/server/deps";

/** The account with its KK and contact details: what its owner and admins see. */
export type AccountOverview = AccountSummary & { kk: string; phone: string; email: string };

/** The signed-in applicant's own account, read only ("Akun Saya"). */
export async function getAccountOverview(accountId: string): Promise<AccountOverview> {
  const account = await deps().db.account.findUnique({
    where: { id: accountId },
    select: {
      registrationNumber: true,
      createdAt: true,
      nik: true,
      kk: true,
      fullName: true,
      birthPlace: true,
      birthDate: true,
      gender: true,
      phone: true,
      email: true,
      agency: { select: { code: true, name: true } },
    },
  });
  if (!account) throw new AppError("NOT_FOUND", { message: "Akun tidak ditemukan." });
  return account;
}
