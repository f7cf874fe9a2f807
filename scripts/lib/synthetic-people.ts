/**
 * Synthetic applicants of Surabaya (35.78.01) the seed does not hold: a valid NIK (birth date and
 * sex encoded, the +40 rule), a KK of the same district, a letters-only name, and a mobile and an
 * email of their own. Index i always gives the same person, and distinct indexes below
 * 4999 × 28 × 12 × 10 give distinct NIKs, so a caller takes a range of its own. Used by the
 * benchmark and the crash test, which both register many people no test citizen is.
 */
import { parseIsoDate } from "../../src/domain/calendar";
import { COMMON_PASSWORDS } from "../../src/domain/registration/common-passwords.data";
import { checkPassword, provideCommonPasswords } from "../../src/domain/registration/password";

export type Identity = {
  nik: string;
  kk: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: string;
  phone: string;
  email: string;
};

export const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Letters only (names may not hold digits): 0 → "A", 25 → "Z", 26 → "BA" … */
function letters(n: number): string {
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

/**
 * Whether the server would take `password` from this person (src/domain/registration/password.ts):
 * from index 676 on, names end in three letters ("… TER"), and some of those are in a caller's
 * password, which the rules refuse (no part of the name, the NIK, the KK or the birth date).
 */
function mayChoose(person: Identity, password: string): boolean {
  const birthDate = parseIsoDate(person.birthDate) ?? undefined;
  return checkPassword(password, { nik: person.nik, kk: person.kk, birthDate, fullName: person.fullName }).ok;
}

/**
 * People from index `start` on, passing over any NIK in `taken` and, when the caller registers them
 * with `password`, anyone the server would refuse that password for (VALIDATION_FAILED on `password`).
 */
export function* identities(start: number, taken: ReadonlySet<string>, password?: string): Generator<Identity> {
  if (password !== undefined) {
    provideCommonPasswords(COMMON_PASSWORDS);
    const { ok, issues } = checkPassword(password);
    if (!ok) throw new Error(`synthetic people: the password is refused for anyone (${issues.join(" ")})`);
  }
  for (let i = start; ; i++) {
    const serial = 5000 + (i % 4999);
    const day = 1 + (Math.floor(i / 4999) % 28);
    const month = 1 + (Math.floor(i / (4999 * 28)) % 12);
    const year = 1990 + (Math.floor(i / (4999 * 28 * 12)) % 10);
    const female = i % 2 === 1;
    const nik = `357801${pad(female ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(serial, 4)}`;
    if (taken.has(nik)) continue;
    const person: Identity = {
      nik,
      kk: `357801${pad(day, 2)}0119${pad(serial, 4)}`,
      fullName: `PESERTA UJI ${letters(i)}`,
      birthPlace: "SURABAYA",
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      gender: female ? "PEREMPUAN" : "LAKI_LAKI",
      phone: `0813${pad(i, 8)}`,
      email: `peserta.${i}@bench.example`,
    };
    if (password === undefined || mayChoose(person, password)) yield person;
  }
}
