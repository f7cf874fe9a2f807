/**
 * The review and the submission (issue 10, items 9 and 10): security answers masked with a show
 * toggle, and progress while the registration uploads. "Server sedang sibuk" (503 SERVER_BUSY) is
 * tested against a server that is busy for real: tests/e2e/busy.spec.ts.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { accountsWithNik, confirmRegistration, fillWizardToReview } from "./wizard-helpers";

const ANSWER_1 = "SD Negeri 3 Sukamaju";
const ANSWER_2 = "nasi goreng kambing";

const done = (page: Page) => page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" });

test("security answers are masked on the review, with a toggle to show them", async ({ page, newCitizen }) => {
  test.setTimeout(120_000);
  await fillWizardToReview(page, newCitizen());
  const section = page.getByRole("region", { name: "Kata Sandi" });
  await expect(section).not.toContainText(ANSWER_1);
  await expect(section).not.toContainText(ANSWER_2);
  await expect(section.getByText("Jawaban disembunyikan")).toHaveCount(2);
  const toggle = section.getByRole("button", { name: "Tampilkan jawaban" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(section).toContainText(ANSWER_1);
  await expect(section).toContainText(ANSWER_2);
  await expectNoAxeViolations(page);
  await toggle.click();
  await expect(section).not.toContainText(ANSWER_1);
  // The password itself is never shown.
  await expect(section.getByText("Kata sandi disembunyikan")).toHaveCount(1);
});

test("a slow upload shows a progress bar until the server answers", async ({ page, newCitizen }) => {
  test.setTimeout(120_000);
  const identity = newCitizen();
  await fillWizardToReview(page, identity);
  // A slow connection: the request is held for two seconds before it goes on to the server.
  await page.route("**/api/registrations", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await confirmRegistration(page);
  const dialog = page.getByRole("dialog", { name: "Apakah data Anda sudah benar?" });
  const progress = dialog.getByRole("progressbar", { name: "Mengirim data pendaftaran" });
  await expect(progress).toBeVisible();
  await expect(dialog.getByRole("status")).toContainText(/Jangan tutup halaman ini/);
  await expectNoAxeViolations(page);
  await expect(done(page)).toBeVisible({ timeout: 20_000 });
  expect(accountsWithNik(identity.nik)).toBe(1);
});
