import { describe, expect, it } from "vitest";
import { CAPTCHA_ANSWER_MAX, captchaSchema } from "@/schemas/captcha";
import { zodIssuesToFieldErrors } from "@/schemas/index";
import { reviewSchema } from "@/schemas/review";

const ID = "3f1c9a7e-2b4d-4e8f-9a1b-0c2d3e4f5a6b";

describe("captchaSchema", () => {
  it("trims the id and the answer", () => {
    expect(captchaSchema.parse({ captchaId: ` ${ID} `, captchaAnswer: " aB3dE " })).toEqual({ captchaId: ID, captchaAnswer: "aB3dE" });
  });

  it("refuses ids that are not token-like", () => {
    for (const captchaId of ["", "short", "../../etc/passwd", "x".repeat(65), `${ID};drop`]) {
      const result = captchaSchema.safeParse({ captchaId, captchaAnswer: "abc" });
      expect(result.success).toBe(false);
      expect(zodIssuesToFieldErrors(result.error!)).toEqual({ captchaId: ["Captcha tidak valid. Muat ulang captcha."] });
    }
  });

  it("requires an answer of 1 to 12 characters", () => {
    const errors = (captchaAnswer: unknown) => {
      const result = captchaSchema.safeParse({ captchaId: ID, captchaAnswer });
      return result.success ? {} : zodIssuesToFieldErrors(result.error);
    };
    expect(errors("   ")).toEqual({ captchaAnswer: ["Isi kode captcha."] });
    expect(errors(undefined)).toEqual({ captchaAnswer: ["Isi kode captcha."] });
    expect(errors("a")).toEqual({});
    expect(errors("x".repeat(CAPTCHA_ANSWER_MAX))).toEqual({});
    expect(errors("x".repeat(CAPTCHA_ANSWER_MAX + 1))).toEqual({ captchaAnswer: ["Kode captcha maksimal 12 karakter."] });
  });
});

describe("reviewSchema", () => {
  it("accepts only an explicit confirmation", () => {
    expect(reviewSchema.parse({ confirm: true })).toEqual({ confirm: true });
    for (const confirm of [false, "true", 1, undefined]) {
      const result = reviewSchema.safeParse({ confirm });
      expect(result.success).toBe(false);
      expect(zodIssuesToFieldErrors(result.error!)).toEqual({
        confirm: ['Pastikan data Anda sudah benar dan konfirmasi dengan memilih "Iya".'],
      });
    }
  });
});
