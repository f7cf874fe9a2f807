import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/domain/errors";
import {
  CPNS_2023_ORIGINAL_OPENS_AT,
  CPNS_2023_PERIOD,
  assertRegistrationOpen,
  closingDate,
  formatWib,
  formatWibDate,
  registrationWindowStatus,
  toWibCalendarDate,
} from "@/domain/registration/window";

const at = (iso: string) => new Date(iso);

describe("CPNS 2023 period", () => {
  it("opens 20 September 00:00 and closes 8 October 23:59:59 WIB", () => {
    expect(CPNS_2023_PERIOD.opensAt.toISOString()).toBe("2023-09-19T17:00:00.000Z");
    expect(CPNS_2023_PERIOD.closesAt.toISOString()).toBe("2023-10-08T16:59:59.000Z");
    expect(CPNS_2023_ORIGINAL_OPENS_AT.toISOString()).toBe("2023-09-16T17:00:00.000Z");
  });

  it("has 8 October as its closing date", () => {
    expect(closingDate(CPNS_2023_PERIOD)).toEqual({ year: 2023, month: 10, day: 8 });
  });
});

describe("registrationWindowStatus", () => {
  it.each([
    ["2023-09-19T23:59:59+07:00", "upcoming"],
    ["2023-09-19T23:59:59.999+07:00", "upcoming"],
    ["2023-09-20T00:00:00+07:00", "open"],
    ["2023-10-01T12:00:00+07:00", "open"],
    ["2023-10-08T23:59:59+07:00", "open"],
    ["2023-10-08T23:59:59.001+07:00", "closed"],
    ["2023-10-09T00:00:00+07:00", "closed"],
  ] as const)("%s is %s", (iso, status) => {
    expect(registrationWindowStatus(at(iso), CPNS_2023_PERIOD)).toBe(status);
  });
});

describe("assertRegistrationOpen", () => {
  it("passes while open", () => {
    expect(() => assertRegistrationOpen(at("2023-09-20T00:00:00+07:00"), CPNS_2023_PERIOD)).not.toThrow();
  });

  it("refuses before opening, naming the opening time in WIB", () => {
    let error: unknown;
    try {
      assertRegistrationOpen(at("2023-09-17T08:00:00+07:00"), CPNS_2023_PERIOD);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "REGISTRATION_NOT_OPEN",
      status: 403,
      message: "Pendaftaran belum dibuka. Pendaftaran dibuka pada 20 September 2023 pukul 00.00 WIB.",
    });
  });

  it("refuses after closing", () => {
    expect(() => assertRegistrationOpen(at("2023-10-09T00:00:00+07:00"), CPNS_2023_PERIOD)).toThrow(
      expect.objectContaining({
        code: "REGISTRATION_CLOSED",
        status: 403,
        message: "Pendaftaran sudah ditutup pada 8 Oktober 2023 pukul 23.59 WIB.",
      }),
    );
  });
});

describe("WIB formatting", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("formats in Indonesian with the time written 00.00", () => {
    expect(formatWib(CPNS_2023_PERIOD.opensAt)).toBe("20 September 2023 pukul 00.00 WIB");
    expect(formatWib(CPNS_2023_PERIOD.closesAt)).toBe("8 Oktober 2023 pukul 23.59 WIB");
    expect(formatWib(at("2024-01-01T02:05:00Z"))).toBe("1 Januari 2024 pukul 09.05 WIB");
    expect(formatWibDate(at("2023-05-31T17:00:00Z"))).toBe("1 Juni 2023");
  });

  it("uses WIB whatever the process time zone", () => {
    for (const tz of ["UTC", "America/Los_Angeles", "Asia/Jakarta", "Pacific/Kiritimati"]) {
      process.env.TZ = tz;
      expect(formatWib(CPNS_2023_PERIOD.opensAt)).toBe("20 September 2023 pukul 00.00 WIB");
      expect(toWibCalendarDate(at("2023-10-08T16:59:59Z"))).toEqual({ year: 2023, month: 10, day: 8 });
      expect(toWibCalendarDate(at("2023-10-08T17:00:00Z"))).toEqual({ year: 2023, month: 10, day: 9 });
    }
  });

  it("rolls the date over at 17:00 UTC, including at month and year ends", () => {
    expect(toWibCalendarDate(at("2023-12-31T16:59:59Z"))).toEqual({ year: 2023, month: 12, day: 31 });
    expect(toWibCalendarDate(at("2023-12-31T17:00:00Z"))).toEqual({ year: 2024, month: 1, day: 1 });
  });

  it("names every month in Indonesian", () => {
    const months = Array.from({ length: 12 }, (_, i) => formatWibDate(new Date(Date.UTC(2023, i, 15))).split(" ")[1]);
    expect(months).toEqual([
      "Januari",
      "Februari",
      "Maret",
      "April",
      "Mei",
      "Juni",
      "Juli",
      "Agustus",
      "September",
      "Oktober",
      "November",
      "Desember",
    ]);
  });
});
