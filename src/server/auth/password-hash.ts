import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1): SPEC "Password". The parameters are
 * stored in each hash, so raising them later still verifies old hashes.
 */
export const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2_OPTIONS);
}

export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  try {
    return await verify(hashed, secret);
  } catch {
    // A malformed stored hash verifies nothing; it must not turn a sign-in into a 500.
    return false;
  }
}
