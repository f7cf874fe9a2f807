import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Combine, crc32CombineOperator } from "@/server/page-cache/crc32";

describe("CRC-32 and its combination", () => {
  it("agrees with zlib, and combines any split of a text into its checksum", () => {
    const text = Buffer.from(Array.from({ length: 5000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 90))).join(""));
    expect(crc32(text)).toBe(zlib.crc32(text));
    expect(crc32(Buffer.alloc(0))).toBe(0);
    for (const at of [0, 1, 24, 1000, 4096, 4999, 5000]) {
      const [a, b] = [text.subarray(0, at), text.subarray(at)];
      expect(crc32Combine(crc32(a), crc32(b), crc32CombineOperator(b.length)), `split at ${at}`).toBe(zlib.crc32(text));
    }
  });
});
