import { describe, expect, it } from "vitest";
import {
  ageOn,
  compareDates,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  isRealDate,
  parseIsoDate,
} from "@/domain/calendar";

describe("isLeapYear", () => {
  it.each([
    [2000, true],
    [2024, true],
    [1996, true],
    [1900, false],
    [2100, false],
    [2023, false],
  ])("%i → %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe("daysInMonth", () => {
  it("knows the 30- and 31-day months and February", () => {
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe("isRealDate", () => {
  it("accepts real dates", () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2023, 12, 31)).toBe(true);
    expect(isRealDate(2023, 4, 30)).toBe(true);
  });

  it("refuses dates that do not exist", () => {
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2023, 4, 31)).toBe(false);
    expect(isRealDate(2023, 13, 1)).toBe(false);
    expect(isRealDate(2023, 0, 1)).toBe(false);
    expect(isRealDate(2023, 1, 0)).toBe(false);
    expect(isRealDate(2023, 1, 32)).toBe(false);
    expect(isRealDate(2023, 1.5, 1)).toBe(false);
    expect(isRealDate(Number.NaN, 1, 1)).toBe(false);
  });
});

describe("parseIsoDate / formatIsoDate", () => {
  it("parses YYYY-MM-DD into a calendar date", () => {
    expect(parseIsoDate("1995-08-17")).toEqual({ year: 1995, month: 8, day: 17 });
    expect(parseIsoDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(["2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "1995-8-17", "17-08-1995", "1995/08/17", " 1995-08-17", "1995-08-17T00:00:00Z", "", "abcd-ef-gh"])(
    "refuses %j",
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );

  it("formats with zero padding and round-trips", () => {
    expect(formatIsoDate({ year: 2001, month: 1, day: 5 })).toBe("2001-01-05");
    expect(formatIsoDate(parseIsoDate("1999-12-31")!)).toBe("1999-12-31");
  });
});

describe("compareDates", () => {
  it("orders by year, then month, then day", () => {
    expect(compareDates({ year: 2000, month: 1, day: 1 }, { year: 1999, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(compareDates({ year: 2000, month: 1, day: 31 }, { year: 2000, month: 2, day: 1 })).toBeLessThan(0);
    expect(compareDates({ year: 2000, month: 2, day: 3 }, { year: 2000, month: 2, day: 3 })).toBe(0);
  });
});

describe("ageOn", () => {
  const birth = { year: 2005, month: 10, day: 8 };

  it("counts completed years, turning older on the birthday itself", () => {
    expect(ageOn(birth, { year: 2023, month: 10, day: 7 })).toBe(17);
    expect(ageOn(birth, { year: 2023, month: 10, day: 8 })).toBe(18);
    expect(ageOn(birth, { year: 2023, month: 11, day: 1 })).toBe(18);
    expect(ageOn(birth, { year: 2023, month: 9, day: 30 })).toBe(17);
  });

  it("makes someone born on 29 February a year older on 1 March in non-leap years", () => {
    const leapling = { year: 2004, month: 2, day: 29 };
    expect(ageOn(leapling, { year: 2022, month: 2, day: 28 })).toBe(17);
    expect(ageOn(leapling, { year: 2022, month: 3, day: 1 })).toBe(18);
    expect(ageOn(leapling, { year: 2024, month: 2, day: 29 })).toBe(20);
  });
});
