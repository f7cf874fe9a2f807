import { describe, expect, it, vi } from "vitest";
import { pageContentSecurityPolicy } from "@/server/content-security-policy";
import type { RenderedPage } from "@/server/page-cache/cached-page";
import { createPageCache } from "@/server/page-cache/page-cache";

const NONCE = "gY5ebPAP51px3M4mU3L/PA==";

/** A render saying which one it was. */
function page(n: number, status = 200): RenderedPage {
  return {
    status,
    headers: { "content-type": "text/html", "content-security-policy": pageContentSecurityPolicy(NONCE, { development: false, production: false }) },
    body: Buffer.from(`<script nonce="${NONCE}"></script><p>render ${n}</p>`),
  };
}

function text(found: Awaited<ReturnType<ReturnType<typeof createPageCache>["lookup"]>>): string | null {
  return found ? found.answer("AAAAAAAAAAAAAAAAAAAAAA==", { gzip: false, ageSeconds: 0 }).body.toString().replace(/^.*<p>|<\/p>$/g, "") : null;
}

function setup(ttlMs: number, result: (n: number) => Promise<RenderedPage> = async (n) => page(n)) {
  let t = 0;
  let renders = 0;
  const log = vi.fn();
  const cache = createPageCache({ ttlMs, render: () => result(++renders), now: () => t, log });
  return { cache, log, renders: () => renders, at: (ms: number) => void (t = ms) };
}

describe("the page cache", () => {
  it("renders once for concurrent visitors, keeps the page for the TTL from the render's start, then renders again", async () => {
    const { cache, renders, at } = setup(1000);
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.lookup()));
    expect(new Set(answers.map(text))).toEqual(new Set(["render 1"]));
    expect(renders()).toBe(1);
    at(999);
    expect(text(await cache.lookup())).toBe("render 1");
    at(1000);
    expect(text(await cache.lookup())).toBe("render 2");
    expect(renders()).toBe(2);
  });

  it("keeps nothing and renders nothing with a TTL of 0", async () => {
    const { cache, renders } = setup(0);
    expect(cache.lookup()).toBeNull();
    expect(cache.lookup()).toBeNull();
    expect(renders()).toBe(0);
  });

  it("renders anew after an invalidation; a render under way then is answered to its visitors but not kept", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { cache, renders } = setup(60_000, async (n) => {
      if (n === 1) await gate;
      return page(n);
    });
    const before = cache.lookup();
    cache.invalidate();
    const after = cache.lookup();
    release();
    expect(text(await before)).toBe("render 1");
    expect(text(await after)).toBe("render 2");
    expect(text(await cache.lookup())).toBe("render 2");
    cache.invalidate();
    expect(text(await cache.lookup())).toBe("render 3");
    expect(renders()).toBe(3);
  });

  it("keeps neither a failed render nor one it may not keep, says why, and lets the app render for a TTL", async () => {
    const { cache, log, renders, at } = setup(1000, async (n) => {
      if (n === 1) throw new Error("connect ECONNREFUSED");
      return page(n, n === 2 ? 500 : 200);
    });
    expect(await cache.lookup()).toBeNull();
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining("the render failed (connect ECONNREFUSED)"));
    expect(cache.lookup()).toBeNull();
    at(1000);
    expect(await cache.lookup()).toBeNull();
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining("not kept (status 500)"));
    // An admin's change ends the pause at once.
    cache.invalidate();
    expect(text(await cache.lookup())).toBe("render 3");
    expect(renders()).toBe(3);
  });
});
