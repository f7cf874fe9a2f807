import fs from "node:fs";
import type { Page } from "@playwright/test";
import { extractText } from "unpdf";
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import {
  type Identity,
  continueTo,
  fillDocuments,
  fillIdentity,
  fillPassword,
  fillWizardToPassword,
  fillWizardToReview,
  QUESTION_FOOD,
  QUESTION_SD,
  securityQuestion,
  solveCaptcha,
  trackCaptcha,
} from "./wizard-helpers";

/** From the landing page's "Buat Akun" to the downloaded Kartu Informasi Akun, checking each step. */
async function registerFromLandingPage(page: Page, identity: Identity, options: { narrow: boolean }) {
  const check = async () => {
    if (options.narrow) await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  };
  const captcha = trackCaptcha(page);

  await page.goto("/");
  await page.getByRole("link", { name: "Buat Akun" }).click();
  await expect(page).toHaveURL(/\/daftar\/identitas$/);
  await expect(page.getByRole("heading", { level: 1, name: "Identitas" })).toBeVisible();
  const steps = page.getByRole("navigation", { name: "Langkah pendaftaran" });
  await expect(steps.getByRole("listitem")).toHaveCount(6);
  await expect(steps.locator('[aria-current="step"]')).toContainText("Identitas");
  await check();

  await fillIdentity(page, identity);
  // Gender comes from the NIK, read-only.
  await expect(page.getByLabel("Jenis Kelamin")).toHaveValue(identity.gender);
  await expect(page.getByLabel("Jenis Kelamin")).toHaveAttribute("readonly", "");
  await continueTo(page, "dokumen", "Dokumen");
  await expect(steps.getByRole("listitem").first()).toContainText("(selesai)");
  await check();

  await fillDocuments(page);
  await check();
  await continueTo(page, "kata-sandi", "Kata Sandi");
  await check();

  await fillPassword(page);
  await expect(page.getByText("Kekuatan kata sandi:")).not.toContainText("belum dinilai");
  await continueTo(page, "captcha", "Captcha");
  await check();

  await solveCaptcha(page, captcha);
  await continueTo(page, "cek-ulang", "Cek Ulang");
  const identitySection = page.getByRole("region", { name: "Identitas" });
  await expect(identitySection).toContainText(identity.nik);
  await expect(identitySection).toContainText(identity.fullName.toUpperCase());
  await expect(page.getByRole("img", { name: "Foto KTP" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Swafoto" })).toBeVisible();
  await expect(page.getByText("tidak dapat diubah").first()).toBeVisible();
  await check();

  await page.getByRole("button", { name: "Simpan dan Buat Akun" }).click();
  const dialog = page.getByRole("dialog", { name: "Apakah data Anda sudah benar?" });
  await expect(dialog).toBeVisible();
  await check();
  await confirmRegistrationFromOpenDialog(page);

  await expect(page).toHaveURL(/\/daftar\/selesai$/);
  await expect(page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible();
  const card = page.locator("#kartu-informasi-akun");
  await expect(card).toContainText(identity.nik);
  await expect(card).toContainText(identity.fullName.toUpperCase());
  await expect(card).toContainText(/\d{1,2} \w+ \d{4} pukul \d\d\.\d\d WIB/);
  const registrationNumber = (await card.locator("dd").first().textContent())?.trim() ?? "";
  expect(registrationNumber).not.toBe("");
  await check();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh Kartu Informasi Akun (PDF)" }).click(),
  ]);
  const pdf = fs.readFileSync(await download.path());
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(text).toContain(identity.nik);
  expect(text).toContain(identity.fullName.toUpperCase());
  expect(text).toContain(registrationNumber);

  // The progress is gone; a reload of the done page still shows the registration.
  expect(await page.evaluate(() => sessionStorage.getItem("sscasn:daftar:v1"))).toBeNull();
  await page.reload();
  await expect(page.getByText(registrationNumber).first()).toBeVisible();
  await expect(card).toContainText(identity.nik);
}

async function confirmRegistrationFromOpenDialog(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Iya" }).click();
}

test.describe("the wizard, start to finish", () => {
  test("registers at desktop width and downloads the card", async ({ page, newCitizen }) => {
    test.setTimeout(120_000);
    await registerFromLandingPage(page, newCitizen("KOTA-3273"), { narrow: false });
  });

  test("registers on a 360 px phone screen", async ({ page, newCitizen }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 740 });
    await registerFromLandingPage(page, newCitizen("BKN"), { narrow: true });
  });
});

