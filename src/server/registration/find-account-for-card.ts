import "server-only";
import { AppError } from "@/domain/errors";
import { db } from "@/server/db";
import { verifyCardToken } from "@/server/registration/card-token";

export type CardAccount = {
  registrationNumber: string;
  createdAt: Date;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: string;
  selfieKey: string;
  agency: { code: string; name: string };
};

/**
 * The account a card token opens: 401 for a missing, forged or expired token, 403 for another
 * account's token, 404 when no account has the number. Authorization happens before the lookup,
 * so registration numbers cannot be probed without a token.
 */
export async function findAccountForCard(registrationNumber: string, token: string | null): Promise<CardAccount> {
  verifyCardToken(token, registrationNumber);
  const account = await db().account.findUnique({
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
      agency: { select: { code: true, name: true } },
    },
  });
  if (!account) throw new AppError("NOT_FOUND", { message: "Akun dengan nomor pendaftaran tersebut tidak ditemukan." });
  return account;
}
