/**
 * The security headers of the production build (ADR 0012): pages carry a Content-Security-Policy
 * with a nonce that changes on every response and is the one on the page's scripts; API answers
 * carry a policy that allows nothing; both carry the other hardening headers. HSTS only with
 * APP_ENV=production (security-server.spec.ts starts such a server).
 */
import { expect, test } from "./fixtures";

const HARDENING = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "permissions-policy": "camera=(self), microphone=(), geolocation=()",
};

test.describe("security headers", () => {
  test("pages: a strict CSP with a fresh nonce each time, matching the page's scripts; no HSTS outside production", async ({ request }) => {
    const nonces: string[] = [];
    for (const path of ["/", "/", "/daftar/identitas", "/masuk", "/lupa-kata-sandi", "/admin/masuk", "/pemberitahuan/berhenti?hasil=berhasil", "/tidak-ada"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      const headers = response.headers();
      expect(headers).toMatchObject(HARDENING);
      expect(headers["strict-transport-security"]).toBeUndefined();
      const csp = headers["content-security-policy"] ?? "";
      // media-src 'self': the audio captcha plays /api/captcha/{id}/audio in an <audio>.
      for (const directive of ["'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "img-src 'self' data: blob:", "media-src 'self'"]) {
        expect(csp, path).toContain(directive);
      }
      expect(csp).not.toContain("unsafe-inline");
      // No JavaScript eval; WebAssembly compilation only ('wasm-unsafe-eval', the face detector's: ADR 0012).
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain("'wasm-unsafe-eval'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.push(nonce!);
      // Every script Next rendered carries this response's nonce, and no other.
      const html = await response.text();
      const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((match) => match[1]);
      expect(scriptNonces.length, path).toBeGreaterThan(0);
      expect(new Set(scriptNonces), path).toEqual(new Set([nonce]));
      expect(html.match(/<script\b(?![^>]*\bnonce=)[^>]*>/g) ?? [], path).toEqual([]);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("the protected pages still send visitors without a session to sign in, with the policy on the redirect", async ({ request }) => {
    for (const [path, target] of [["/akun", "/masuk?callbackUrl=%2Fakun"], ["/admin/audit", "/admin/masuk?callbackUrl=%2Fadmin%2Faudit"]] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers()["location"]).toContain(target);
      expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
    // The sign-in pages themselves are not redirected.
    expect((await request.get("/admin/masuk", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("API answers: a policy that allows nothing, and the same hardening headers", async ({ request }) => {
    for (const response of [
      await request.get("/api/registration-window"),
      await request.get("/api/agencies"),
      await request.post("/api/captcha"),
      await request.get("/api/registrations/202300000000000/card"),
      await request.get("/api/auth/csrf"),
      await request.get("/api/openapi.json"),
      await request.get("/api/agency-notifications/unsubscribe?token=x", { maxRedirects: 0 }),
    ]) {
      expect(response.status(), response.url()).toBeLessThan(500);
      expect(response.headers()).toMatchObject({ ...HARDENING, "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });
      expect(response.headers()["strict-transport-security"]).toBeUndefined();
    }
  });
});