test.describe("progress and navigation", () => {
  test("/daftar and later steps send an applicant without progress to the identity step", async ({ page }) => {
    await page.goto("/daftar/cek-ulang");
    await expect(page).toHaveURL(/\/daftar\/identitas$/);
    await page.goto("/daftar/kata-sandi");
    await expect(page).toHaveURL(/\/daftar\/identitas$/);
  });

  test("a reload keeps the identity and the chosen questions, never the password or the photos", async ({ page, newCitizen }) => {
    test.setTimeout(90_000);
    const identity = newCitizen();
    await fillWizardToPassword(page, identity);

    const stored = (await page.evaluate(() => sessionStorage.getItem("sscasn:daftar:v1"))) ?? "";
    expect(stored).toContain(identity.nik);
    expect(stored).toContain("SEKOLAH_DASAR");
    expect(stored).not.toContain("kuda lari");
    expect(stored).not.toContain("Sukamaju");

    await page.reload();
    // The photos were in memory only: back to the documents step, the identity still complete.
    await expect(page).toHaveURL(/\/daftar\/dokumen$/);
    await expect(page.getByRole("button", { name: "Aktifkan Kamera" })).toBeVisible();
    await page.getByRole("link", { name: "Kembali ke Identitas" }).click();
    await expect(page.getByLabel("NIK (Nomor Induk Kependudukan)")).toHaveValue(identity.nik);
    await expect(page.getByLabel("Email")).toHaveValue(identity.email);
    await continueTo(page, "dokumen", "Dokumen");
    await fillDocuments(page);
    await continueTo(page, "kata-sandi", "Kata Sandi");
    await expect(page.getByLabel("Kata Sandi", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("Jawaban 1")).toHaveValue("");
    await expect(securityQuestion(page, 1, QUESTION_SD)).toBeChecked();
    await expect(securityQuestion(page, 2, QUESTION_FOOD)).toBeChecked();
  });

  test("'Ubah' from the review edits a step and comes back to the review", async ({ page, newCitizen }) => {
    test.setTimeout(120_000);
    const identity = newCitizen();
    const captcha = await fillWizardToReview(page, identity);

    // Documents: a new selfie, then straight back to the review.
    await page.getByRole("link", { name: "Ubah Dokumen" }).click();
    await expect(page).toHaveURL(/\/daftar\/dokumen$/);
    await page.getByRole("button", { name: "Foto Ulang" }).click();
    await expect(page.getByRole("button", { name: "Ambil Foto" })).toBeEnabled({ timeout: 15_000 });
    await page.getByRole("button", { name: "Ambil Foto" }).click();
    await page.getByRole("button", { name: "Gunakan Foto" }).click();
    await continueTo(page, "cek-ulang", "Cek Ulang");

    // Identity: a new email. The password's context depends on the identity, so the password and
    // captcha steps are confirmed again (their answers are kept), then the review shows the change.
    await page.getByRole("link", { name: "Ubah Identitas" }).click();
    await expect(page).toHaveURL(/\/daftar\/identitas$/);
    const newEmail = `alamat.baru.${identity.email}`;
    await page.getByLabel("Email").fill(newEmail);
    await continueTo(page, "kata-sandi", "Kata Sandi");
    await expect(page.getByLabel("Kata Sandi", { exact: true })).not.toHaveValue("");
    await continueTo(page, "captcha", "Captcha");
    await continueTo(page, "cek-ulang", "Cek Ulang");
    await expect(page.getByRole("region", { name: "Identitas" })).toContainText(newEmail);

    // An unchanged identity goes straight back to the review.
    await page.getByRole("link", { name: "Ubah Identitas" }).click();
    await continueTo(page, "cek-ulang", "Cek Ulang");
  });
});


