/**
 * The captcha at its own step (SPEC "Added contract"): POST /api/registrations/validate with
 * `{ step: "captcha" }` checks the answer. Right: 200, and the captcha still holds for the
 * submission, which uses it once. Wrong: 422 CAPTCHA_INVALID and the captcha is burnt.
 */
import { describe, expect, it } from "vitest";
import * as validateRoute from "@/app/api/registrations/validate/route";
import { BUDI, PASSWORD_STEP, SITI, registrationForm, solveCaptcha, submit } from "../setup/registration-harness";
import { OPEN, jsonRequest, useTestServer } from "../setup/test-server";

const env = useTestServer({ clock: OPEN });

async function validateCaptcha(captchaId: string, captchaAnswer: string) {
  const response = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "captcha", data: { captchaId, captchaAnswer } }));
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe("POST /api/registrations/validate, step captcha", () => {
  it("right answer: 200, then the submission with it succeeds once and a second one with it is refused", async () => {
    const captcha = await solveCaptcha(env.prisma);
    // Any case, as typed.
    expect(await validateCaptcha(captcha.captchaId, ` ${captcha.captchaAnswer.toLowerCase()} `)).toEqual({ status: 200, body: { ok: true } });
    // Checking it again does not use it up either.
    expect((await validateCaptcha(captcha.captchaId, captcha.captchaAnswer)).status).toBe(200);

    const first = await submit(await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...captcha }));
    expect(first.status).toBe(201);
    const second = await submit(await registrationForm({ ...SITI, ...PASSWORD_STEP, ...captcha }));
    expect(second.status).toBe(422);
    expect(second.body.error.code).toBe("CAPTCHA_INVALID");
    // Consumed by the submission: the step's check refuses it now too.
    expect((await validateCaptcha(captcha.captchaId, captcha.captchaAnswer)).body.error.code).toBe("CAPTCHA_INVALID");
  });

  it("wrong answer: 422 CAPTCHA_INVALID under captchaAnswer, and the same captcha is then refused even with the right answer", async () => {
    const captcha = await solveCaptcha(env.prisma);
    const wrong = await validateCaptcha(captcha.captchaId, "zzzzz");
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe("CAPTCHA_INVALID");
    expect(wrong.body.error.fields.captchaAnswer).toEqual([wrong.body.error.message]);
    expect(await env.prisma.captcha.count({ where: { id: captcha.captchaId } })).toBe(0);

    expect((await validateCaptcha(captcha.captchaId, captcha.captchaAnswer)).body.error.code).toBe("CAPTCHA_INVALID");
    const submission = await submit(await registrationForm({ ...SITI, ...PASSWORD_STEP, ...captcha }));
    expect(submission.status).toBe(422);
    expect(submission.body.error.code).toBe("CAPTCHA_INVALID");
  });

  it("refuses an unknown or expired captcha, and a malformed one with the schema's field messages", async () => {
    expect((await validateCaptcha("00000000-0000-4000-8000-000000000000", "ABCDE")).body.error.code).toBe("CAPTCHA_INVALID");

    const captcha = await solveCaptcha(env.prisma);
    await env.prisma.captcha.update({ where: { id: captcha.captchaId }, data: { expiresAt: new Date(0) } });
    expect((await validateCaptcha(captcha.captchaId, captcha.captchaAnswer)).body.error.code).toBe("CAPTCHA_INVALID");
    expect(await env.prisma.captcha.count({ where: { id: captcha.captchaId } })).toBe(0);

    const empty = await validateCaptcha(captcha.captchaId, "");
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(empty.body.error.fields)).toEqual(["captchaAnswer"]);
  });

  it("under concurrency, a right check and a wrong one leave the captcha either valid or burnt, never half", async () => {
    for (let round = 0; round < 5; round++) {
      const captcha = await solveCaptcha(env.prisma);
      const [right, wrong] = await Promise.all([
        validateCaptcha(captcha.captchaId, captcha.captchaAnswer),
        validateCaptcha(captcha.captchaId, "zzzzz"),
      ]);
      expect(wrong.status).toBe(422);
      expect([200, 422]).toContain(right.status);
      // Whatever the right check said first, the wrong one burnt the captcha.
      expect(await env.prisma.captcha.count({ where: { id: captcha.captchaId } })).toBe(0);
    }
  });
});
