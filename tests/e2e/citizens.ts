/**
 * Where the end-to-end tests get their applicants: each call hands out a citizen of the population
 * registry (prisma/data/citizens.json) that no other test of this run has had, typed as an
 * applicant types it, with a mobile number and an email of its own. Tests ask the `newCitizen`
 * fixture (tests/e2e/fixtures.ts), never pick an index by hand, so they stay independent of each
 * other and of the order they run in.
 *
 * Two workers share the pool through claim files created exclusively (`wx`) under
 * `<open database>.citizens/`, emptied at the start of every run (tests/e2e/global-setup.ts). The
 * servers start on fresh databases every run (tests/e2e/fresh-server.mjs), so no citizen handed out
 * has an account yet.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The open project's database (playwright.config.ts). */
export const OPEN_DB = path.join(ROOT, process.env.E2E_OPEN_DB ?? "data/e2e-open.db");
export const CLAIMS_DIR = `${OPEN_DB}.citizens`;

/** A passphrase no handed-out citizen's name, NIK, KK or birth date appears in. */
export const PASSWORD = "kuda lari di sawah hijau pagi";
/** A second one, for a password change (same guarantee). */
export const NEW_PASSWORD = "angin sepoi di pantai senja";

export type Identity = {
  nik: string;
  kk: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  phone: string;
  email: string;
  agencyCode: string;
  gender: string;
};

type Citizen = { nik: string; kk: string; fullName: string; birthPlace: string; birthDate: string; gender: string };
const CITIZENS = JSON.parse(fs.readFileSync(path.join(ROOT, "prisma/data/citizens.json"), "utf8")) as Citizen[];

/** The README's sample identities (the first seven) stay free for people trying the portal. */
const SAMPLE_IDENTITIES = 7;
/** 18 years old on the closing day, 8 October 2023: younger applicants are refused. */
const BORN_ON_OR_BEFORE = "2005-10-08";
const namePartIn = (fullName: string, text: string) => fullName.toLowerCase().split(/[\s.'-]+/).some((part) => part.length >= 3 && text.includes(part));

const POOL = CITIZENS.flatMap((citizen, index) =>
  index >= SAMPLE_IDENTITIES && citizen.birthDate <= BORN_ON_OR_BEFORE && !namePartIn(citizen.fullName, `${PASSWORD} ${NEW_PASSWORD}`) ? [index] : [],
);

const titleCase = (text: string) => text.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

function identityOf(index: number, agencyCode: string): Identity {
  const record = CITIZENS[index]!;
  return {
    nik: record.nik,
    kk: record.kk,
    fullName: titleCase(record.fullName),
    birthPlace: titleCase(record.birthPlace),
    birthDate: record.birthDate,
    phone: `0813${String(index).padStart(8, "0")}`,
    email: `pelamar.${index}@contoh.id`,
    agencyCode,
    gender: record.gender === "PEREMPUAN" ? "Perempuan" : "Laki-laki",
  };
}

/** A citizen no other test of this run has had, applying to `agencyCode`. */
export function claimCitizen(agencyCode: string): Identity {
  fs.mkdirSync(CLAIMS_DIR, { recursive: true });
  for (const index of POOL) {
    try {
      fs.closeSync(fs.openSync(path.join(CLAIMS_DIR, String(index)), "wx"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    return identityOf(index, agencyCode);
  }
  throw new Error(`Every citizen of the pool (${POOL.length}) is used in this run: a test asks for more applicants than the registry holds`);
}
