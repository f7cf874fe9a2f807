/**
 * Synthetic applicants of Surabaya (35.78.01) the seed does not hold: a valid NIK (birth date and
 * sex encoded, the +40 rule), a KK of the same district, a letters-only name, and a mobile and an
 * email of their own. Index i always gives the same person, and distinct indexes below
 * 4999 × 28 × 12 × 10 give distinct NIKs, so a caller takes a range of its own. Used by the
 * benchmark and the crash test, which both register many people no test citizen is.
 */
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

/** People from index `start` on, passing over any NIK in `taken`. */
export function* identities(start: number, taken: ReadonlySet<string>): Generator<Identity> {
  for (let i = start; ; i++) {
    const serial = 5000 + (i % 4999);
    const day = 1 + (Math.floor(i / 4999) % 28);
    const month = 1 + (Math.floor(i / (4999 * 28)) % 12);
    const year = 1990 + (Math.floor(i / (4999 * 28 * 12)) % 10);
    const female = i % 2 === 1;
    const nik = `357801${pad(female ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(serial, 4)}`;
    if (taken.has(nik)) continue;
    yield {
      nik,
      kk: `357801${pad(day, 2)}0119${pad(serial, 4)}`,
      fullName: `PESERTA UJI ${letters(i)}`,
      birthPlace: "SURABAYA",
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      gender: female ? "PEREMPUAN" : "LAKI_LAKI",
      phone: `0813${pad(i, 8)}`,
      email: `peserta.${i}@bench.example`,
    };
  }
}
