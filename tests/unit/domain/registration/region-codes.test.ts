import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  HISTORICAL_REGENCIES,
  currentDistrictCodes,
  currentRegencyCode,
  isKnownDistrictCode,
  isKnownProvinceCode,
  isKnownRegencyCode,
} from "@/domain/registration/region-codes";
import { OUTPUT_PATH, csvRows, readIdnAreaData, renderRegionCodes } from "../../../../scripts/generate-region-codes";

const data = readIdnAreaData();
const regencyNames = new Map(csvRows(data.regenciesCsv).map(([code = "", , name = ""]) => [code.replace(".", ""), name]));
const districtCodes = csvRows(data.districtsCsv).map(([code = ""]) => code.replaceAll(".", ""));

describe("generated region-code table", () => {
  it("is exactly what the generator renders from the installed idn-area-data (run `npx tsx scripts/generate-region-codes.ts`)", () => {
    expect(readFileSync(OUTPUT_PATH, "utf8")).toBe(renderRegionCodes(data));
  });

  it("records the ODbL licence of its source", () => {
    expect(readFileSync(OUTPUT_PATH, "utf8")).toContain("Open Database License (ODbL)");
  });

  it("stays small enough to ship to the browser", () => {
    expect(readFileSync(OUTPUT_PATH).byteLength).toBeLessThan(80 * 1024);
  });

  it("knows every current district, regency and province of the source, and nothing else", () => {
    expect(new Set(currentDistrictCodes())).toEqual(new Set(districtCodes));
    expect(districtCodes.length).toBeGreaterThan(7000);
    for (const code of districtCodes) expect(isKnownDistrictCode(code)).toBe(true);
    for (const code of regencyNames.keys()) expect(isKnownRegencyCode(code)).toBe(true);
    for (const [code = ""] of csvRows(data.provincesCsv)) expect(isKnownProvinceCode(code)).toBe(true);
  });
});

describe("isKnownDistrictCode", () => {
  it("accepts current districts", () => {
    expect(isKnownDistrictCode("317101")).toBe(true); // Gambir, Jakarta Pusat
    expect(isKnownDistrictCode("930101")).toBe(true); // Merauke, Papua Selatan
  });

  it("accepts a district under its regency's code from before a province split", () => {
    expect(isKnownDistrictCode("910101")).toBe(true); // Merauke under old Papua
    expect(isKnownDistrictCode("910122")).toBe(true); // Kontuar, the last district of Merauke
    expect(isKnownDistrictCode("927101")).toBe(true); // Kota Sorong under old Papua Barat
    expect(isKnownDistrictCode("647301")).toBe(true); // Tarakan under old Kalimantan Timur
  });

  it("refuses districts its (historical) regency does not have", () => {
    expect(isKnownDistrictCode("910123")).toBe(false); // Merauke has 22 districts
    expect(isKnownDistrictCode("317199")).toBe(false);
    expect(isKnownDistrictCode("317100")).toBe(false);
  });

  it("refuses codes of regions that never existed", () => {
    expect(isKnownDistrictCode("990101")).toBe(false);
    expect(isKnownDistrictCode("000000")).toBe(false);
    expect(isKnownDistrictCode("919901")).toBe(false);
  });

  it("refuses malformed input", () => {
    for (const code of ["31710", "3171011", "31.71.01", "31710a", "", " 317101"]) {
      expect(isKnownDistrictCode(code)).toBe(false);
    }
  });
});

describe("isKnownRegencyCode / isKnownProvinceCode", () => {
  it("accepts current and historical regencies", () => {
    expect(isKnownRegencyCode("3273")).toBe(true);
    expect(isKnownRegencyCode("9301")).toBe(true);
    expect(isKnownRegencyCode("9101")).toBe(true);
    expect(isKnownRegencyCode("9271")).toBe(true);
  });

  it("refuses unknown or malformed regency codes", () => {
    expect(isKnownRegencyCode("9199")).toBe(false);
    expect(isKnownRegencyCode("3200")).toBe(false);
    expect(isKnownRegencyCode("32.73")).toBe(false);
    expect(isKnownRegencyCode("327")).toBe(false);
  });

  it("accepts the 38 current provinces only", () => {
    expect(isKnownProvinceCode("11")).toBe(true);
    expect(isKnownProvinceCode("96")).toBe(true);
    expect(isKnownProvinceCode("10")).toBe(false);
    expect(isKnownProvinceCode("99")).toBe(false);
    expect(isKnownProvinceCode("1")).toBe(false);
    expect(csvRows(data.provincesCsv)).toHaveLength(38);
  });
});

describe("HISTORICAL_REGENCIES", () => {
  it.each(HISTORICAL_REGENCIES.map((r) => [r.oldCode, r.currentCode, r.name]))(
    "%s now %s is %s in idn-area-data",
    (oldCode, currentCode, name) => {
      expect(regencyNames.get(currentCode)).toBe(name);
      // The old code is free today, so it cannot be confused with a current regency.
      expect(regencyNames.has(oldCode)).toBe(false);
      expect(isKnownProvinceCode(oldCode.slice(0, 2))).toBe(true);
      expect(currentRegencyCode(oldCode)).toBe(currentCode);
    },
  );

  it("covers every regency that Papua and Papua Barat lost in 2022", () => {
    const movedFrom91And92 = [...regencyNames.keys()].filter((code) => /^9[3-6]/.test(code));
    const mapped = new Set(HISTORICAL_REGENCIES.map((r) => r.currentCode));
    for (const code of movedFrom91And92) expect(mapped.has(code)).toBe(true);
  });

  it("has no duplicate old or current codes", () => {
    const olds = HISTORICAL_REGENCIES.map((r) => r.oldCode);
    const currents = HISTORICAL_REGENCIES.map((r) => r.currentCode);
    expect(new Set(olds).size).toBe(olds.length);
    expect(new Set(currents).size).toBe(currents.length);
  });

  it("leaves current codes as they are and knows nothing of unknown ones", () => {
    expect(currentRegencyCode("3273")).toBe("3273");
    expect(currentRegencyCode("9199")).toBeUndefined();
  });
});
