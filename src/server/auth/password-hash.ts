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

/**
 * An argon2id hash of 32 random bytes nobody kept, with ARGON2_OPTIONS' parameters (a unit test
 * holds them equal): verifying against it costs what a real verification costs and never passes.
 */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$U9Rt/4iB2jyeqTBGnP3OAA$wj9Di+MgdfMPzefBwsmrWgX65sWfnaelL3uaDfCqw5c";

/**
 * Exactly one argon2 verification whatever there is to check: against `hashed`, or against
 * DUMMY_HASH when there is no account, credential or matching question. So the time an answer
 * takes does not say which of those was missing.
 */
export async function verifySecretOrDummy(hashed: string | null | undefined, secret: string): Promise<boolean> {
  if (hashed) return verifySecret(hashed, secret);
  await verifySecret(DUMMY_HASH, secret);
  return false;
}
