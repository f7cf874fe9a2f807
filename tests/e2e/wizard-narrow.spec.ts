/**
 * The wizard's layout on a 360 px phone (issue 10, item 4). The rule for every step's foot: below
 * 640 px, "Lanjutkan" spans the form's full width (its left and right edges are the form's, so it
 * is never indented) with "Kembali ke …" on its own row above it; from 640 px, both share one row,
 * "Lanjutkan" at the right edge. The security questions are radios whose text is never cut.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import { continueTo, fillDocuments, fillIdentity, fillPassword, securityQuestion } from "./wizard-helpers";

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} has no box`);
  return found;
}

/** "Lanjutkan" as wide as the form, at its left edge, below the back link when there is one. */
async function expectFullWidthContinue(page: Page, back: string | null) {
  const form = await box(page.locator("form"));
  const button = await box(page.getByRole("button", { name: "Lanjutkan" }));
  expect(Math.abs(button.x - form.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(button.width - form.width)).toBeLessThanOrEqual(1);
  if (back) {
    const link = await box(page.getByRole("link", { name: back }));
    expect(link.y + link.height).toBeLessThanOrEqual(button.y);
    expect(Math.abs(link.x - form.x)).toBeLessThanOrEqual(1);
  }
}

test("at 360 px 'Lanjutkan' is full width and never indented; the security questions are read in full", async ({ page, newCitizen }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/daftar");
  await expect(page).toHaveURL(/\/daftar\/identitas$/);
  await expectFullWidthContinue(page, null);
  await fillIdentity(page, newCitizen());
  await continueTo(page, "dokumen", "Dokumen");
  await expectFullWidthContinue(page, "Kembali ke Identitas");
  await fillDocuments(page);
  await continueTo(page, "kata-sandi", "Kata Sandi");
  await expectFullWidthContinue(page, "Kembali ke Dokumen");

  // Every question's whole text is on screen (wrapped, not cut), inside the page's width.
  for (const n of [1, 2] as const) {
    const radios = page.getByRole("group", { name: `Pertanyaan keamanan ${n}` }).getByRole("radio");
    await expect(radios).toHaveCount(6);
    for (const label of await page.getByRole("group", { name: `Pertanyaan keamanan ${n}` }).locator("label").all()) {
      const cut = await label.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
      expect(cut).toBe(false);
    }
  }
  await expect(securityQuestion(page, 1, "Apa nama jalan tempat Anda tinggal semasa kecil?")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await fillPassword(page);
  // The question chosen in one group cannot be chosen in the other.
  await expect(securityQuestion(page, 2, "Apa nama sekolah dasar (SD) Anda?")).toBeDisabled();
  await expectNoAxeViolations(page);
  await continueTo(page, "captcha", "Captcha");
  await expectFullWidthContinue(page, "Kembali ke Kata Sandi");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // From 640 px: one row, "Lanjutkan" at the right edge.
  await page.setViewportSize({ width: 1280, height: 800 });
  const form = await box(page.locator("form"));
  const button = await box(page.getByRole("button", { name: "Lanjutkan" }));
  const link = await box(page.getByRole("link", { name: "Kembali ke Kata Sandi" }));
  expect(Math.abs(button.y + button.height / 2 - (link.y + link.height / 2))).toBeLessThanOrEqual(4);
  expect(Math.abs(button.x + button.width - (form.x + form.width))).toBeLessThanOrEqual(1);
});
