/**
 * Credentials sign-in from the browser, against next-auth's own endpoints. next-auth's client
 * `signIn()` cannot read our 429 answer (it expects a `url` in every body), so this small
 * function speaks the same protocol: fetch the CSRF token, post the form, read the outcome.
 */
import { NETWORK_ERROR_MESSAGE } from "@/lib/api-client";

export type SignInOutcome =
  | { ok: true; url: string }
  | { ok: false; reason: "CREDENTIALS" | "CAPTCHA_REQUIRED" | "CAPTCHA_INVALID" | "RATE_LIMITED" | "NETWORK"; message: string };

export const SIGN_IN_MESSAGES = {
  CREDENTIALS: "Data masuk tidak sesuai. Periksa kembali dan coba lagi.",
  CAPTCHA_REQUIRED: "Demi keamanan, isi captcha terlebih dahulu.",
  CAPTCHA_INVALID: "Kode captcha salah atau sudah kedaluwarsa. Silakan isi captcha yang baru.",
  RATE_LIMITED: "Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi nanti.",
} as const;

export async function signInWithCredentials(
  provider: "applicant" | "admin",
  fields: Record<string, string>,
  callbackUrl: string,
): Promise<SignInOutcome> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await fetch(`/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl, json: "true" }),
    });
    const body = (await response.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
    if (response.status === 429) {
      return { ok: false, reason: "RATE_LIMITED", message: body?.error?.message ?? SIGN_IN_MESSAGES.RATE_LIMITED };
    }
    const url = body?.url ? new URL(body.url, window.location.origin) : null;
    const error = url?.searchParams.get("error");
    if (!url || error) {
      const reason = error === "CAPTCHA_REQUIRED" || error === "CAPTCHA_INVALID" || error === "RATE_LIMITED" ? error : "CREDENTIALS";
      return { ok: false, reason, message: SIGN_IN_MESSAGES[reason] };
    }
    return { ok: true, url: url.pathname + url.search };
  } catch {
    return { ok: false, reason: "NETWORK", message: NETWORK_ERROR_MESSAGE };
  }
}

/** Signs out through next-auth (which also ends every other session: see authOptions' events). */
export async function signOut(callbackUrl: string): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
  } finally {
    window.location.assign(callbackUrl);
  }
}
