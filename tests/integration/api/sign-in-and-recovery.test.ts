import { beforeAll, describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as recovery from "@/server/account/recover-password";
import * as authorize from "@/server/auth/authorize";
import * as guard from "@/server/auth/guard-sign-in-attempt";
import * as throttle from "@/server/auth/sign-in-throttle";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";

const env = useTestServer();
let accountId: string;

beforeAll(async () => {
  const form = await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(env.prisma)) });
  const { status, body } = await submit(form);
  expect(status).toBe(201);
  accountId = (await env.prisma.account.findUniqueOrThrow({ where: { registrationNumber: body.registrationNumber } })).id;
});

async function failures(nik: string, count: number, ip: string | null = null) {
  for (let i = 0; i < count; i++) await throttle.recordSignInAttempt({ scope: "APPLICANT", identifier: nik, ip }, false);
}

describe("applicant sign-in (authorize)", () => {
  it("signs in with NIK and password, with the role and session version in the user", async () => {
    const user = await authorize.authorizeApplicant({ identifier: BUDI.nik, password: PASSWORD_STEP.password }, "10.0.0.1");
    expect(user).toEqual({ id: accountId, role: "APPLICANT", name: "BUDI SANTOSO", sessionVersion: 0 });
  });

  it("answers a wrong password and an unknown NIK the same way, and counts both", async () => {
    expect(await authorize.authorizeApplicant({ identifier: BUDI.nik, password: "salah sekali kata sandinya" }, null)).toBeNull();
    expect(await authorize.authorizeApplicant({ identifier: "3273011205980002", password: PASSWORD_STEP.password }, null)).toBeNull();
    expect(await env.prisma.signInAttempt.count({ where: { scope: "APPLICANT", succeeded: false } })).toBe(2);
    // Subjects are keyed hashes: no NIK in the table.
    const subjects = (await env.prisma.signInAttempt.findMany()).map((row) => row.subject).join(" ");
    expect(subjects).not.toContain(BUDI.nik);
  });

  it("asks for a captcha after 3 failures, and accepts the right password only with a solved one", async () => {
    const nik = "3273014107990001"; // Siti: no account, so only the counting matters
    await failures(nik, 3);
    await expect(authorize.authorizeApplicant({ identifier: nik, password: "apa saja boleh" }, null)).rejects.toThrow("CAPTCHA_REQUIRED");
    const wrongCaptcha = { identifier: nik, password: "apa saja boleh", captchaId: (await solveCaptcha(env.prisma)).captchaId, captchaAnswer: "zzzzz" };
    await expect(authorize.authorizeApplicant(wrongCaptcha, null)).rejects.toThrow("CAPTCHA_INVALID");

    await failures(BUDI.nik, 3);
    await expect(authorize.authorizeApplicant({ identifier: BUDI.nik, password: PASSWORD_STEP.password }, null)).rejects.toThrow("CAPTCHA_REQUIRED");
    const solved = await solveCaptcha(env.prisma);
    expect(await authorize.authorizeApplicant({ identifier: BUDI.nik, password: PASSWORD_STEP.password, ...solved }, null)).toMatchObject({ id: accountId });
  });
});

describe("sign-in throttling", () => {
  const nik = "3404016902000001";

  it("allows the attempt before the limit and refuses the one after it with 429 and Retry-After", async () => {
    await failures(nik, throttle.MAX_ACCOUNT_FAILURES_PER_HOUR - 1, "10.1.1.1");
    await expect(throttle.assertSignInAllowed({ scope: "APPLICANT", identifier: nik, ip: null })).resolves.toEqual({ captchaRequired: true });

    await failures(nik, 1, "10.1.1.1");
    const refused = await throttle.assertSignInAllowed({ scope: "APPLICANT", identifier: nik, ip: null }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    const retryAfter = Number((refused as { headers: Record<string, string> }).headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Another account from the same address is not blocked by this one's failures.
    await expect(throttle.assertSignInAllowed({ scope: "APPLICANT", identifier: BUDI.nik.replace(/1$/, "9"), ip: "10.1.1.1" })).resolves.toBeDefined();
  });

  it("answers the sign-in endpoint itself with 429 and Retry-After, before next-auth runs", async () => {
    const request = new Request("http://localhost/api/auth/callback/applicant", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ nik, password: "whatever it is", csrfToken: "x" }),
    });
    const response = await nextAuthRoute.POST(request as never, { params: Promise.resolve({ nextauth: ["callback", "applicant"] }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    const body = await response.json();
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(/coba lagi dalam \d+ menit/);
  });

  it("leaves other next-auth requests and other accounts to next-auth", async () => {
    const other = new Request("http://localhost/api/auth/callback/applicant", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ nik: BUDI.nik, password: "x" }),
    });
    await expect(guard.guardSignInAttempt(other, ["callback", "applicant"])).resolves.toBeUndefined();
    await expect(guard.guardSignInAttempt(other, ["signout"])).resolves.toBeUndefined();
  });
});

