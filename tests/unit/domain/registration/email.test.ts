import { describe, expect, it } from "vitest";
import { EMAIL_MAX, normalizeEmail } from "@/domain/registration/email";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Budi.Santoso+cpns@Gmail.COM ")).toEqual({ ok: true, value: "budi.santoso+cpns@gmail.com" });
  });

  it.each(["budi", "budi@", "@gmail.com", "budi@gmail", "budi @gmail.com", "budi@@gmail.com", "budi@gmail..com", "budi@-gmail.com"])(
    "refuses %j",
    (input) => {
      expect(normalizeEmail(input)).toEqual({ ok: false, message: "Format email tidak valid (contoh: nama@contoh.com)." });
    },
  );

  it("asks for an address when empty", () => {
    expect(normalizeEmail("  ")).toEqual({ ok: false, message: "Email wajib diisi." });
  });

  it("allows at most 254 characters", () => {
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.com`; // 195 characters
    const atLimit = `${"x".repeat(EMAIL_MAX - domain.length - 1)}@${domain}`;
    expect(atLimit).toHaveLength(254);
    expect(normalizeEmail(atLimit).ok).toBe(true);
    expect(normalizeEmail(`x${atLimit}`)).toEqual({ ok: false, message: "Email maksimal 254 karakter." });
  });
});
