import { timingSafeEqual } from "node:crypto";

/**
 * What the page cache's parts share within one process (ADR 0019). The front door runs in the
 * instrumentation's bundle, the landing page and the admin's route handlers in the app's: Next
 * gives each bundle its own module instances, so they meet through one `globalThis` slot that
 * `installPageCache` (src/instrumentation.ts) fills at start. Without it (tests, `next dev`, a
 * bare `next start`) nothing is cached and these are no-ops.
 */
export const PAGE_CACHE_KEY = Symbol.for("sscasn.page-cache");

/** Request header of the cache's own render of the page, holding the process's secret. */
export const FILL_HEADER = "x-sscasn-page-fill";

export type InstalledPageCache = {
  /** Per process, random: only the cache's own requests carry it. */
  readonly secret: string;
  /** Drop the cached page (an admin's change). */
  invalidate(): void;
};

export function installedPageCache(): InstalledPageCache | undefined {
  return (globalThis as { [PAGE_CACHE_KEY]?: InstalledPageCache })[PAGE_CACHE_KEY];
}

/** The admin changed what public pages show: this instance's next visitor gets a new render. */
export function dropCachedPages(): void {
  installedPageCache()?.invalidate();
}

/**
 * Whether this request is the cache's own render of the page (FILL_HEADER with this process's
 * secret): that render reads the public data afresh, so the page it becomes is never older than
 * one TTL (src/server/public-cache.ts). A client's header, without the secret, is ignored.
 */
export function isPageCacheFill(value: string | null | undefined): boolean {
  const secret = installedPageCache()?.secret;
  if (!secret || !value) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
