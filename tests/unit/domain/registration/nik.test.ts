import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CalendarDate, isRealDate } from "@/domain/calendar";
import {
  GENDER_LABELS,
  NIK_MESSAGES,
  buildNik,
  genderFromNik,
  nikBirthYear,
  nikMatchesBirthDate,
  parseNik,
} from "@/domain/registration/nik";
import { currentDistrictCodes } from "@/domain/registration/region-codes";

const CLOSING: CalendarDate = { year: 2023, month: 10, day: 8 };
// Gambir, Jakarta Pusat; born 17 Aug 1995; serial 0001.
const MALE = "3171011708950001";
const FEMALE = "3171015708950002";

function expectRefused(input: string, message: string, reference: CalendarDate = CLOSING) {
  expect(parseNik(input, reference)).toEqual({ ok: false, message });
}

describe("parseNik: accepted NIKs", () => {
  it("reads region, birth date, gender and serial of a man's NIK", () => {
    expect(parseNik(MALE, CLOSING)).toEqual({
      ok: true,
      value: {
        nik: MALE,
        districtCode: "317101",
        birthDate: { year: 1995, month: 8, day: 17 },
        gender: "LAKI_LAKI",
        serial: "0001",
      },
    });
  });

  it("reads a woman's NIK, whose day is the birth day plus 40", () => {
    const result = parseNik(FEMALE, CLOSING);
    expect(result.ok && result.value.birthDate).toEqual({ year: 1995, month: 8, day: 17 });
    expect(result.ok && result.value.gender).toBe("PEREMPUAN");
  });

  it("ignores surrounding whitespace only", () => {
    const result = parseNik(`  ${MALE}\t\n`, CLOSING);
    expect(result.ok && result.value.nik).toBe(MALE);
  });

  it("accepts the day bounds 01, 31, 41 and 71", () => {
    expect(parseNik("3171010101900001", CLOSING).ok).toBe(true);
    expect(parseNik("3171013101900001", CLOSING).ok).toBe(true);
    expect(parseNik("3171014101900001", CLOSING).ok).toBe(true);
    expect(parseNik("3171017101900001", CLOSING).ok).toBe(true);
  });

  it("accepts serial 9999", () => {
    expect(parseNik("3171011708959999", CLOSING).ok).toBe(true);
  });

  it("accepts a NIK issued under a region code from before a province split", () => {
    const merauke = parseNik("9101011708950001", CLOSING);
    expect(merauke.ok && merauke.value.districtCode).toBe("910101");
    expect(parseNik("9301011708950001", CLOSING).ok).toBe(true);
  });
});

describe("parseNik: refused NIKs", () => {
  it("asks for a NIK when empty", () => {
    expectRefused("", "NIK wajib diisi.");
    expectRefused("   ", NIK_MESSAGES.required);
  });

  it.each([
    ["15 digits", "317101170895001"],
    ["17 digits", "31710117089500011"],
    ["a letter", "317101170895000A"],
    ["an inner space", "3171 011708950001"],
    ["dashes", "3171-01-170895-0001"],
    ["a sign", "+317101170895001"],
    ["full-width digits", "３１７１０１１７０８９５０００１"],
    ["Arabic-Indic digits", "٣١٧١٠١١٧٠٨٩٥٠٠٠١"],
    ["a decimal point", "317101170895000.1"],
  ])("refuses %s", (_, input) => {
    expectRefused(input, "NIK harus 16 digit angka.");
  });

  it("refuses an unknown region code", () => {
    expectRefused("9901011708950001", "Kode wilayah pada NIK tidak dikenal.");
    expectRefused("3171991708950001", NIK_MESSAGES.region);
    expectRefused("0000001708950001", NIK_MESSAGES.region);
  });

  it.each(["00", "32", "35", "40", "72", "80", "99"])("refuses day field %s", (dd) => {
    expectRefused(`317101${dd}0895` + "0001", "Tanggal lahir pada NIK tidak valid.");
  });

  it.each(["00", "13", "19", "99"])("refuses month %s", (mm) => {
    expectRefused(`31710117${mm}950001`, NIK_MESSAGES.birthDate);
  });

  it("refuses days that do not exist in the month, for men and women", () => {
    expectRefused("3171013104950001", NIK_MESSAGES.birthDate); // 31 April
    expectRefused("3171017104950001", NIK_MESSAGES.birthDate); // 31 April, woman
    expectRefused("3171013002950001", NIK_MESSAGES.birthDate); // 30 February
  });

  it("judges 29 February in the chosen century", () => {
    // YY=00 reads as 2000 (a leap year) before a 2023 reference...
    const leap = parseNik("3171012902000001", CLOSING);
    expect(leap.ok && leap.value.birthDate).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseNik("3171016902000001", CLOSING).ok).toBe(true);
    // ...but as 1900 (not leap) when the reference is before 29 Feb 2000.
    expectRefused("3171012902000001", NIK_MESSAGES.birthDate, { year: 1999, month: 12, day: 31 });
    expectRefused("3171012902950001", NIK_MESSAGES.birthDate); // 1995 is not leap
    expect(parseNik("3171012902960001", CLOSING).ok).toBe(true);
  });

  it("refuses serial 0000", () => {
    expectRefused("3171011708950000", "Nomor urut pada NIK tidak boleh 0000.");
  });

  it("reports the first problem in reading order: format, region, date, serial", () => {
    expectRefused("9999999999990000", NIK_MESSAGES.region);
    expectRefused("3171019999990000", NIK_MESSAGES.birthDate);
  });
});

