import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError, type ErrorCode } from "@/domain/errors";
import { deps } from "@/server/deps";

/** Business refusals worth counting for the admin's figures (not malformed requests). */
const COUNTED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "VALIDATION_FAILED",
  "REGISTRATION_NOT_OPEN",
  "REGISTRATION_CLOSED",
  "AGENCY_FORMATION_NOT_VERIFIED",
  "AGENCY_NOT_FOUND",
  "CAPTCHA_INVALID",
  "NIK_NOT_FOUND",
  "DUKCAPIL_MISMATCH",
  "NIK_ALREADY_REGISTERED",
  "EMAIL_ALREADY_REGISTERED",
  "PHONE_ALREADY_REGISTERED",
]);

/**
 * Counts a refused registration request by its code (and agency, when known). Never fails the
 * request it describes: a counting error is logged by code and dropped.
 */
export async function recordRegistrationRefusal(error: unknown, agencyCode?: unknown): Promise<void> {
  if (!isAppError(error) || !COUNTED.has(error.code)) return;
  try {
    await deps().db.registrationRefusal.create({
      data: {
        id: randomUUID(),
        code: error.code,
        agencyCode: typeof agencyCode === "string" && agencyCode.length <= 32 ? agencyCode : null,
        createdAt: deps().clock.now(),
      },
    });
  } catch (failure) {
    console.warn("could not count a registration refusal", failure instanceof Error ? failure.name : typeof failure);
  }
}
