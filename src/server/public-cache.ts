import "server-only";

/**
 * The public data every visitor reads — the agencies with their formation status and the
 * selection period's schedule — kept in memory for a short while, so the landing page, the
 * schedule and GET /api/agencies cost no database query per visit (SPEC "Running at national
 * scale": public pages). An admin's change invalidates this instance's copy at once; every other
 * instance reloads within `ttlMs` (1 s by default, `PUBLIC_CACHE_TTL_MS`). Concurrent readers of an
 * expired entry share one load; a failed load is not kept.
 */
export type PublicCacheKey = "agencies" | "period";

export type PublicCache = {
  get<T>(key: PublicCacheKey, load: () => Promise<T>): Promise<T>;
  invalidate(key: PublicCacheKey): void;
};

type Entry = { value: Promise<unknown>; expiresAt: number };

export function createPublicCache(ttlMs: number, now: () => number = () => performance.now()): PublicCache {
  const entries = new Map<PublicCacheKey, Entry>();
  return {
    get<T>(key: PublicCacheKey, load: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && now() < entry.expiresAt) return entry.value as Promise<T>;
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
    },
  };
}
