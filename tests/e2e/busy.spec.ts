import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { DEFAULT_MESSAGES } from "@/domain/errors";
import { API_CONTENT_SECURITY_POLICY } from "../../src/server/content-security-policy";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { accountsWithNik, captchaExists, confirmRegistration, fillWizardToReview, registrationMultipart, trackCaptcha } from "./wizard-helpers";

/**
 * SPEC "Running at national scale": a production server started with ADMISSION_CONCURRENCY=1 and
 * no queue (playwright.config.ts, project "busy") turns the surplus of a burst away at once with
 * SERVER_BUSY 503 and Retry-After, creates an account for every 201 and for nothing else, and
 * takes the refused applicant's retry (same Idempotency-Key, same captcha). The place the front
 * door takes for the admitted one reaches the handler through Next (ADR 0021): were it lost, the
 * handler would find the one place taken and no registration would ever be created.
 *
 * One file, so its tests run one after the other: each needs the server's one place to itself.
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

test("'Server sedang sibuk' in the wizard, from the server itself: the wait is shown, nothing is lost, and 'Kirim Lagi' sends the same Idempotency-Key", async ({ page, request, newCitizen }) => {
  test.setTimeout(120_000);
  const applicant = newCitizen("KEMENKEU");
  const other = newCitizen("KEMENKEU");
  await fillWizardToReview(page, applicant, trackCaptcha(page), BUSY_DB);
  const otherSubmission = await registrationMultipart(request, other, BUSY_DB);

  const answers: { key: string | undefined; status: number }[] = [];
  page.on("response", (response) => {
    const sent = response.request();
    if (sent.method() === "POST" && new URL(response.url()).pathname === "/api/registrations") {
      answers.push({ key: sent.headers()["idempotency-key"], status: response.status() });
    }
  });
  // Another applicant's submission takes the server's one place (ADMISSION_CONCURRENCY=1, no
  // queue). Its captcha is consumed only once it runs, and from then on it keeps the place for its
  // photos and three argon2id hashes, some 150–300 ms here. Then the wizard's submission goes to
  // the server as the browser made it, sent from the test's process at once (a browser busy with
  // another worker's pages may take longer than that to send it), and the server's own answer goes
  // back to the page: the door turns it away.
  let otherAnswer: Promise<APIResponse> | undefined;
  await page.route("**/api/registrations", async (route) => {
    if (otherAnswer) return route.continue();
    otherAnswer = request.post("/api/registrations", { multipart: otherSubmission, headers: { "Idempotency-Key": `busy-wizard-${other.nik}` } });
    await expect
      .poll(() => captchaExists(otherSubmission.captchaId, BUSY_DB), { message: "the other submission runs (its captcha is consumed)", intervals: [5], timeout: 30_000 })
      .toBe(false);
    await route.fulfill({ response: await route.fetch() });
  });

  await confirmRegistration(page);
  const busy = page.getByRole("region", { name: "Server sedang sibuk" });
  await expect(busy).toBeVisible();
  const otherResponse = await otherAnswer!;
  expect(otherResponse.status(), await otherResponse.text()).toBe(201);
  expect(answers.map((answer) => answer.status)).toEqual([503]);
  await expect(busy).toBeFocused();
  await expect(busy).toContainText(DEFAULT_MESSAGES.SERVER_BUSY);
  await expect(busy).toContainText(/Silakan coba lagi dalam \d+ detik\./);
  const again = busy.getByRole("button", { name: "Kirim Lagi" });
  await expect(again).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("dialog")).toBeHidden();
  // Still on the review, everything entered still there, and no account yet.
  await expect(page).toHaveURL(/\/daftar\/cek-ulang$/);
  await expect(page.getByRole("region", { name: "Identitas" })).toContainText(applicant.nik);
  await expect(page.getByRole("region", { name: "Identitas" })).toContainText(applicant.email);
  await expect(page.getByRole("img", { name: "Swafoto" })).toBeVisible();
  expect(accountsWithNik(applicant.nik, BUSY_DB)).toBe(0);
  await expectNoAxeViolations(page);

  // After the wait, "Kirim Lagi" sends the same answers again, and the server has room.
  await expect(busy).toContainText("Silakan kirim lagi sekarang.", { timeout: 35_000 });
  await expect(again).not.toHaveAttribute("aria-disabled", "true");
  await again.click();
  await expect(page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible({ timeout: 20_000 });

  expect(answers.map((answer) => answer.status)).toEqual([503, 201]);
  expect(answers[0]!.key).toBeTruthy();
  expect(answers[1]!.key).toBe(answers[0]!.key);
  expect(accountsWithNik(applicant.nik, BUSY_DB)).toBe(1);
  expect(accountsWithNik(other.nik, BUSY_DB)).toBe(1);
});
