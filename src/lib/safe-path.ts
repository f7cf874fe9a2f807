/** A same-site path to return to after sign-in, or the fallback (no open redirects). */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) && !value.includes("\\") ? value : fallback;
}
