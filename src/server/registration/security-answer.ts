import "server-only";

/**
 * Security answers are compared loosely (SPEC "Password": they serve password recovery): trimmed,
 * inner spaces collapsed, lower case, Unicode NFC. Password recovery must hash its input through
 * this same function.
 */
export function normalizeSecurityAnswer(answer: string): string {
  return answer.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
