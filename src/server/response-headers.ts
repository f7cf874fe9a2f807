import { API_CONTENT_SECURITY_POLICY } from "./content-security-policy";

/**
 * Headers every answer carries, pages and API alike (next.config.ts's `headers()`), and those of
 * API answers besides. One list, so an answer the production server's front door writes without
 * Next (the busy answer: src/server/shed-load.ts) carries exactly what Next would have added.
 * No server-only import and relative imports only: next.config.ts reads this too.
 */
export const EVERY_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
};

/** Pages get a per-request policy with a nonce from src/proxy.ts (ADR 0012); API answers this one. */
export const API_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
};

/** In the form next.config.ts's `headers()` takes. */
export function asHeaderList(headers: Readonly<Record<string, string>>): { key: string; value: string }[] {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}