describe("century of the birth year", () => {
  it("reads YY as 20YY when that date is not after the reference date", () => {
    expect(nikBirthYear(5, 1, 1, CLOSING)).toBe(2005);
    expect(nikBirthYear(0, 1, 1, CLOSING)).toBe(2000);
    expect(nikBirthYear(23, 10, 8, CLOSING)).toBe(2023);
  });

  it("reads YY as 19YY when 20YY would be in the future", () => {
    expect(nikBirthYear(23, 10, 9, CLOSING)).toBe(1923);
    expect(nikBirthYear(24, 1, 1, CLOSING)).toBe(1924);
    expect(nikBirthYear(95, 8, 17, CLOSING)).toBe(1995);
    expect(nikBirthYear(99, 12, 31, CLOSING)).toBe(1999);
  });

  it("gives a 2005 birth date, not 1905 (public parsers get this wrong)", () => {
    const result = parseNik("3171010105050001", CLOSING);
    expect(result.ok && result.value.birthDate.year).toBe(2005);
  });
});

describe("nikMatchesBirthDate", () => {
  const birth = { year: 1995, month: 8, day: 17 };

  it("matches DDMMYY for men and women", () => {
    expect(nikMatchesBirthDate(MALE, birth)).toBe(true);
    expect(nikMatchesBirthDate(FEMALE, birth)).toBe(true);
    expect(nikMatchesBirthDate(` ${MALE} `, birth)).toBe(true);
  });

  it("takes the century from the entered date", () => {
    expect(nikMatchesBirthDate("3171010101050001", { year: 2005, month: 1, day: 1 })).toBe(true);
    expect(nikMatchesBirthDate("3171010101050001", { year: 1905, month: 1, day: 1 })).toBe(true);
  });

  it("refuses any difference in day, month or year", () => {
    expect(nikMatchesBirthDate(MALE, { ...birth, day: 18 })).toBe(false);
    expect(nikMatchesBirthDate(MALE, { ...birth, month: 9 })).toBe(false);
    expect(nikMatchesBirthDate(MALE, { ...birth, year: 1996 })).toBe(false);
    expect(nikMatchesBirthDate(MALE, { ...birth, year: 1985 })).toBe(false);
  });

  it("refuses malformed NIKs and day fields outside both ranges", () => {
    expect(nikMatchesBirthDate("31710117089500", birth)).toBe(false);
    expect(nikMatchesBirthDate("3171019708950001", { year: 1995, month: 8, day: 57 })).toBe(false);
  });
});

