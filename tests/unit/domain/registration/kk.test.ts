import { describe, expect, it } from "vitest";
import { type CalendarDate } from "@/domain/calendar";
import { KK_MESSAGES, buildKk, kkRecordingYear, parseKk } from "@/domain/registration/kk";

const CLOSING: CalendarDate = { year: 2023, month: 10, day: 8 };
// Coblong, Kota Bandung; recorded 25 May 2012; serial 0003.
const KK = "3273022505120003";

function expectRefused(input: string, message: string) {
  expect(parseKk(input, CLOSING)).toEqual({ ok: false, message });
}

describe("parseKk", () => {
  it("reads region, recording date and serial", () => {
    expect(parseKk(` ${KK} `, CLOSING)).toEqual({
      ok: true,
      value: { kk: KK, districtCode: "327302", recordedOn: { year: 2012, month: 5, day: 25 }, serial: "0003" },
    });
  });

  it("accepts historical region codes and 1990s recording dates", () => {
    const result = parseKk("9101011503980001", CLOSING);
    expect(result.ok && result.value.recordedOn).toEqual({ year: 1998, month: 3, day: 15 });
  });

  it("accepts a recording date on the reference date itself", () => {
    expect(parseKk("3273020810230001", CLOSING).ok).toBe(true);
  });

  it("asks for the number when empty", () => {
    expectRefused(" ", "Nomor KK wajib diisi.");
  });

  it.each(["327302250512000", "32730225051200031", "327302250512000O", "3273 022505120003", "3273-02-250512-0003"])(
    "refuses %j as not 16 digits",
    (input) => {
      expectRefused(input, "Nomor KK harus 16 digit angka.");
    },
  );

  it("refuses an unknown region code", () => {
    expectRefused("9901012505120003", "Kode wilayah pada nomor KK tidak dikenal.");
  });

  it("refuses recording dates that do not exist (and has no +40 rule)", () => {
    expectRefused("3273026505120003", "Tanggal pencatatan pada nomor KK tidak valid."); // day 65
    expectRefused("3273023102120003", KK_MESSAGES.recordedOn); // 31 Feb
    expectRefused("3273022913120003", KK_MESSAGES.recordedOn); // month 13
    expectRefused("3273020005120003", KK_MESSAGES.recordedOn); // day 00
    expectRefused("3273022902230003", KK_MESSAGES.recordedOn); // 29 Feb 2023
    expect(parseKk("3273022902200003", CLOSING).ok).toBe(true); // 29 Feb 2020
  });

  it("refuses a recording date after the reference date", () => {
    expectRefused("3273020910230003", "Tanggal pencatatan pada nomor KK tidak boleh di masa mendatang.");
    expectRefused("3273020111230003", KK_MESSAGES.future);
  });

  it("refuses serial 0000", () => {
    expectRefused("3273022505120000", "Nomor urut pada nomor KK tidak boleh 0000.");
  });
});

describe("kkRecordingYear", () => {
  it("reads YY up to the reference year as 20YY, later ones as 19YY", () => {
    expect(kkRecordingYear(0, CLOSING)).toBe(2000);
    expect(kkRecordingYear(23, CLOSING)).toBe(2023);
    expect(kkRecordingYear(24, CLOSING)).toBe(1924);
    expect(kkRecordingYear(98, CLOSING)).toBe(1998);
  });
});

describe("buildKk", () => {
  it("composes a number that parses back", () => {
    const kk = buildKk({ districtCode: "327302", recordedOn: { year: 2012, month: 5, day: 25 }, serial: 3 });
    expect(kk).toBe(KK);
    expect(parseKk(kk, CLOSING).ok).toBe(true);
  });

  it("refuses malformed parts", () => {
    expect(() => buildKk({ districtCode: "32730", recordedOn: { year: 2012, month: 5, day: 25 }, serial: 3 })).toThrow();
    expect(() => buildKk({ districtCode: "327302", recordedOn: { year: 2012, month: 2, day: 30 }, serial: 3 })).toThrow();
    expect(() => buildKk({ districtCode: "327302", recordedOn: { year: 2012, month: 5, day: 25 }, serial: "0000" })).toThrow();
  });
});
