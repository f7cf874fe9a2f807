import "server-only";
import { AppError } from "@/domain/errors";
import { deps } from "@/server/deps";

export type AccountOverview = {
  registrationNumber: string;
  createdAt: Date;
  nik: string;
  kk: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: string;
  phone: string;
  email: string;
  agency: { code: string; name: string };
};

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