describe("buildNik", () => {
  it("composes PP KK CC DDMMYY SSSS with +40 for women", () => {
    expect(buildNik({ districtCode: "317101", birthDate: { year: 1995, month: 8, day: 17 }, gender: "LAKI_LAKI", serial: 1 })).toBe(MALE);
    expect(buildNik({ districtCode: "317101", birthDate: { year: 1995, month: 8, day: 17 }, gender: "PEREMPUAN", serial: "0002" })).toBe(FEMALE);
  });

  it("refuses malformed parts", () => {
    const good = { districtCode: "317101", birthDate: { year: 1995, month: 8, day: 17 }, gender: "LAKI_LAKI" as const, serial: 1 };
    expect(() => buildNik({ ...good, districtCode: "3171" })).toThrow();
    expect(() => buildNik({ ...good, serial: 0 })).toThrow();
    expect(() => buildNik({ ...good, serial: 10000 })).toThrow();
    expect(() => buildNik({ ...good, birthDate: { year: 1995, month: 2, day: 30 } })).toThrow();
  });
});

describe("gender", () => {
  it("has Indonesian labels and is derived from the day field", () => {
    expect(GENDER_LABELS).toEqual({ LAKI_LAKI: "Laki-laki", PEREMPUAN: "Perempuan" });
    expect(genderFromNik(MALE)).toBe("LAKI_LAKI");
    expect(genderFromNik(FEMALE)).toBe("PEREMPUAN");
  });
});

describe("properties", () => {
  const districts = currentDistrictCodes();
  const birthDate = fc
    .record({ year: fc.integer({ min: 1950, max: 2005 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => isRealDate(year, month, day));
  const gender = fc.constantFrom("LAKI_LAKI" as const, "PEREMPUAN" as const);
  const serial = fc.integer({ min: 1, max: 9999 });

  it("a NIK built from any known district, birth date (1950–2005) and gender parses back to them", () => {
    fc.assert(
      fc.property(fc.constantFrom(...districts), birthDate, gender, serial, (districtCode, date, g, s) => {
        const nik = buildNik({ districtCode, birthDate: date, gender: g, serial: s });
        const result = parseNik(nik, CLOSING);
        expect(result).toEqual({
          ok: true,
          value: { nik, districtCode, birthDate: date, gender: g, serial: String(s).padStart(4, "0") },
        });
        expect(nikMatchesBirthDate(nik, date)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("any 16-character string that is not all ASCII digits is refused as malformed", () => {
    // fast-check's "binary" unit is slow; this covers the same range of code points.
    const anyCodePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => cp < 0xd800 || cp > 0xdfff)
      .map((cp) => String.fromCodePoint(cp));
    const notAllDigits = fc
      .oneof(
        fc.string({ minLength: 16, maxLength: 16, unit: anyCodePoint }),
        fc.string({ minLength: 16, maxLength: 16, unit: "binary-ascii" }),
        fc.string({ minLength: 16, maxLength: 16, unit: fc.constantFrom(..."0123456789 abO-") }),
      )
      .filter((s) => !/^[0-9]{16}$/.test(s.trim()) && s.trim() !== "");
    fc.assert(
      fc.property(notAllDigits, (input) => {
        expect(parseNik(input, CLOSING)).toEqual({ ok: false, message: NIK_MESSAGES.format });
      }),
      { numRuns: 500 },
    );
    // Also with exactly one non-digit among digits, the likeliest typo.
    fc.assert(
      fc.property(
        fc.string({ minLength: 16, maxLength: 16, unit: fc.constantFrom(..."0123456789") }),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom("a", "O", "l", " ", "-", ".", "٣", "１"),
        (digits, at, intruder) => {
          const input = digits.slice(0, at) + intruder + digits.slice(at + 1);
          expect(parseNik(input, CLOSING).ok).toBe(false);
          if (at > 0 && at < 15) expect(parseNik(input, CLOSING)).toEqual({ ok: false, message: NIK_MESSAGES.format });
        },
      ),
    );
  });

  it("day fields 32–40 and 72–99 are always refused", () => {
    const badDay = fc.oneof(fc.integer({ min: 32, max: 40 }), fc.integer({ min: 72, max: 99 }));
    fc.assert(
      fc.property(fc.constantFrom(...districts), badDay, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), serial, (district, dd, mm, yy, s) => {
        const nik = `${district}${dd}${String(mm).padStart(2, "0")}${String(yy).padStart(2, "0")}${String(s).padStart(4, "0")}`;
        expect(parseNik(nik, CLOSING)).toEqual({ ok: false, message: NIK_MESSAGES.birthDate });
      }),
    );
  });
});
