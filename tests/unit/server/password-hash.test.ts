import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, DUMMY_HASH, hashSecret, verifySecretOrDummy } from "@/server/auth/password-hash";

describe("the dummy hash", () => {
  it("has the parameters real hashes get, so verifying against it costs the same", async () => {
    const params = (hash: string) => hash.split("$")[3];
    expect(params(DUMMY_HASH)).toBe(`m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}`);
    expect(params(await hashSecret("kuda lari di sawah hijau pagi"))).toBe(params(DUMMY_HASH));
  });

  it("never passes, and a real hash still does", async () => {
    expect(await verifySecretOrDummy(null, "")).toBe(false);
    expect(await verifySecretOrDummy(undefined, "apa saja")).toBe(false);
    expect(await verifySecretOrDummy(await hashSecret("apa saja boleh"), "apa saja boleh")).toBe(true);
  });
});
