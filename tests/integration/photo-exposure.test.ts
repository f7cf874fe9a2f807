/**
 * A black (or otherwise unusable) photo sent to POST /api/registrations: refused by the server with
 * 422 VALIDATION_FAILED under the photo's field and a message saying what to do (SPEC "Added
 * contract"), and no account is made.
 */
import { describe, expect, it } from "vitest";
import { PHOTO_MESSAGES } from "@/schemas/documents";
import { makeExposureJpeg } from "../fixtures/photos";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../setup/registration-harness";
import { OPEN, useTestServer } from "../setup/test-server";

const env = useTestServer({ clock: OPEN });

async function formWith(photos: Parameters<typeof registrationForm>[1]) {
  return registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(env.prisma)) }, photos);
}

describe("POST /api/registrations with an unusable photo", () => {
  it("refuses a black selfie: 422 VALIDATION_FAILED, fields.selfie says what to do, no account", async () => {
    const { status, body } = await submit(await formWith({ selfie: await makeExposureJpeg("black") }));
    expect(status).toBe(422);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields).toEqual({ selfie: [PHOTO_MESSAGES.uniform] });
    expect(await env.prisma.account.count()).toBe(0);
  });

  it("refuses a KTP photo far too dark, under ktpPhoto", async () => {
    const { status, body } = await submit(await formWith({ ktpPhoto: await makeExposureJpeg("darkNoisy") }));
    expect(status).toBe(422);
    expect(body.error.fields).toEqual({ ktpPhoto: [PHOTO_MESSAGES.tooDark] });
  });

  it("accepts the same submission with normal photos", async () => {
    const { status } = await submit(await formWith({ selfie: await makeExposureJpeg("normal") }));
    expect(status).toBe(201);
  });
});
