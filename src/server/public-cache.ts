import "server-only";

/**
 * The public data every visitor reads — the agencies with their formation status and the
 * selection period's schedule — kept in memory for a short while, so the landing page, the
 * schedule and GET /api/agencies cost no database query per visit (SPEC "Running at national
 * scale": public pages). An admin's change invalidates this instance's copy at once; every other
 * instance reloads within `ttlMs` (1 s by default, `PUBLIC_CACHE_TTL_MS`). Concurrent readers of an
 * expired entry share one load; a failed load is not kept.
 *
 * `onInvalidate` tells the landing page's HTML cache (src/server/page-cache, ADR 0019) to drop its
 * page too. That cache's own render asks for `fresh` data (loaded now and kept), so a cached page
 * is never older than one TTL either, rather than a page's TTL on top of the data's.
 */
export type PublicCacheKey = "agencies" | "period";

export type PublicCache = {
  /** The kept value, else `load()`'s (kept for `ttlMs`); `fresh`: `load()`'s in any case, and kept. */
  get<T>(key: PublicCacheKey, load: () => Promise<T>, options?: { fresh?: boolean }): Promise<T>;
  invalidate(key: PublicCacheKey): void;
};

type Entry = { value: Promise<unknown>; expiresAt: number };

export function createPublicCache(ttlMs: number, now: () => number = () => performance.now(), onInvalidate: (key: PublicCacheKey) => void = () => {}): PublicCache {
  const entries = new Map<PublicCacheKey, Entry>();
  return {
    get<T>(key: PublicCacheKey, load: () => Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
      const entry = entries.get(key);
      if (entry && now() < entry.expiresAt && !options.fresh) return entry.value as Promise<T>;
      if (ttlMs <= 0) return load();
      const value = load();
      const fresh = { value, expiresAt: now() + ttlMs };
      entries.set(key, fresh);
      // A failed load is forgotten (only if it is still the current entry), so the next reader retries.
      value.catch(() => {
        if (entries.get(key) === fresh) entries.delete(key);
      });
      return value;
    },
    invalidate(key) {
      entries.delete(key);
      onInvalidate(key);
    },
  };
}
