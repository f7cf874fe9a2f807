/**
 * Which region codes a NIK or KK may start with. A NIK keeps the code of the region where it was
 * first issued, even after that region is split off into a new province (Merauke was 91.01 and is
 * now 93.01), so both current codes and the historical ones below are accepted.
 */
import {
  DISTRICT_CODES_BY_REGENCY,
  PROVINCE_CODES,
  REGENCY_CODES,
} from "@/domain/registration/region-codes.data";

export type HistoricalRegency = {
  /** Code before the split, PPKK. */
  oldCode: string;
  /** Code now, PPKK; its districts keep their 2-digit codes. */
  currentCode: string;
  /** Name as idn-area-data spells it; a unit test checks it against the current code. */
  name: string;
};

/**
 * Regencies that moved to a new province after NIKs were being issued (NIKs date from 2006).
 * Each split kept the regencies in their old relative order when renumbering them.
 */
export const HISTORICAL_REGENCIES: readonly HistoricalRegency[] = [
  // Kalimantan Utara split from Kalimantan Timur (UU 20/2012).
  { oldCode: "6404", currentCode: "6501", name: "KABUPATEN BULUNGAN" },
  { oldCode: "6405", currentCode: "6502", name: "KABUPATEN MALINAU" },
  { oldCode: "6406", currentCode: "6503", name: "KABUPATEN NUNUKAN" },
  { oldCode: "6410", currentCode: "6504", name: "KABUPATEN TANA TIDUNG" },
  { oldCode: "6473", currentCode: "6571", name: "KOTA TARAKAN" },
  // Papua Selatan (93), Papua Tengah (94), Papua Pegunungan (95) split from Papua (UU 14–16/2022).
  { oldCode: "9101", currentCode: "9301", name: "KABUPATEN MERAUKE" },
  { oldCode: "9116", currentCode: "9302", name: "KABUPATEN BOVEN DIGOEL" },
  { oldCode: "9117", currentCode: "9303", name: "KABUPATEN MAPPI" },
  { oldCode: "9118", currentCode: "9304", name: "KABUPATEN ASMAT" },
  { oldCode: "9104", currentCode: "9401", name: "KABUPATEN NABIRE" },
  { oldCode: "9107", currentCode: "9402", name: "KABUPATEN PUNCAK JAYA" },
  { oldCode: "9108", currentCode: "9403", name: "KABUPATEN PANIAI" },
  { oldCode: "9109", currentCode: "9404", name: "KABUPATEN MIMIKA" },
  { oldCode: "9125", currentCode: "9405", name: "KABUPATEN PUNCAK" },
  { oldCode: "9126", currentCode: "9406", name: "KABUPATEN DOGIYAI" },
  { oldCode: "9127", currentCode: "9407", name: "KABUPATEN INTAN JAYA" },
  { oldCode: "9128", currentCode: "9408", name: "KABUPATEN DEIYAI" },
  { oldCode: "9102", currentCode: "9501", name: "KABUPATEN JAYAWIJAYA" },
  { oldCode: "9112", currentCode: "9502", name: "KABUPATEN PEGUNUNGAN BINTANG" },
  { oldCode: "9113", currentCode: "9503", name: "KABUPATEN YAHUKIMO" },
  { oldCode: "9114", currentCode: "9504", name: "KABUPATEN TOLIKARA" },
  { oldCode: "9121", currentCode: "9505", name: "KABUPATEN MAMBERAMO TENGAH" },
  { oldCode: "9122", currentCode: "9506", name: "KABUPATEN YALIMO" },
  { oldCode: "9123", currentCode: "9507", name: "KABUPATEN LANNY JAYA" },
  { oldCode: "9124", currentCode: "9508", name: "KABUPATEN NDUGA" },
  // Papua Barat Daya (96) split from Papua Barat (UU 29/2022).
  { oldCode: "9201", currentCode: "9601", name: "KABUPATEN SORONG" },
  { oldCode: "9204", currentCode: "9602", name: "KABUPATEN SORONG SELATAN" },
  { oldCode: "9205", currentCode: "9603", name: "KABUPATEN RAJA AMPAT" },
  { oldCode: "9209", currentCode: "9604", name: "KABUPATEN TAMBRAUW" },
  { oldCode: "9210", currentCode: "9605", name: "KABUPATEN MAYBRAT" },
  { oldCode: "9271", currentCode: "9671", name: "KOTA SORONG" },
];

type Tables = {
  provinces: Set<string>;
  regencies: Set<string>;
  /** PPKK → district codes CC; historical regencies share their current regency's set. */
  districts: Map<string, Set<string>>;
};

let tables: Tables | undefined;

// Built on first use so importing this module costs nothing until a code is checked.
function getTables(): Tables {
  if (tables) return tables;
  const districts = new Map<string, Set<string>>();
  for (const [regency, codes] of Object.entries(DISTRICT_CODES_BY_REGENCY)) {
    districts.set(regency, new Set(codes.split(" ")));
  }
  for (const { oldCode, currentCode } of HISTORICAL_REGENCIES) {
    const current = districts.get(currentCode);
    if (current) districts.set(oldCode, current);
  }
  const regencies = new Set([...REGENCY_CODES.split(" "), ...HISTORICAL_REGENCIES.map((r) => r.oldCode)]);
  const provinces = new Set(PROVINCE_CODES.split(" "));
  tables = { provinces, regencies, districts };
  return tables;
}

/** PP: a current province code (every historical code's province still exists). */
export function isKnownProvinceCode(code: string): boolean {
  return /^\d{2}$/.test(code) && getTables().provinces.has(code);
}

/** PPKK: a current regency/city code or a historical one. */
export function isKnownRegencyCode(code: string): boolean {
  return /^\d{4}$/.test(code) && getTables().regencies.has(code);
}

/** PPKKCC: a district of a current regency, or of a historical regency's current successor. */
export function isKnownDistrictCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return getTables().districts.get(code.slice(0, 4))?.has(code.slice(4)) ?? false;
}

/** The current regency code for a PPKK, following a historical code to its successor. */
export function currentRegencyCode(code: string): string | undefined {
  const historical = HISTORICAL_REGENCIES.find((r) => r.oldCode === code);
  if (historical) return historical.currentCode;
  return isKnownRegencyCode(code) ? code : undefined;
}

/** Every known district code (current ones only), for fixtures and seed-data generation. */
export function currentDistrictCodes(): string[] {
  return Object.entries(DISTRICT_CODES_BY_REGENCY).flatMap(([regency, codes]) =>
    codes.split(" ").map((cc) => regency + cc),
  );
}
