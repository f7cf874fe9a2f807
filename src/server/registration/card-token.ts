import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/domain/errors";
import { deps } from "@/server/deps";

/**
 * A short-lived bearer token for the freshly created account's card, print view and photos,
 * handed out with the 201 of `POST /api/registrations` (the applicant has no session yet; later,
 * the owner's session or an admin's opens the same routes).
 *
 * Format: `<registrationNumber>.<expiry, unix seconds>.<HMAC-SHA256, base64url>`, signed with the
 * auth secret. The number travels in the token so that a valid token for another account is told
 * apart (403) from a forged or expired one (401).
 *
 * It never travels in a URL (issue 9, item 9: URLs land in access logs, the browser's history and
 * Referer headers). The browser gets it as a cookie the 201 sets: HttpOnly (no script reads it),
 * SameSite=Strict, Path scoped to this registration's routes, for the token's remaining life. An
 * API client sends it as `Authorization: Bearer <token>`. `?token=` is not read.
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

/** The cookie that carries a card token, one per registration (its Path is the registration's routes). */
export const CARD_TOKEN_COOKIE = "sscasn_kartu";

/** Where a request's card token came from: an explicit header, or the cookie the browser sends by itself. */
export type CardCredential = { token: string; from: "header" | "cookie" };

/** The routes a registration's card token opens: the summary, `/card` and `/photos/*`. */
export function cardTokenPath(registrationNumber: string): string {
  return `/api/registrations/${encodeURIComponent(registrationNumber)}`;
}

/** The Set-Cookie value that hands the browser this token until it expires. */
export function cardTokenCookie(registrationNumber: string, token: string): string {
  const expires = Number(token.split(".")[1] ?? 0);
  const maxAge = Math.max(0, Math.floor(expires - deps().clock.now().getTime() / 1000));
  const secure = deps().env.APP_ENV === "production" ? "; Secure" : "";
  return `${CARD_TOKEN_COOKIE}=${token}; Path=${cardTokenPath(registrationNumber)}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * The card token a request carries: `Authorization: Bearer …` first, else the cookie (of several,
 * the one for this registration). The query string is never looked at.
 */
export function cardTokenFrom(request: Request, registrationNumber: string): CardCredential | null {
  const authorization = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (authorization?.[1]) return { token: authorization[1], from: "header" };
  const tokens = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${CARD_TOKEN_COOKIE}=`))
    .map((pair) => pair.slice(CARD_TOKEN_COOKIE.length + 1));
  const token = tokens.find((value) => value.startsWith(`${registrationNumber}.`)) ?? tokens[0];
  return token ? { token, from: "cookie" } : null;
}
