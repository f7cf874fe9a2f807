import { NextResponse, type NextRequest } from "next/server";
import {
  createNonce,
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from "@/server/content-security-policy";
import { env } from "@/server/env";
import { isSessionCookie } from "@/server/auth/session-cookies";

/**
 * Runs before every page (not API routes or static files, see `matcher`):
 * - gives the page its Content-Security-Policy with a fresh nonce (ADR 0012): Next reads the
 *   nonce from the request's CSP header and puts it on its scripts; every page renders per
 *   request (the root layout awaits `connection()`), so each response has its own;
 * - HSTS when APP_ENV=production;
 * - pages take no body (the app has no Server Actions): anything but GET and HEAD is 405. Next
 *   still reads such a body to its end before answering, keeping at most 64 KiB of it
 *   (`proxyClientMaxBodySize` in next.config.ts);
 * - sends visitors without a session cookie from the protected pages to the right sign-in page.
 *   A convenience only: every protected page and handler checks the session itself (middleware
 *   bypasses have happened).
 */
function isProtected(pathname: string): boolean {
  if (pathname === "/akun" || pathname.startsWith("/akun/")) return true;
  return pathname === "/admin" || (pathname.startsWith("/admin/") && !pathname.startsWith("/admin/masuk"));
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const production = env().APP_ENV === "production";
  // NODE_ENV is fixed by the Next build (development only under `next dev`), not configuration.
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", production });

  let response: NextResponse;
  const { pathname } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response = new NextResponse(null, { status: 405, headers: { Allow: "GET, HEAD" } });
  } else if (isProtected(pathname) && !request.cookies.getAll().some((cookie) => isSessionCookie(cookie.name))) {
    const target = new URL(pathname.startsWith("/admin") ? "/admin/masuk" : "/masuk", request.url);
    target.searchParams.set("callbackUrl", pathname);
    response = NextResponse.redirect(target);
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (production) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Every page; not the API (its answers get a fixed policy in next.config.ts, and a proxy would
// make Next buffer request bodies) nor Next's static files.
export const config = { matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico).*)"] };
