import "server-only";
import { AppError, fieldRefusal, type ErrorCode } from "@/domain/errors";
import { assertAgencyAcceptsRegistrations } from "@/domain/registration/readiness";
import { matchRegistryRecord } from "@/domain/registration/registry-match";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { makeIdentitySchema, type IdentitySchemaOptions, type IdentityValues } from "@/schemas/identity";
import { deps } from "@/server/deps";

/**
 * The business refusals `checkParsedIdentity` throws (the agency, the registry, an existing
 * account): the answers an operation that runs it can give (OpenAPI), and those a retry would get
 * again (idempotency stores them).
 */
export const IDENTITY_REFUSAL_CODES = [
  "AGENCY_NOT_FOUND",
  "AGENCY_FORMATION_NOT_VERIFIED",
  "NIK_NOT_FOUND",
  "DUKCAPIL_MISMATCH",
  "NIK_ALREADY_REGISTERED",
  "EMAIL_ALREADY_REGISTERED",
  "PHONE_ALREADY_REGISTERED",
] as const satisfies readonly ErrorCode[];

/**
 * Every check of the identity step, in the order an applicant can act on them: the shared schema
 * (format rules), the agency (exists, formation verified), the population registry, and finally
 * whether the NIK, email or mobile already has an account in this period.
 * The caller has already checked that registration is open; `options.closingDate` is the period's
 * closing day (the schedule is data), against which ages are judged.
 */
export async function checkIdentity(data: unknown, options: IdentitySchemaOptions): Promise<IdentityValues> {
  const identity = makeIdentitySchema(options).parse(data);
  await checkParsedIdentity(identity);
  return identity;
}

/**
 * The server-only checks on identity data the shared schema has already accepted (the final
 * submission parses every field at once, then calls this at the moment of saving).
 */
export async function checkParsedIdentity(identity: IdentityValues): Promise<void> {
  const agency = await deps().db.agency.findUnique({ where: { code: identity.agencyCode }, select: { formationStatus: true } });
  try {
    assertAgencyAcceptsRegistrations(agency);
  } catch (error) {
    if (error instanceof AppError && error.code === "AGENCY_NOT_FOUND") {
      throw new AppError("AGENCY_NOT_FOUND", { fields: { agencyCode: [error.message] } });
    }
    throw error;
  }

  const record = await deps().populationRegistry.findByNik(identity.nik);
  switch (matchRegistryRecord(record, identity)) {
    case "NIK_NOT_FOUND":
      throw fieldRefusal("NIK_NOT_FOUND", "nik");
    case "KK_MISMATCH":
      throw new AppError("DUKCAPIL_MISMATCH", { message: "Nomor KK tidak sesuai.", fields: { kk: ["Nomor KK tidak sesuai."] } });
    case "DATA_MISMATCH":
      throw new AppError("DUKCAPIL_MISMATCH");
    case "MATCH":
      break;
  }

  await assertIdentityNotRegistered(identity);
}

/**
 * NIK first, then email, then mobile: the order in which an applicant can act on the answer, even
 * when each is held by a different account. Each alternative names the period, so every one is a
 * lookup in its own unique index (periodId, nik | email | phone); written as `periodId AND (nik OR
 * email OR phone)`, SQLite searched the period's whole index: 1.5 s a check at a million accounts.
 */
export async function assertIdentityNotRegistered(identity: Pick<IdentityValues, "nik" | "email" | "phone">): Promise<void> {
  const periodId = CURRENT_PERIOD_ID;
  const taken = await deps().db.account.findMany({
    where: { OR: [{ periodId, nik: identity.nik }, { periodId, email: identity.email }, { periodId, phone: identity.phone }] },
    select: { nik: true, email: true, phone: true },
    take: 3,
  });
  if (taken.some((account) => account.nik === identity.nik)) throw fieldRefusal("NIK_ALREADY_REGISTERED", "nik");
  if (taken.some((account) => account.email === identity.email)) throw fieldRefusal("EMAIL_ALREADY_REGISTERED", "email");
  if (taken.length > 0) throw fieldRefusal("PHONE_ALREADY_REGISTERED", "phone");
}
