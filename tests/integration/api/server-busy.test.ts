import { describe, expect, it } from "vitest";
import { createAdmission } from "@/server/admission";
import { withDeps } from "@/server/deps";
import { SITI, BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";
import * as submitRoute from "@/app/api/registrations/route";

/**
 * SPEC "Running at national scale": past the admission limit, POST /api/registrations answers
 * SERVER_BUSY 503 with Retry-After at once, having spent nothing: the captcha is still good and the
 * Idempotency-Key still free, so the applicant's retry (the same form, the same key) goes through.
 */
const server = useTestServer();

describe("the admission limit in front of a registration's expensive work", () => {
  it("answers the surplus SERVER_BUSY at once, and a retry with the same key and captcha creates the account", async () => {
    // One at a time and no queue: of two submissions sent together, one must be turned away.
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    const budi = await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) });
    const siti = await registrationForm({ ...SITI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) });
    const [first, second] = await withDeps({ admission }, () =>
      Promise.all([submit(budi, { "Idempotency-Key": "busy-budi" }), submit(siti, { "Idempotency-Key": "busy-siti" })]),
    );
    const busy = first.status === 503 ? first : second;
    const created = first.status === 503 ? second : first;
    expect([first.status, second.status].sort()).toEqual([201, 503]);
    expect(busy.body.error).toMatchObject({ code: "SERVER_BUSY", message: expect.stringMatching(/sibuk/) });
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(created.body.registrationNumber).toMatch(/^\d{15}$/);
    expect(await server.prisma.account.count()).toBe(1);
    // Nothing was spent on the refused one: no idempotency record, its captcha still unused.
    expect(await server.prisma.idempotencyRecord.count()).toBe(1);

    const retriedForm = busy === first ? budi : siti;
    const retried = await withDeps({ admission }, () => submit(retriedForm, { "Idempotency-Key": busy === first ? "busy-budi" : "busy-siti" }));
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotency-replayed")).toBeNull();
    expect(await server.prisma.account.count()).toBe(2);
  });

  it("turns a request away before reading its body when there is no room", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    let release!: () => void;
    const occupied = admission.run(() => new Promise<void>((resolve) => (release = resolve)));
    // A body that never ends: a handler that read it first would never answer.
    const endless = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const request = new Request("http://localhost/api/registrations", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "idempotency-key": "busy-endless" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const response = await withDeps({ admission }, () => submitRoute.POST(request));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("SERVER_BUSY");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    release();
    await occupied;
  });

  it("lets a queued registration wait its turn instead of refusing it", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 1, maxWaitMs: 60_000 });
    const forms = await Promise.all(
      [
        { ...BUDI, nik: "3404016902000001", kk: "3404011708200002", fullName: "Putri Ayu Lestari", birthPlace: "Sleman", birthDate: "2000-02-29", phone: "081211110001", email: "putri@example.com" },
        { ...BUDI, nik: "7371013112960001", kk: "7371010110180005", fullName: "Andi Daeng", birthPlace: "Makassar", birthDate: "1996-12-31", phone: "081211110002", email: "andi@example.com" },
      ].map(async (identity) => registrationForm({ ...identity, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) })),
    );
    const answers = await withDeps({ admission }, () => Promise.all(forms.map((form) => submit(form))));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
  });
});
