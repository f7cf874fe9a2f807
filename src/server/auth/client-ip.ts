import "server-only";

/**
 * The client's address as the reverse proxy reports it (X-Forwarded-For's first hop, or
 * X-Real-IP). Route handlers see no socket address; without a proxy these headers are whatever
 * the client sent, so the per-IP throttle is a second line only: the per-account one does not
 * depend on it.
 */
export function clientIp(header: (name: string) => string | null): string | null {
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || header("x-real-ip")?.trim() || "";
  return /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}
