/**
 * Full name and place of birth, written as the KTP prints them: upper case, single spaces.
 *
 * Allowed letters are those of the Latin script, accented ones included (É, Ñ, Ü): Dukcapil
 * records names in Latin letters, but a few KTPs carry accents and refusing them would lock those
 * people out. Other scripts (Arabic, Chinese…) never appear on a KTP and are refused, as are
 * digits and symbols other than . ' -. Typographic apostrophes (’ ʼ ‘) are read as '.
 */
import { type Result, fail, ok } from "@/domain/result";

export const FULL_NAME_MIN = 2;
export const FULL_NAME_MAX = 60;
export const BIRTH_PLACE_MIN = 2;
export const BIRTH_PLACE_MAX = 50;

export const NAME_MESSAGES = {
  fullNameRequired: "Nama lengkap wajib diisi.",
  fullNameCharacters: "Nama lengkap hanya boleh berisi huruf, spasi, titik (.), apostrof ('), dan tanda hubung (-).",
  fullNameStart: "Nama lengkap harus diawali huruf.",
  fullNameLength: `Nama lengkap harus ${FULL_NAME_MIN}–${FULL_NAME_MAX} karakter.`,
  birthPlaceRequired: "Tempat lahir wajib diisi.",
  birthPlaceCharacters: "Tempat lahir hanya boleh berisi huruf, spasi, titik (.), apostrof ('), dan tanda hubung (-).",
  birthPlaceStart: "Tempat lahir harus diawali huruf.",
  birthPlaceLength: `Tempat lahir harus ${BIRTH_PLACE_MIN}–${BIRTH_PLACE_MAX} karakter.`,
} as const;

const LATIN_LETTER = /^(?=\p{L})\p{Script=Latin}$/u;
const COMBINING_MARK = /^\p{Mn}$/u;
const PUNCTUATION = new Set([" ", ".", "'", "-"]);

function isLetter(char: string): boolean {
  return LATIN_LETTER.test(char);
}

function isAllowed(char: string, previous: string | undefined): boolean {
  if (PUNCTUATION.has(char) || isLetter(char)) return true;
  // A combining accent left over after NFC (no precomposed form) is fine right after a letter.
  return COMBINING_MARK.test(char) && previous !== undefined && !PUNCTUATION.has(previous);
}

/** NFC, typographic apostrophes → ', whitespace trimmed and collapsed, upper case. */
function canonicalize(input: string): string {
  return input
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .trim()
    .replace(/\s+/gu, " ")
    .toUpperCase();
}

function normalizeLettersField(
  input: string,
  limits: { min: number; max: number },
  messages: { required: string; characters: string; start: string; length: string },
): Result<string> {
  const value = canonicalize(input);
  if (value === "") return fail(messages.required);
  const chars = [...value];
  if (!chars.every((char, i) => isAllowed(char, chars[i - 1]))) return fail(messages.characters);
  if (!isLetter(chars[0] ?? "")) return fail(messages.start);
  // Count code points so an accented letter counts once.
  if (chars.length < limits.min || chars.length > limits.max) return fail(messages.length);
  return ok(value);
}

export function normalizeFullName(input: string): Result<string> {
  return normalizeLettersField(
    input,
    { min: FULL_NAME_MIN, max: FULL_NAME_MAX },
    {
      required: NAME_MESSAGES.fullNameRequired,
      characters: NAME_MESSAGES.fullNameCharacters,
      start: NAME_MESSAGES.fullNameStart,
      length: NAME_MESSAGES.fullNameLength,
    },
  );
}

export function normalizeBirthPlace(input: string): Result<string> {
  return normalizeLettersField(
    input,
    { min: BIRTH_PLACE_MIN, max: BIRTH_PLACE_MAX },
    {
      required: NAME_MESSAGES.birthPlaceRequired,
      characters: NAME_MESSAGES.birthPlaceCharacters,
      start: NAME_MESSAGES.birthPlaceStart,
      length: NAME_MESSAGES.birthPlaceLength,
    },
  );
}

/** Shorter name parts ("M", "AL") are too common to ban from passwords. */
export const NAME_PART_MIN = 3;

/** Words of the name with at least 3 characters, lower case, for the password rule. */
export function nameParts(fullName: string): string[] {
  const words = fullName
    .normalize("NFC")
    .toLowerCase()
    .split(/[\s.'\u2018\u2019\u02BC-]+/u)
    .filter((word) => [...word].length >= NAME_PART_MIN);
  return [...new Set(words)];
}
