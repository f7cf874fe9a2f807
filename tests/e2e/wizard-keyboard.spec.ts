import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { extractText } from "unpdf";
import { expect, test } from "./fixtures";
import { KTP_FIXTURE, PASSWORD, QUESTION_FOOD, QUESTION_SD, agencyBox, agencyOption, captchaAnswer, securityQuestion, trackCaptcha } from "./wizard-helpers";

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i <= max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Could not reach ${target} with the keyboard`);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function press(page: Page, target: Locator, key = "Enter"): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

test("the whole wizard with the keyboard alone", async ({ page, newCitizen }) => {
  test.setTimeout(150_000);
  const identity = newCitizen("BKN");
  const tracker = trackCaptcha(page);

  await page.goto("/");
  await press(page, page.getByRole("link", { name: "Buat Akun" }));
  await expect(page.getByRole("heading", { level: 1, name: "Identitas" })).toBeVisible();

  await typeInto(page, page.getByLabel("NIK (Nomor Induk Kependudukan)"), identity.nik);
  await typeInto(page, page.getByLabel("Nomor Kartu Keluarga (KK)"), identity.kk);
  await typeInto(page, page.getByLabel("Nama Lengkap"), identity.fullName);
  await typeInto(page, page.getByLabel("Tempat Lahir"), identity.birthPlace);
  // Chromium lays out a date field in its UI language (en-US here: month, day, year), not the page's.
  const [year, month, day] = identity.birthDate.split("-") as [string, string, string];
  await typeInto(page, page.getByLabel("Tanggal Lahir"), `${month}${day}${year}`);
  await expect(page.getByLabel("Tanggal Lahir")).toHaveValue(identity.birthDate);
  await typeInto(page, page.getByLabel("Nomor HP"), identity.phone);
  await typeInto(page, page.getByLabel("Email"), identity.email);
  // The agency picker: typing narrows its list, ↓ moves into it, Enter chooses.
  await typeInto(page, agencyBox(page), "kepegawaian");
  await expect(agencyOption(page, "Badan Kepegawaian Negara")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(agencyBox(page)).toHaveAttribute("aria-activedescendant", /BKN$/);
  await page.keyboard.press("Enter");
  await expect(agencyBox(page)).toHaveValue("Badan Kepegawaian Negara");
  await expect(page.getByRole("listbox", { name: "Daftar instansi" })).toBeHidden();
  await press(page, page.getByRole("button", { name: "Lanjutkan" }));
  await expect(page.getByRole("heading", { level: 1, name: "Dokumen" })).toBeFocused();

  // The file input opens the file chooser from the keyboard.
  await tabTo(page, page.getByLabel("Pilih file foto KTP"));
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(KTP_FIXTURE);
  await expect(page.getByRole("img", { name: "Pratinjau foto KTP yang dipilih" })).toBeVisible();
  await press(page, page.getByRole("button", { name: "Aktifkan Kamera" }));
  const shoot = page.getByRole("button", { name: "Ambil Foto" });
  await expect(shoot).toBeEnabled({ timeout: 15_000 });
  await press(page, shoot, "Space");
  await press(page, page.getByRole("button", { name: "Gunakan Foto" }));
  await expect(page.getByRole("img", { name: "Swafoto yang akan dikirim" })).toBeVisible();
  await press(page, page.getByRole("button", { name: "Lanjutkan" }));
  await expect(page.getByRole("heading", { level: 1, name: "Kata Sandi" })).toBeFocused();

  await typeInto(page, page.getByLabel("Kata Sandi", { exact: true }), PASSWORD);
  await press(page, page.getByRole("button", { name: "Tampilkan kata sandi" }), "Space");
  await expect(page.getByLabel("Kata Sandi", { exact: true })).toHaveAttribute("type", "text");
  await typeInto(page, page.getByLabel("Ulangi Kata Sandi", { exact: true }), PASSWORD);
  // Radios: Tab enters a group, Space chooses, the arrow keys move the choice (and wrap).
  await press(page, securityQuestion(page, 1, QUESTION_SD), "Space");
  await expect(securityQuestion(page, 1, QUESTION_SD)).toBeChecked();
  await typeInto(page, page.getByLabel("Jawaban 1"), "SD Negeri 1 Purbalingga");
  // The question chosen above cannot be chosen again: the group starts at the second one.
  await tabTo(page, securityQuestion(page, 2, /hewan peliharaan/));
  await page.keyboard.press("ArrowUp");
  await expect(securityQuestion(page, 2, QUESTION_FOOD)).toBeChecked();
  await typeInto(page, page.getByLabel("Jawaban 2"), "soto ayam");
  await press(page, page.getByRole("button", { name: "Lanjutkan" }));
  await expect(page.getByRole("heading", { level: 1, name: "Captcha" })).toBeFocused();

  await expect.poll(() => tracker.latest()).not.toBeNull();
  await typeInto(page, page.getByLabel("Kode captcha"), captchaAnswer(tracker.latest() as string));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Cek Ulang" })).toBeFocused();

  // The dialog: Esc closes it and focus returns; inside, Tab and Shift+Tab move between its buttons.
  const save = page.getByRole("button", { name: "Simpan dan Buat Akun" });
  await press(page, save);
  const dialog = page.getByRole("dialog", { name: "Apakah data Anda sudah benar?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Batal" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Iya" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Batal" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible({ timeout: 20_000 });
  await tabTo(page, page.getByRole("link", { name: "Unduh Kartu Informasi Akun (PDF)" }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const { text } = await extractText(new Uint8Array(fs.readFileSync(await download.path())), { mergePages: true });
  expect(text).toContain(identity.nik);
});
