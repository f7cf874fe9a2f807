import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, fieldRefusal } from "@/domain/errors";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { Prisma } from "@/generated/prisma/client";
import type { IdentityValues } from "@/schemas/identity";
import { deps } from "@/server/deps";
import { assertIdentityNotRegistered } from "@/server/registration/check-identity";
import { generateRegistrationNumber } from "@/server/registration/registration-number";
import type { AccountPhoto, PhotoStorage } from "@/server/storage";

export type NewAccount = {
  identity: IdentityValues;
  ktpPhotoJpeg: Uint8Array;
  selfieJpeg: Uint8Array;
  credential: {
    passwordHash: string;
    securityQuestion1: string;
    securityAnswer1Hash: string;
    securityQuestion2: string;
    securityAnswer2Hash: string;
  };
  createdAt: Date;
};

export type CreatedAccount = { id: string; registrationNumber: string; createdAt: Date };

const REGISTRATION_NUMBER_ATTEMPTS = 5;

/**
 * Stores both photos under fresh keys, then writes the account and its credential in one
 * transaction. All or nothing: if anything fails, the photos are deleted again, so there is never
 * a photo without an account nor an account without its photos. A storage inside the database
 * (`putInTransaction`) writes the photos in that same transaction instead.
 *
 * The database's unique indexes (period + NIK / email / mobile) are what make concurrent
 * submissions safe: the checks before this one can all pass for two requests at once, but only
 * one insert wins; the others become NIK/EMAIL/PHONE_ALREADY_REGISTERED (409).
 */
export async function createAccount(input: NewAccount): Promise<CreatedAccount> {
  const storage = deps().photoStorage;
  const id = randomUUID();
  const ktpPhotoKey = `ktp/${randomUUID()}.jpg`;
  const selfieKey = `selfie/${randomUUID()}.jpg`;
  const putInTransaction = storage.putInTransaction?.bind(storage);
  if (putInTransaction) {
    const photos: AccountPhoto[] = [
      { key: ktpPhotoKey, accountId: id, kind: "KTP", bytes: input.ktpPhotoJpeg },
      { key: selfieKey, accountId: id, kind: "SELFIE", bytes: input.selfieJpeg },
    ];
    return insertAccount(id, { ktpPhotoKey, selfieKey }, input, (client) => putInTransaction(client, photos));
  }
  try {
    await storage.put(ktpPhotoKey, input.ktpPhotoJpeg);
    await storage.put(selfieKey, input.selfieJpeg);
    return await insertAccount(id, { ktpPhotoKey, selfieKey }, input);
  } catch (error) {
    await deletePhotos(storage, [ktpPhotoKey, selfieKey]);
    throw error;
  }
}

async function insertAccount(
  id: string,
  keys: { ktpPhotoKey: string; selfieKey: string },
  input: NewAccount,
  photoWrites?: (client: Prisma.TransactionClient) => Prisma.PrismaPromise<unknown>[],
): Promise<CreatedAccount> {
  const { identity, credential, createdAt } = input;
  const { db } = deps();
  for (let attempt = 1; ; attempt++) {
    const registrationNumber = generateRegistrationNumber();
    try {
      await db.$transaction([
        db.account.create({
          data: {
            id,
            registrationNumber,
            periodId: CURRENT_PERIOD_ID,
            nik: identity.nik,
            kk: identity.kk,
            fullName: identity.fullName,
            birthPlace: identity.birthPlace,
            birthDate: identity.birthDate,
            gender: identity.gender,
            phone: identity.phone,
            email: identity.email,
            agencyCode: identity.agencyCode,
            ...keys,
            createdAt,
          },
        }),
        db.credential.create({ data: { accountId: id, ...credential, passwordChangedAt: createdAt } }),
        ...(photoWrites?.(db) ?? []),
      ]);
      return { id, registrationNumber, createdAt };
    } catch (error) {
      const fields = uniqueViolationFields(error);
      if (fields?.includes("registrationNumber")) {
        if (attempt < REGISTRATION_NUMBER_ATTEMPTS) continue;
        throw error;
      }
      if (fields) await throwAlreadyRegistered(identity, fields);
      throw error;
    }
  }
}

/**
 * The columns of a violated unique index. Prisma 7 with the better-sqlite3 adapter reports them
 * in `meta.driverAdapterError.cause.constraint.fields` (e.g. ["periodId", "nik"]); with the pg
 * adapter it names the index instead (`constraint.index`, e.g. "Account_periodId_nik_key", Prisma's
 * `<Model>_<field>_<field>_key` naming; our field names have no underscore); older engines used
 * `meta.target`. Null when the error is something else.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } } }
    | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fields = constraint?.fields ?? meta?.target;
  if (Array.isArray(fields)) return fields.map(String);
  if (typeof fields === "string") return [fields];
  const index = typeof constraint?.index === "string" ? /^[A-Za-z0-9]+_(.+)_key$/.exec(constraint.index) : null;
  return index?.[1] ? index[1].split("_") : [];
}

/**
 * SQLite names only one violated index, not necessarily the NIK's when several clash, so the
 * accounts are read again to answer in the usual order (NIK, email, mobile); the reported index
 * decides only if that read finds nothing.
 */
async function throwAlreadyRegistered(identity: IdentityValues, fields: string[]): Promise<void> {
  await assertIdentityNotRegistered(identity);
  if (fields.includes("nik")) throw fieldRefusal("NIK_ALREADY_REGISTERED", "nik");
  if (fields.includes("email")) throw fieldRefusal("EMAIL_ALREADY_REGISTERED", "email");
  if (fields.includes("phone")) throw fieldRefusal("PHONE_ALREADY_REGISTERED", "phone");
}

async function deletePhotos(storage: PhotoStorage, keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  for (const result of results) {
    // Keys are random and say nothing about the applicant; the reason is the storage's error.
    if (result.status === "rejected") console.error("photo cleanup failed", result.reason instanceof Error ? result.reason.message : "unknown");
  }
}
