/**
 * Counts every argon2 verification the server makes, at the library (the real one still runs):
 * how the security tests prove equal work and throttles without timing anything. A test file
 * mocks the library with this module's stand-in (vi.mock is hoisted, so it loads it lazily) and
 * reads or resets `argon2.verifications`:
 *
 *   import { argon2 } from "../../setup/argon2-counter";
 *   vi.mock("@node-rs/argon2", async (importOriginal) =>
 *     (await import("../../setup/argon2-counter")).countingArgon2(importOriginal));
 */
import type * as Argon2 from "@node-rs/argon2";

export const argon2 = { verifications: 0 };

export async function countingArgon2(importOriginal: <T>() => Promise<T>): Promise<typeof Argon2> {
  const original = await importOriginal<typeof Argon2>();
  return {
    ...original,
    verify: (...args: Parameters<typeof original.verify>) => {
      argon2.verifications++;
      return original.verify(...args);
    },
  };
}
