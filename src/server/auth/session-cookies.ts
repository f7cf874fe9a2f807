/**
 * next-auth's session cookie, by its two names (`__Secure-` behind HTTPS). next-auth splits a token
 * too long for one cookie into `<name>.0`, `<name>.1` …, so those count too. Read by the proxy (the
 * sign-in redirect) and the page cache (never a cached page for a signed-in visitor). No
 * server-only import: the proxy uses this too.
 */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIES.some((session) => name === session || name.startsWith(`${session}.`));
}

/** Whether a Cookie request header carries a session cookie. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => isSessionCookie(pair.split("=", 1)[0]!.trim()));
}
