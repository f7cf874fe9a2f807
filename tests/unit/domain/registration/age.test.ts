import { describe, expect, it } from "vitest";
import { AGE_WARNING_ABOVE, MIN_AGE, checkAge } from "@/domain/registration/age";

const CLOSING = { year: 2023, month: 10, day: 8 };

describe("checkAge", () => {
  it("has the limits of CPNS 2023", () => {
    expect(MIN_AGE).toBe(18);
    expect(AGE_WARNING_ABOVE).toBe(35);
  });

  it("refuses an applicant who is not yet 18 on the closing date", () => {
    expect(checkAge({ year: 2005, month: 10, day: 9 }, CLOSING)).toEqual({
      ok: false,
      age: 17,
      message: "Usia minimal 18 tahun pada tanggal penutupan pendaftaran.",
    });
  });

  it("accepts an applicant who turns 18 on the closing date", () => {
    expect(checkAge({ year: 2005, month: 10, day: 8 }, CLOSING)).toEqual({ ok: true, age: 18, warning: null });
  });

  it("accepts 35 without a warning", () => {
    expect(checkAge({ year: 1987, month: 10, day: 9 }, CLOSING)).toEqual({ ok: true, age: 35, warning: null });
  });

  it("warns, without refusing, from 36 on", () => {
    const result = checkAge({ year: 1987, month: 10, day: 8 }, CLOSING);
    expect(result.ok).toBe(true);
    expect(result.age).toBe(36);
    expect(result.ok && result.warning).toBe(
      "Usia Anda lebih dari 35 tahun pada tanggal penutupan pendaftaran. Sebagian besar formasi membatasi usia paling tinggi 35 tahun (40 tahun untuk formasi tertentu). Pastikan formasi yang Anda tuju menerima usia Anda.",
    );
    expect(checkAge({ year: 1960, month: 1, day: 1 }, CLOSING).ok).toBe(true);
  });

  it("treats someone born on 29 February as 18 only from 1 March", () => {
    const leapling = { year: 2004, month: 2, day: 29 };
    expect(checkAge(leapling, { year: 2022, month: 2, day: 28 }).ok).toBe(false);
    expect(checkAge(leapling, { year: 2022, month: 3, day: 1 }).ok).toBe(true);
  });
});
