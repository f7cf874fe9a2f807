/**
 * `npm run data:citizens`: writes prisma/data/citizens.json, the synthetic population registry
 * (Dukcapil) that the embedded adapter serves. Deterministic (a seeded PRNG), so the file only
 * changes when this script does. Every person is invented; NIKs and KK numbers follow the real
 * structure with real region codes (idn-area-data, ODbL) so that they pass the portal's rules.
 * The first entries are hand-picked sample identities listed in the README.
 */
import fs from "node:fs";
import path from "node:path";
import { formatIsoDate, type CalendarDate } from "../src/domain/calendar";
import { buildKk } from "../src/domain/registration/kk";
import { buildNik, type Gender } from "../src/domain/registration/nik";
import { currentDistrictCodes, currentRegencyCode } from "../src/domain/registration/region-codes";

type Citizen = { nik: string; kk: string; fullName: string; birthPlace: string; birthDate: string; gender: Gender };

// mulberry32: small, fast, and the same sequence on every machine.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20230920);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const MALE = ["Budi", "Agus", "Andi", "Rizky", "Dimas", "Fajar", "Hendra", "Joko", "Bayu", "Arif", "Yusuf", "Ahmad", "Eko", "Wahyu", "Dedi", "Gilang", "Ilham", "Reza", "Teguh", "Made", "Putu", "Yohanes", "Ketut", "Hasan", "Rudi"];
const FEMALE = ["Siti", "Dewi", "Putri", "Ayu", "Rina", "Sri", "Nur", "Fitri", "Indah", "Lestari", "Wulan", "Maya", "Intan", "Ratna", "Yuli", "Anisa", "Dian", "Kadek", "Maria", "Novita", "Rahma", "Sari", "Eka", "Tari", "Wayan"];
const SECOND = ["Pratama", "Saputra", "Santoso", "Wijaya", "Hidayat", "Kurniawan", "Setiawan", "Nugroho", "Rahayu", "Lestari", "Permata", "Anggraini", "Maharani", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Sitompul", "Tanjung", "Lubis", "Manurung", "Gebze", "Rumbiak", "Mandacan", "Wenda", "Pattiasina", "Lumban Gaol", "Daeng", "Syahputra", "Utami"];

/** Region names as a KTP prints a birthplace: "KOTA BANDUNG" → "BANDUNG". */
const regencyNames = new Map<string, string>(
  fs
    .readFileSync(path.join(process.cwd(), "node_modules/idn-area-data/data/regencies.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [code, , name] = line.split(",");
      return [code!.replace(".", ""), name!.replace(/^(KABUPATEN|KOTA ADMINISTRASI|KOTA)\s+/, "").replace(/^"|"$/g, "")];
    }),
);
const birthPlaceOf = (districtCode: string) => regencyNames.get(currentRegencyCode(districtCode.slice(0, 4))!)!;

const usedNiks = new Set<string>();
let kkSerial = 1;
function nikFor(districtCode: string, birthDate: CalendarDate, gender: Gender): string {
  for (let serial = 1; ; serial++) {
    const nik = buildNik({ districtCode, birthDate, gender, serial });
    if (!usedNiks.has(nik)) {
      usedNiks.add(nik);
      return nik;
    }
  }
}

function randomBirthDate(fromYear: number, toYear: number): CalendarDate {
  const year = between(fromYear, toYear);
  const month = between(1, 12);
  const day = between(1, month === 2 ? (year % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
  return { year, month, day };
}

function person(
  family: { districtCode: string; kk: string },
  given: string,
  gender: Gender,
  birthDate: CalendarDate,
  birthDistrict = family.districtCode,
): Citizen {
  return {
    nik: nikFor(birthDistrict, birthDate, gender),
    kk: family.kk,
    fullName: given.toUpperCase(),
    birthPlace: birthPlaceOf(birthDistrict),
    birthDate: formatIsoDate(birthDate),
    gender,
  };
}

function family(districtCode: string, recordedOn: CalendarDate) {
  return { districtCode, kk: buildKk({ districtCode, recordedOn, serial: kkSerial++ }) };
}

const citizens: Citizen[] = [];

// Hand-picked sample identities (README "Sample identities"). Keep their order: tests use them.
const bandung = family("327301", { year: 2019, month: 3, day: 11 });
citizens.push(person(bandung, "Budi Santoso", "LAKI_LAKI", { year: 1998, month: 5, day: 12 }));
citizens.push(person(bandung, "Siti Rahayu", "PEREMPUAN", { year: 1999, month: 7, day: 1 }));
const sleman = family("340401", { year: 2020, month: 8, day: 17 });
citizens.push(person(sleman, "Putri Ayu Lestari", "PEREMPUAN", { year: 2000, month: 2, day: 29 }));
// Issued in Merauke while it was 91.01 (Papua), before the 2022 split made it 93.01.
const merauke = family("930101", { year: 2016, month: 6, day: 2 });
citizens.push(person(merauke, "Yohanes Gebze", "LAKI_LAKI", { year: 1995, month: 3, day: 14 }, "910101"));
const surabaya = family("357801", { year: 2012, month: 1, day: 9 });
citizens.push(person(surabaya, "Dewi Anggraini", "PEREMPUAN", { year: 1985, month: 11, day: 20 }));
citizens.push(person(surabaya, "Rizky Pratama", "LAKI_LAKI", { year: 2006, month: 1, day: 15 }));
const makassar = family("737101", { year: 2018, month: 10, day: 1 });
citizens.push(person(makassar, "Andi Daeng", "LAKI_LAKI", { year: 1996, month: 12, day: 31 }));
const denpasar = family("517101", { year: 2017, month: 4, day: 21 });
citizens.push(person(denpasar, "Made Wirawan", "LAKI_LAKI", { year: 1997, month: 9, day: 5 }));

// The rest: households of one to four adults across the country.
const districts = currentDistrictCodes();
while (citizens.length < 400) {
  const districtCode = pick(districts);
  const members: { gender: Gender; birthDate: CalendarDate }[] = [];
  const size = between(1, 4);
  for (let i = 0; i < size; i++) {
    const gender: Gender = random() < 0.5 ? "LAKI_LAKI" : "PEREMPUAN";
    members.push({ gender, birthDate: randomBirthDate(1975, 2005) });
  }
  const home = family(districtCode, randomBirthDate(2008, 2022));
  const surname = random() < 0.7 ? pick(SECOND) : null;
  for (const member of members) {
    const given = pick(member.gender === "LAKI_LAKI" ? MALE : FEMALE);
    const name = surname ? `${given} ${surname}` : random() < 0.5 ? given : `${given} ${pick(SECOND)}`;
    citizens.push(person(home, name, member.gender, member.birthDate));
  }
}

const file = path.join(process.cwd(), "prisma/data/citizens.json");
// One person a line: reviewable diffs, small file.
fs.writeFileSync(file, `[\n${citizens.map((c) => JSON.stringify(c)).join(",\n")}\n]\n`);
console.log(`wrote ${citizens.length} synthetic citizens to ${path.relative(process.cwd(), file)}`);
