import { describe, expect, it, vi } from "vitest";
import { createAdmission } from "@/server/admission";
import { withDeps } from "@/server/deps";
import { UPLOAD_BROKEN_MESSAGE } from "@/server/http";
import { SITI, BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";
import * as submitRoute from "@/app/api/registrations/route";

/**
 * SPEC "Running at national scale": past the admission limit, POST /api/registrations answers
 * SERVER_BUSY 503 with Retry-After at once, having spent nothing: the captcha is still good and the
 * Idempotency-Key still free, so the applicant's retry (the same form, the same key) goes through.
 */
const server = useTestServer();

// Citizens of the seed's registry no other test here registers.
const MADE = { ...BUDI, nik: "5171010509970001", kk: "5171012104170006", fullName: "Made Wirawan", birthPlace: "Denpasar", birthDate: "1997-09-05", phone: "081211110003", email: "made@example.com" };
const INDAH = { ...BUDI, nik: "8107066709970001", kk: "8107060510090010", fullName: "Indah Wenda", birthPlace: "Kepulauan Aru", birthDate: "1997-09-27", phone: "081211110004", email: "indah@example.com" };

/**
 * A registration request whose upload is still arriving: its body stream gives nothing until
 * `fail()` breaks it off; `pulled()` says how often the handler asked for a chunk.
 */
function uploading(key: string): { request: Request; fail: () => void; pulled: () => number } {
  let pulls = 0;
  let broken!: (error: Error) => void;
  const body = new ReadableStream<Uint8Array>(
    {
      pull: () => {
        pulls++;
        return new Promise<void>((_, reject) => (broken = reject));
      },
    },
    { highWaterMark: 0 }, // nothing is pulled before the handler reads
  );
  const request = new Request("http://localhost/api/registrations", {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x", "idempotency-key": key },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, fail: () => broken(new Error("the connection broke off")), pulled: () => pulls };
}

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

  it("sorts a burst as it arrives: a request still uploading holds its place, and the next is turned away before its body is read", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    const first = uploading("busy-first");
    const firstAnswer = withDeps({ admission }, () => submitRoute.POST(first.request));
    await vi.waitFor(() => expect(admission.stats().held).toBe(1));

    const second = uploading("busy-second");
    const secondAnswer = await withDeps({ admission }, () => submitRoute.POST(second.request));
    expect(secondAnswer.status).toBe(503);
    expect(((await secondAnswer.json()) as { error: { code: string } }).error.code).toBe("SERVER_BUSY");
    expect(second.pulled()).toBe(0); // not a byte of its upload was read

    // The first upload breaks off: its request is refused (not a 500) and its place is free at once.
    first.fail();
    const broken = await firstAnswer;
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toBe(UPLOAD_BROKEN_MESSAGE);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0, held: 0 });
    const form = await registrationForm({ ...MADE, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) });
    expect((await withDeps({ admission }, () => submit(form))).status).toBe(201);
  });

  it("stops holding a slow upload's place after holdMs, so it keeps nobody else out", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 0, holdMs: 50 });
    const slow = uploading("busy-slow");
    const slowAnswer = withDeps({ admission }, () => submitRoute.POST(slow.request));
    await vi.waitFor(() => expect(admission.stats().held).toBe(1));
    await vi.waitFor(() => expect(admission.stats().held).toBe(0), { timeout: 2_000 });
    const form = await registrationForm({ ...INDAH, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) });
    expect((await withDeps({ admission }, () => submit(form))).status).toBe(201);
    slow.fail();
    expect((await slowAnswer).status).toBe(422);
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
