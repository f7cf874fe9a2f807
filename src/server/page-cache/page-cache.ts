import { toCachedPage, type CachedPage, type RenderedPage } from "@/server/page-cache/cached-page";

/**
 * One page kept in memory for `ttlMs` (PUBLIC_CACHE_TTL_MS) and rendered again when it expires or
 * an admin's change drops it (ADR 0019). Concurrent visitors of a missing page share one render;
 * a render that fails or may not be kept (./cached-page.ts) is not kept, and for the next `ttlMs`
 * every visitor is rendered for as before (so a broken render does not cost two renders a visit).
 *
 * A drop during a render wins: that render is answered to the visitors already waiting for it
 * (they asked before the change) but not kept, and the next visitor starts a render of its own.
 * The page expires `ttlMs` after its render began, and the render reads the data afresh
 * (`isPageCacheFill`), so a change made on another instance shows within `ttlMs`.
 */
export type PageCache = {
  /** The page to answer with, or null: let the app render this request itself. */
  lookup(): CachedPage | null | Promise<CachedPage | null>;
  /** Forget the page: the next visitor gets a new render. */
  invalidate(): void;
};

export type PageCacheOptions = {
  ttlMs: number;
  render: () => Promise<RenderedPage>;
  now?: () => number;
  /** Told why a render was not kept (never personal data: the page is public). */
  log?: (message: string) => void;
};

export function createPageCache({ ttlMs, render, now = () => performance.now(), log = console.error }: PageCacheOptions): PageCache {
  let generation = 0;
  let page: { value: CachedPage; generation: number } | undefined;
  let filling: { promise: Promise<CachedPage | null>; generation: number } | undefined;
  let failedUntil = -Infinity;

  function fill(): Promise<CachedPage | null> {
    const started = now();
    const at = generation;
    const promise = render().then(
      (rendered) => {
        const kept = toCachedPage(rendered, started);
        if ("refused" in kept) {
          log(`page cache: the render was not kept (${kept.refused}); rendering per visit for ${ttlMs} ms`);
          failedUntil = now() + ttlMs;
          return null;
        }
        if (at === generation) page = { value: kept, generation: at };
        return kept;
      },
      (error: unknown) => {
        log(`page cache: the render failed (${error instanceof Error ? error.message : String(error)}); rendering per visit for ${ttlMs} ms`);
        failedUntil = now() + ttlMs;
        return null;
      },
    );
    filling = { promise, generation: at };
    void promise.finally(() => {
      if (filling?.promise === promise) filling = undefined;
    });
    return promise;
  }

  return {
    lookup() {
      if (ttlMs <= 0) return null;
      const t = now();
      if (page && page.generation === generation && t < page.value.renderedAt + ttlMs) return page.value;
      if (t < failedUntil) return null;
      if (filling && filling.generation === generation) return filling.promise;
      return fill();
    },
    invalidate() {
      generation++;
      page = undefined;
      failedUntil = -Infinity;
    },
  };
}
