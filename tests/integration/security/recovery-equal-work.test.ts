/**
 * Issue 9, item 4: password recovery must not tell by its timing whether a NIK has an account, or
 * which security questions it chose. The answer body was already identical; the work was not
 * (11.6 ms vs 3.6 ms median: an argon2 verification ran only when the account existed and the
 * question was one of its two). Here the work is counted: one argon2 verification on every path.
 * (Wall-clock medians were compared here too, within 2×; on a shared 2-core CI machine that
 * assertion failed at 2.24× with the work equal, so timing is left to measurements, not tests.)
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as recovery from "@/server/account/recover-password";
import { argon2 } from "../../setup/argon2-counter";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";

// Every argon2 verification the server makes, counted at the library (the real one runs).
vi.mock("@node-rs/argon2", async (importOriginal) => (await import("../../setup/argon2-counter")).countingArgon2(importOriginal));

const env = useTestServer();

beforeAll(async () => {
  const { status } = await submit(await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(env.prisma)) }));
  expect(status).toBe(201);
});

const NEW_PASSWORD = "teh manis hangat sore hari";
const base = { nik: BUDI.nik, kk: BUDI.kk, birthDate: BUDI.birthDate, securityQuestion: "SEKOLAH_DASAR", securityAnswer: "sdn merdeka 9", newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD };

/** Every way recovery can say "no" after the captcha; only the last one reaches the real answer hash. */
const PATHS: Record<string, Partial<typeof base>> = {
  "no account for this NIK": { nik: "3273014107990001" },
  "account, wrong KK": { kk: "3273011103190009" },
  "account, wrong birth date": { birthDate: "1998-05-13" },
  "account, a question it did not choose": { securityQuestion: "GURU_FAVORIT" },
  "account, its question, wrong answer": {},
};

async function attempt(overrides: Partial<typeof base>): Promise<{ verifications: number; code: unknown }> {
  const captcha = await solveCaptcha(env.prisma);
  // Throttling is not what is measured here.
  await env.prisma.signInAttempt.deleteMany();
  argon2.verifications = 0;
    const error = await recovery.recoverPassword({ ...base, ...overrides, ...captcha }, "10.50.0.1").catch((e: unknown) => e);
  return { verifications: argon2.verifications, code: (error as { code?: unknown }).code };
}

describe("password recovery does the same work on every path", () => {
  it("verifies exactly one argon2 hash on every refusal path, with the same answer", async () => {
    for (const [path, overrides] of Object.entries(PATHS)) {
      const { verifications, code } = await attempt(overrides);
      expect({ path, verifications, code }).toEqual({ path, verifications: 1, code: "VALIDATION_FAILED" });
    }
  });
});
