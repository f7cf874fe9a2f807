/**
 * The Content-Security-Policy of pages and of API answers (ADR 0012). Pages get a fresh nonce per
 * request (src/proxy.ts), which Next puts on its own scripts and inline styles; 'strict-dynamic'
 * lets those scripts load the app's chunks and nothing else. No server-only import: the proxy
 * uses this too.
 */
export type PagePolicyOptions = {
  /** `next dev` needs eval (React's error overlays) and inline styles. */
  development: boolean;
  /** Behind HTTPS in production: upgrade any http: subresource. */
  production: boolean;
};

export function pageContentSecurityPolicy(nonce: string, { development, production }: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' compiles WebAssembly only (never a JS eval): the selfie's face detector
    // (TensorFlow.js inside Human, ADR 0015) probes for it. On every page, because the wizard is
    // reached by client-side navigation, which keeps the first page's policy.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // data: for the captcha (an SVG data URL), blob: for the photo previews and the compressor.
    "img-src 'self' data: blob:",
    // The webcam preview is a MediaStream (srcObject); blob: in case a browser hands it as a URL.
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    // blob: URLs are made by this page from its own photos and never leave the browser.
    "connect-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers are data, never documents: nothing may load from or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a year, subdomains included; sent only when APP_ENV=production (always HTTPS there). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** 128 random bits, base64: unguessable and unique per response. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
