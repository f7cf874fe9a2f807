/**
 * The captcha's characters: digits only, so that the audio alternative (WCAG 1.1.1) can speak every
 * answer; 0 and 1 are left out (they pass for O, I and 7 in a distorted image). Answers are still
 * compared case-insensitively, as SPEC "Captcha" says.
 */
export const CAPTCHA_ALPHABET = "23456789";
export const CAPTCHA_LENGTH = 6;
