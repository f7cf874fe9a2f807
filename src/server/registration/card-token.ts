import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/domain/errors";
import { deps } from "@/server/deps";

/**
 * A short-lived bearer token for the freshly created account's card, print view and selfie,
 * handed out in the 201 of `POST /api/registrations` (the applicant has no session yet; a later
 * issue adds session access for signed-in applicants and admins).
 *
 * Format: `<registrationNumber>.<expiry, unix seconds>.<HMAC-SHA256, base64url>`, signed with the
 * auth secret. The number travels in the token so that a valid token for another account is told
 * apart (403) from a forged or expired one (401).
 */
export const CARD_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

export const CARD_TOKEN_MESSAGES = {
  invalid: "Tautan kartu informasi akun tidak valid atau sudah kedaluwarsa. Silakan masuk untuk mengunduh kartu Anda.",
  otherAccount: "Tautan ini bukan untuk akun tersebut.",
} as const;

function sign(payload: string): string {
  return createHmac("sha256", deps().env.authSecret).update(`account-card:v1:${payload}`).digest("base64url");
}

export function createCardToken(registrationNumber: string, now: Date = deps().clock.now()): string {
  const expires = Math.floor((now.getTime() + CARD_TOKEN_TTL_MS) / 1000);
  const payload = `${registrationNumber}.${expires}`;
  return `${payload}.${sign(payload)}`;
}

/** Throws UNAUTHORIZED (missing, forged, expired) or FORBIDDEN (another account's token). */
export function verifyCardToken(token: string | null, registrationNumber: string): void {
  const match = token ? /^([0-9A-Za-z-]{1,40})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!match) throw new AppError("UNAUTHORIZED", { message: CARD_TOKEN_MESSAGES.invalid });
  const [, tokenNumber = "", expires = "", mac = ""] = match;
  const expected = Buffer.from(sign(`${tokenNumber}.${expires}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("UNAUTHORIZED", { message: CARD_TOKEN_MESSAGES.invalid });
  }
  if (Number(expires) * 1000 <= deps().clock.now().getTime()) throw new AppError("UNAUTHORIZED", { message: CARD_TOKEN_MESSAGES.invalid });
  if (tokenNumber !== registrationNumber) throw new AppError("FORBIDDEN", { message: CARD_TOKEN_MESSAGES.otherAccount });
}
