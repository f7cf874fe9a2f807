/**
 * Issue 9, item 2: throttles must hold against a burst. The attack sent 300 concurrent wrong
 * sign-ins for one NIK, each with a solved captcha: 296 passwords were checked (the limit is 100
 * failures per account per hour). Here every argon2 verification is counted, whatever the
 * concurrency, for sign-in and for password recovery's security answers.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as recovery from "@/server/account/recover-password";
import * as authorize from "@/server/auth/authorize";
import * as throttle from "@/server/auth/sign-in-throttle";
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
beforeEach(async () => {
  await env.prisma.signInAttempt.deleteMany();
  argon2.verifications = 0;
});

async function solvedCaptchas(count: number) {
  const ids: { captchaId: string; captchaAnswer: string }[] = [];
  for (let i = 0; i < count; i++) ids.push(await solveCaptcha(env.prisma));
  return ids;
}

describe("a burst against one account checks at most the limit", () => {
  it("300 concurrent wrong sign-ins with solved captchas verify at most 100 passwords, and no more follow", async () => {
    const captchas = await solvedCaptchas(300);
    argon2.verifications = 0;
    const outcomes = await Promise.allSettled(
      captchas.map((captcha, i) => authorize.authorizeApplicant({ identifier: BUDI.nik, password: `salah sekali nomor ${i}`, ...captcha }, `10.20.${i >> 8}.${i & 255}`)),
    );
    const inBurst = argon2.verifications;
    console.info(`sign-in burst: 300 attempts, ${inBurst} passwords verified`);
    expect(inBurst).toBeLessThanOrEqual(throttle.MAX_ACCOUNT_FAILURES_PER_HOUR);
    expect(outcomes.every((outcome) => outcome.status === "rejected" || outcome.value === null)).toBe(true);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused.every((outcome) => String(outcome.reason).includes("RATE_LIMITED"))).toBe(true);
    // Every verified attempt is a counted failure; the refused ones were taken back.
    expect(await env.prisma.signInAttempt.count({ where: { scope: "APPLICANT" } })).toBe(inBurst);

    // One by one after it, wrong passwords are verified only up to the limit in all.
    let refusedAt = 0;
    for (let i = 0; i < throttle.MAX_ACCOUNT_FAILURES_PER_HOUR + 1 && !refusedAt; i++) {
      const [captcha] = await solvedCaptchas(1);
      const outcome = await authorize.authorizeApplicant({ identifier: BUDI.nik, password: `salah lagi nomor ${i}`, ...captcha! }, "10.30.0.1").catch((e: unknown) => e);
      if (outcome instanceof Error) refusedAt = i + 1;
    }
    expect(argon2.verifications).toBe(throttle.MAX_ACCOUNT_FAILURES_PER_HOUR);
    expect(refusedAt).toBe(throttle.MAX_ACCOUNT_FAILURES_PER_HOUR - inBurst + 1);
    // And now even the right password is not checked.
    const [captcha] = await solvedCaptchas(1);
    await expect(authorize.authorizeApplicant({ identifier: BUDI.nik, password: PASSWORD_STEP.password, ...captcha! }, "10.30.0.1")).rejects.toThrow("RATE_LIMITED");
    expect(argon2.verifications).toBe(throttle.MAX_ACCOUNT_FAILURES_PER_HOUR);
  }, 120_000);

  it("200 concurrent wrong recovery answers and the right one verify at most 100 answers", async () => {
    const captchas = await solvedCaptchas(201);
    argon2.verifications = 0;
    const NEW_PASSWORD = "teh manis hangat sore hari";
    const attempt = (answer: string, captcha: { captchaId: string; captchaAnswer: string }, i: number) =>
      recovery.recoverPassword(
        { nik: BUDI.nik, kk: BUDI.kk, birthDate: BUDI.birthDate, securityQuestion: "SEKOLAH_DASAR", securityAnswer: answer, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD, ...captcha },
        `10.40.${i >> 8}.${i & 255}`,
      );
    const outcomes = await Promise.allSettled(captchas.map((captcha, i) => attempt(i === 200 ? "sdn merdeka 3" : `sdn salah ${i}`, captcha, i)));
    console.info(`recovery burst: 201 attempts, ${argon2.verifications} answers verified`);
    expect(argon2.verifications).toBeLessThanOrEqual(throttle.MAX_ACCOUNT_FAILURES_PER_HOUR);
    const rateLimited = outcomes.filter((outcome) => outcome.status === "rejected" && (outcome.reason as { code?: string }).code === "RATE_LIMITED");
    expect(rateLimited.length).toBeGreaterThanOrEqual(100);
  }, 120_000);
});
