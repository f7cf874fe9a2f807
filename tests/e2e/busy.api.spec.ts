import path from "node:path";
import { API_CONTENT_SECURITY_POLICY } from "../../src/server/content-security-policy";
import { expect, test } from "./fixtures";
import { registrationMultipart } from "./wizard-helpers";

/**
 * SPEC "Running at national scale": a production server started with ADMISSION_CONCURRENCY=1 and
 * no queue (playwright.config.ts, project "busy") turns the surplus of a burst away at once with
 * SERVER_BUSY 503 and Retry-After, creates an account for every 201 and for nothing else, and
 * takes the refused applicant's retry (same Idempotency-Key, same captcha). The place the front
 * door takes for the admitted one reaches the handler through Next (ADR 0021): were it lost, the
 * handler would find the one place taken and no registration would ever be created.
 */
const BUSY_DB = path.resolve(process.env.E2E_BUSY_DB ?? "data/e2e-busy.db");

test("a burst beyond the admission limit: 503 SERVER_BUSY at once for the surplus, and the retries go through", async ({ request, newCitizen }) => {
  test.setTimeout(90_000);
  const applicants = await Promise.all(
    Array.from({ length: 4 }, async (_, i) => {
      const identity = newCitizen("KEMENKEU");
      return { key: `busy-e2e-${identity.nik}-${i}`, multipart: await registrationMultipart(request, identity, BUSY_DB) };
    }),
  );
  const send = (applicant: (typeof applicants)[number]) =>
    request.post("/api/registrations", { multipart: applicant.multipart, headers: { "Idempotency-Key": applicant.key } });

  const started = Date.now();
  const answers = await Promise.all(
    applicants.map(async (applicant) => {
      const sent = Date.now();
      const response = await send(applicant);
      return { applicant, response, ms: Date.now() - sent, body: (await response.json()) as Record<string, any> };
    }),
  );
  const statuses = answers.map((answer) => answer.response.status()).sort();
  expect(statuses).not.toContain(500);
  expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
  const busy = answers.filter((answer) => answer.response.status() === 503);
  expect(busy.length).toBeGreaterThanOrEqual(1);
  for (const answer of busy) {
    expect(answer.body.error).toMatchObject({ code: "SERVER_BUSY", message: expect.stringMatching(/sibuk/i) });
    const headers = answer.response.headers();
    expect(Number(headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Answered at the production server's front door (ADR 0021) with what Next would have sent.
    expect(headers).toMatchObject({
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "content-security-policy": API_CONTENT_SECURITY_POLICY,
    });
  }
  // Turned away at once, not after waiting behind the admitted work (the benchmark measures how fast).
  const slowestBusy = Math.max(...busy.map((answer) => answer.ms));
  const slowestCreated = Math.max(...answers.filter((answer) => answer.response.status() === 201).map((answer) => answer.ms));
  expect(slowestBusy).toBeLessThan(slowestCreated);
  expect(Date.now() - started).toBeLessThan(60_000);

  // Each refused applicant presses the button again: the same key and captcha, one at a time.
  for (const answer of busy) {
    const retry = await send(answer.applicant);
    expect(retry.status(), await retry.text()).toBe(201);
  }
});
