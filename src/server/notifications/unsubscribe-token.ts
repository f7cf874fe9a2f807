import "server-only";
import { deps } from "@/server/deps";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * "Beri tahu saya" links name an address by a keyed hash (`emailKey`), never the address itself
 * (links end up in logs and browser histories). The unsubscribe token is that key plus a
 * signature over it, so a token cannot be made for someone else's key without the secret.
 */
export function emailKeyFor(email: string): string {
  return createHmac("sha256", deps().env.authSecret).update(`notify-email:${email}`).digest("base64url");
}

function signature(emailKey: string): string {
  return createHmac("sha256", deps().env.authSecret).update(`notify-unsubscribe:v1:${emailKey}`).digest("base64url");
}

export function unsubscribeTokenFor(emailKey: string): string {
  return `${emailKey}.${signature(emailKey)}`;
}

/** The key a token names, or null for anything not signed by this server. */
export function readUnsubscribeToken(token: string): string | null {
  const match = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, emailKey = "", given = ""] = match;
  const expected = Buffer.from(signature(emailKey));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? emailKey : null;
}