describe("password recovery", () => {
  const NEW_PASSWORD = "teh manis hangat sore hari";
  const request = async (overrides: Record<string, string> = {}) => ({
    nik: BUDI.nik,
    kk: BUDI.kk,
    birthDate: BUDI.birthDate,
    securityQuestion: "SEKOLAH_DASAR",
    securityAnswer: "sdn merdeka 3",
    newPassword: NEW_PASSWORD,
    newPasswordConfirm: NEW_PASSWORD,
    ...(await solveCaptcha(env.prisma)),
    ...overrides,
  });

  it("refuses a wrong answer, KK or birth date with one message that does not say which", async () => {
    const wrongs: Record<string, string>[] = [{ securityAnswer: "SDN Merdeka 4" }, { kk: "3273011103190009" }, { birthDate: "1998-05-13" }, { securityQuestion: "GURU_FAVORIT" }];
    for (const wrong of wrongs) {
      const error = await recovery.recoverPassword(await request(wrong), null).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: recovery.RECOVERY_MISMATCH_MESSAGE });
    }
  });

  it("holds the new password to the registration policy and requires a valid captcha", async () => {
    const common = await recovery.recoverPassword(await request({ newPassword: "qwerty123456", newPasswordConfirm: "qwerty123456" }), null).catch((e: unknown) => e);
    expect(common).toMatchObject({ name: "ZodError" });
    // The name is not asked for, so the form cannot catch this one; the server judges it against the account.
    const named = await recovery.recoverPassword(await request({ newPassword: "santoso-selalu-jaya", newPasswordConfirm: "santoso-selalu-jaya" }), null).catch((e: unknown) => e);
    expect(named).toMatchObject({ code: "VALIDATION_FAILED", fields: { newPassword: [expect.stringMatching(/nama/i)] } });
    const captcha = await recovery.recoverPassword(await request({ captchaAnswer: "zzzzz" }), null).catch((e: unknown) => e);
    expect(captcha).toMatchObject({ code: "CAPTCHA_INVALID" });
  });

  it("changes only the credential, ends existing sessions, and the new password signs in", async () => {
    const before = await env.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    const credentialBefore = await env.prisma.credential.findUniqueOrThrow({ where: { accountId } });
    await env.prisma.signInAttempt.deleteMany();
    await recovery.recoverPassword(await request({ securityQuestion: "HEWAN_PELIHARAAN", securityAnswer: "  si BELANG " }), "10.2.2.2");

    expect(await env.prisma.account.findUniqueOrThrow({ where: { id: accountId } })).toEqual(before);
    const credential = await env.prisma.credential.findUniqueOrThrow({ where: { accountId } });
    expect(credential.sessionVersion).toBe(credentialBefore.sessionVersion + 1);
    expect(credential.passwordHash).not.toBe(credentialBefore.passwordHash);
    expect(await authorize.currentSessionVersion("APPLICANT", accountId)).toBe(credential.sessionVersion);

    expect(await authorize.authorizeApplicant({ identifier: BUDI.nik, password: PASSWORD_STEP.password }, null)).toBeNull();
    expect(await authorize.authorizeApplicant({ identifier: BUDI.nik, password: NEW_PASSWORD }, null)).toMatchObject({ id: accountId, sessionVersion: credential.sessionVersion });
  });
});

describe("throttling by address", () => {
  it("asks for a captcha only after many failures from one address, since many people share one", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < throttle.CAPTCHA_AFTER_IP_FAILURES - 1; i++) {
      await throttle.recordSignInAttempt({ scope: "APPLICANT", identifier: `32730112059800${String(i).padStart(2, "0")}`, ip }, false);
    }
    const fresh = { scope: "APPLICANT" as const, identifier: "3171011708950001", ip };
    expect(await throttle.assertSignInAllowed(fresh)).toEqual({ captchaRequired: false });
    await throttle.recordSignInAttempt({ scope: "APPLICANT", identifier: "3171011708950002", ip }, false);
    expect(await throttle.assertSignInAllowed(fresh)).toEqual({ captchaRequired: true });
  });
});
