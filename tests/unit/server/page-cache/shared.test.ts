import { afterEach, describe, expect, it, vi } from "vitest";
import { installPageCache } from "@/server/page-cache/install";
import { dropCachedPages, isPageCacheFill, PAGE_CACHE_KEY } from "@/server/page-cache/shared";

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[PAGE_CACHE_KEY];
});

describe("the page cache across bundles", () => {
  it("knows its own render by the process's secret, and nothing else", () => {
    expect(isPageCacheFill("anything")).toBe(false);
    const { secret } = installPageCache(1000);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(isPageCacheFill(secret)).toBe(true);
    expect(isPageCacheFill(`${secret.slice(0, -1)}x`)).toBe(false);
    expect(isPageCacheFill(secret.slice(1))).toBe(false);
    expect(isPageCacheFill(null)).toBe(false);
    expect(isPageCacheFill("")).toBe(false);
    expect(installPageCache(1000).secret).not.toBe(secret);
  });

  it("drops the front door's page on an admin's change, and does nothing when no cache is installed", async () => {
    expect(() => dropCachedPages()).not.toThrow();
    const installation = installPageCache(1000);
    const door = installation.frontDoor(() => {});
    expect(installation.frontDoor(() => {})).toBe(door);
    const invalidate = vi.spyOn(door, "invalidate");
    dropCachedPages();
    expect(invalidate).toHaveBeenCalledTimes(1);
    await door.close();
  });
});
