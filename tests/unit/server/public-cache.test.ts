import { describe, expect, it } from "vitest";
import { createPublicCache } from "@/server/public-cache";

describe("the public cache", () => {
  it("loads once per TTL however many readers, and again after it", async () => {
    let t = 0;
    let loads = 0;
    const cache = createPublicCache(1000, () => t);
    const load = async () => ++loads;
    expect(await Promise.all([cache.get("agencies", load), cache.get("agencies", load), cache.get("agencies", load)])).toEqual([1, 1, 1]);
    t = 999;
    expect(await cache.get("agencies", load)).toBe(1);
    t = 1000;
    expect(await cache.get("agencies", load)).toBe(2);
    expect(loads).toBe(2);
  });

  it("forgets an entry when invalidated, and keeps the keys apart", async () => {
    const cache = createPublicCache(60_000, () => 0);
    let version = 1;
    expect(await cache.get("period", async () => version)).toBe(1);
    expect(await cache.get("agencies", async () => "agencies")).toBe("agencies");
    version = 2;
    expect(await cache.get("period", async () => version)).toBe(1);
    cache.invalidate("period");
    expect(await cache.get("period", async () => version)).toBe(2);
    expect(await cache.get("agencies", async () => "other")).toBe("agencies");
  });

  it("does not keep a failed load, and caches nothing with a TTL of 0", async () => {
    const cache = createPublicCache(60_000, () => 0);
    await expect(cache.get("period", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    await Promise.resolve();
    expect(await cache.get("period", async () => "back")).toBe("back");

    const none = createPublicCache(0, () => 0);
    let loads = 0;
    await none.get("agencies", async () => ++loads);
    await none.get("agencies", async () => ++loads);
    expect(loads).toBe(2);
  });

  it("loads a fresh read now and keeps it (the landing page's cache filling itself)", async () => {
    let t = 0;
    let loads = 0;
    const cache = createPublicCache(1000, () => t);
    const load = async () => ++loads;
    expect(await cache.get("agencies", load)).toBe(1);
    t = 500;
    expect(await cache.get("agencies", load, { fresh: true })).toBe(2);
    // Kept from its own load: readers see it until 1500.
    t = 1499;
    expect(await cache.get("agencies", load)).toBe(2);
    t = 1500;
    expect(await cache.get("agencies", load)).toBe(3);
  });

  it("tells onInvalidate which key an admin's change invalidated", () => {
    const invalidated: string[] = [];
    const cache = createPublicCache(1000, () => 0, (key) => invalidated.push(key));
    cache.invalidate("agencies");
    cache.invalidate("period");
    expect(invalidated).toEqual(["agencies", "period"]);
  });
});
