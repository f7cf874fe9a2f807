/**
 * The agency picker of the identity step on a 360 px phone (issue 10, item 4): a search box whose
 * list narrows as one types, operable by keyboard, with the chosen agency shown in full (wrapped,
 * never cut) with its formation status. An agency in verification can be chosen and is refused as
 * before; the value sent is still the agency's code.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import {
  agencyBox,
  agencyOption,
  chooseAgency,
  continueTo,
  fillDocuments,
  fillPassword,
  fillPersonalData,
  solveCaptcha,
  trackCaptcha,
} from "./wizard-helpers";

const summary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });
const listbox = (page: Page) => page.getByRole("listbox", { name: "Daftar instansi" });
/** The chosen agency under the box (no role of its own: it describes the box). */
const chosen = (page: Page) => page.locator("#f-agencyCode-pilihan");

const LONG_NAME = "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi";

/** Whole on screen: nothing cut inside it, and inside the 360 px viewport. */
async function expectWhollyVisible(locator: Locator) {
  await expect(locator).toBeVisible();
  const cut = await locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
  expect(cut).toBe(false);
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
}

test.describe("the agency picker at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("search 'pertahanan' and choose it by keyboard: shown in full with its status, and refused; a long verified name goes through to the review", async ({
    page,
    newCitizen,
  }) => {
    test.setTimeout(150_000);
    const identity = newCitizen("KEMENDIKBUDRISTEK");
    const tracker = trackCaptcha(page);
    await page.goto("/daftar/identitas");
    await fillPersonalData(page, identity);

    const box = agencyBox(page);
    await box.focus();
    await page.keyboard.type("pertahanan");
    await expect(listbox(page)).toBeVisible();
    await expect(listbox(page).getByRole("option")).toHaveCount(1);
    // Marked in the list as still in verification.
    await expect(agencyOption(page, "Kementerian Pertahanan")).toContainText("Formasi dalam proses verifikasi");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expectNoAxeViolations(page);
    await page.keyboard.press("ArrowDown");
    await expect(agencyOption(page, "Kementerian Pertahanan")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue("Kementerian Pertahanan");
    await expect(listbox(page)).toBeHidden();
    await expect(box).toBeFocused();

    // The chosen agency in full, with its status; the refusal explained before submitting.
    await expect(chosen(page)).toContainText("Kementerian Pertahanan");
    await expect(chosen(page)).toContainText("Formasi dalam proses verifikasi");
    await expectWhollyVisible(chosen(page));
    await expectWhollyVisible(chosen(page).getByText("Kementerian Pertahanan", { exact: true }));
    await expect(box).toHaveAccessibleDescription(/Formasi Kementerian Pertahanan masih dalam proses verifikasi/);
    await expect(box).toHaveAccessibleDescription(/Instansi yang Anda pilih: Kementerian Pertahanan Instansi Pusat Formasi dalam proses verifikasi/);
    await expect(page.getByRole("region", { name: "Beri tahu saya saat formasi Kementerian Pertahanan diverifikasi" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText("Formasi instansi ini masih dalam proses verifikasi");
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/daftar\/identitas$/);
    // The summary's link leads to the picker.
    await summary(page).getByRole("link", { name: /Formasi instansi ini masih dalam proses verifikasi/ }).click();
    await expect(box).toBeFocused();
    await expectNoAxeViolations(page);

    // Another search, two words anywhere in the name; the longest name of the list, wrapped.
    await box.fill("");
    await page.keyboard.type("riset pendidikan");
    await expect(listbox(page).getByRole("option")).toHaveCount(1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue(LONG_NAME);
    await expect(box).not.toHaveAttribute("aria-invalid", "true");
    await expect(chosen(page)).toContainText("Formasi sudah diverifikasi");
    const name = chosen(page).getByText(LONG_NAME, { exact: true });
    await expectWhollyVisible(name);
    // Longer than one line of the box: wrapped, not cut.
    expect((await name.boundingBox())!.height).toBeGreaterThan(30);
    await expect(page.getByRole("region", { name: /^Beri tahu saya/ })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await continueTo(page, "dokumen", "Dokumen");
    await fillDocuments(page);
    await continueTo(page, "kata-sandi", "Kata Sandi");
    await fillPassword(page);
    await continueTo(page, "captcha", "Captcha");
    await solveCaptcha(page, tracker);
    await continueTo(page, "cek-ulang", "Cek Ulang");
    await expectWhollyVisible(page.getByText(LONG_NAME, { exact: true }));

    // Back on the identity step, the picker still holds it.
    await page.goto("/daftar/identitas");
    await expect(box).toHaveValue(LONG_NAME);
  });

  test("a tap opens the whole list grouped by kind; a search without a match says so; leaving the box keeps the choice it had", async ({ page }) => {
    await page.goto("/daftar/identitas");
    const box = agencyBox(page);
    await box.click();
    await expect(listbox(page)).toBeVisible();
    for (const kind of ["Instansi Pusat", "Pemerintah Provinsi", "Pemerintah Kabupaten/Kota"]) {
      await expect(listbox(page).getByRole("group", { name: kind })).toBeVisible();
    }
    // The list stays inside the screen's width, and each name wraps in it.
    await expectWhollyVisible(listbox(page));
    await expectWhollyVisible(agencyOption(page, "Badan Meteorologi, Klimatologi, dan Geofisika"));
    await expectNoAxeViolations(page);
    await agencyOption(page, "Badan Kepegawaian Negara").click();
    await expect(box).toHaveValue("Badan Kepegawaian Negara");
    await expect(box).toBeFocused();

    await page.keyboard.press("Control+a");
    await page.keyboard.type("tidak ada seperti ini");
    await expect(page.getByText("Tidak ada instansi yang cocok.", { exact: false }).first()).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    // Esc closes, then gives back the chosen name.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(box).toHaveValue("Badan Kepegawaian Negara");

    // Part of a name, left without choosing: the earlier choice stands.
    await box.fill("jember");
    await expect(listbox(page).getByRole("option")).toHaveCount(1);
    await page.keyboard.press("Tab");
    await expect(box).toHaveValue("Badan Kepegawaian Negara");
    // The whole name typed (any case) and left: that agency.
    await box.fill("pemerintah kabupaten jember");
    await page.keyboard.press("Tab");
    await expect(box).toHaveValue("Pemerintah Kabupaten Jember");
    await expect(chosen(page)).toContainText("Formasi dalam proses verifikasi");
    // Emptied and left: none chosen, and the field says so.
    await box.fill("");
    await page.keyboard.press("Tab");
    await expect(box).toHaveValue("");
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(box).toHaveAccessibleDescription(/Pilih instansi yang dituju\./);
    await expect(chosen(page)).toHaveCount(0);
    await chooseAgency(page, "BKN");
    await expect(box).not.toHaveAttribute("aria-invalid", "true");
  });
});
