import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends visitors without a session cookie to the right sign-in page. A convenience only: every
 * protected page and handler checks the session itself (middleware bypasses have happened).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest): NextResponse {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const admin = request.nextUrl.pathname.startsWith("/admin");
  const target = new URL(admin ? "/admin/masuk" : "/masuk", request.url);
  target.searchParams.set("callbackUrl", request.nextUrl.pathname);
  return NextResponse.redirect(target);
}

export const config = { matcher: ["/akun/:path*", "/admin", "/admin/((?!masuk).*)"] };
