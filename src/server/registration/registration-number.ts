import "server-only";
import { randomInt } from "node:crypto";

/**
 * Registration numbers (Nomor Pendaftaran): 15 digits, `2023` (the selection year) + 10 random
 * digits + a Luhn check digit, e.g. `202347130958216`. Digits only, because applicants read them
 * out over the phone and type them on mobile keypads; 15 long so they are never mistaken for a
 * 16-digit NIK or KK; the check digit catches a mistyped or swapped digit before any lookup.
 * Random (not sequential), so numbers reveal nothing about how many accounts exist. 10^10
 * possibilities: a collision is rare, and the unique index plus a retry handles it.
 */
export const REGISTRATION_NUMBER_PREFIX = "2023";
export const REGISTRATION_NUMBER_LENGTH = 15;
const RANDOM_DIGITS = REGISTRATION_NUMBER_LENGTH - REGISTRATION_NUMBER_PREFIX.length - 1;

export function generateRegistrationNumber(random: (max: number) => number = randomInt): string {
  let body = REGISTRATION_NUMBER_PREFIX;
  for (let i = 0; i < RANDOM_DIGITS; i++) body += String(random(10));
  return body + String(luhnCheckDigit(body));
}

export function isRegistrationNumber(value: string): boolean {
  return (
    new RegExp(`^${REGISTRATION_NUMBER_PREFIX}\\d{${REGISTRATION_NUMBER_LENGTH - REGISTRATION_NUMBER_PREFIX.length}}$`).test(value) &&
    luhnCheckDigit(value.slice(0, -1)) === Number(value.slice(-1))
  );
}

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // From the right, every second digit (starting with the one next to the check digit) is doubled.
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}
