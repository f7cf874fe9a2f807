import "server-only";
import { isIP } from "node:net";
import { deps } from "@/server/deps";

/** The one key every request without a trustworthy address is counted under: never unlimited. */
export const UNKNOWN_CLIENT = "unknown";

/**
 * The client's address (SPEC "Running at national scale"). Route handlers see no socket address,
 * so it can only come from the reverse proxies in front, and only as far as they are trusted:
 * each proxy appends the address it was reached from to X-Forwarded-For, so behind
 * `TRUST_PROXY_HOPS` = N proxies the N-th entry from the right was written by the outermost one
 * and is the client; anything left of it is whatever the client sent. With 0 hops every header is
 * the client's own choice and none is read (X-Real-IP never is: it says nothing about hops).
 * Too few entries, or one that is not an IP address, gives UNKNOWN_CLIENT, which the limits count
 * like any other address.
 */
export function clientIp(header: (name: string) => string | null, hops: number = deps().env.TRUST_PROXY_HOPS): string {
  if (hops < 1) return UNKNOWN_CLIENT;
  // Several X-Forwarded-For headers reach us joined by ", " in arrival order, which keeps the count right.
  const entries = (header("x-forwarded-for") ?? "").split(",");
  if (entries.length < hops) return UNKNOWN_CLIENT;
  const candidate = entries[entries.length - hops]!.trim();
  return isIP(candidate) ? candidate.toLowerCase() : UNKNOWN_CLIENT;
}

/**
 * With no proxy trusted (TRUST_PROXY_HOPS=0) every client is UNKNOWN_CLIENT, so that key stands
 * for the whole crowd and its per-address limits are multiplied by this: still a ceiling on what
 * any attacker can do, but not one a normal day's traffic on one instance reaches. Behind trusted
 * proxies UNKNOWN_CLIENT is only a request that did not come through them, and gets one address's
 * limits. ADR 0003 (addendum) explains the sizes.
 */
export const SHARED_KEY_FACTOR = 100;

export function sharedKeyFactor(key: string, hops: number = deps().env.TRUST_PROXY_HOPS): number {
  return key === UNKNOWN_CLIENT && hops < 1 ? SHARED_KEY_FACTOR : 1;
}
