import { DEFAULT_MESSAGES } from "@/domain/errors";
import { PHOTO_MESSAGES } from "@/schemas/documents";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import {
  agencyBox,
  captchaAnswer,
  chooseAgency,
  confirmRegistration,
  continueTo,
  fillDocuments,
  fillIdentity,
  fillPassword,
  fillWizardToPassword,
  fillWizardToReview,
  registerViaApi,
  solveCaptcha,
  takeSelfie,
  trackCaptcha,
  uploadKtp,
} from "./wizard-helpers";

const AGENCY_REFUSAL =
  "Formasi instansi ini masih dalam proses verifikasi, sehingga akun belum dapat dibuat untuk instansi ini. Silakan cek SSCASN secara berkala dan pantau akun media sosial resmi BKN serta instansi yang Anda tuju.";

const summary = (page: import("@playwright/test").Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

/** The day before an ISO date (an applicant one day older: never too young). */
const dayBefore = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The name with its last letter changed: a typo the registry must not accept. */
const misspelled = (fullName: string) => fullName.slice(0, -1) + (fullName.endsWith("a") ? "i" : "a");

test.describe("the browser's own checks", () => {
  test("an empty identity form: a focused summary linking to each field, messages by the fields", async ({ page, newCitizen }) => {
    await page.goto("/daftar/identitas");
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole("heading")).toHaveText("Ada 8 hal yang perlu diperbaiki");
    await expect(summary(page).getByRole("link")).toHaveCount(8);
    const nik = page.getByLabel("NIK (Nomor Induk Kependudukan)");
    await expect(nik).toHaveAttribute("aria-invalid", "true");
    await expect(nik).toHaveAccessibleDescription(/NIK wajib diisi\./);
    await expectNoAxeViolations(page);

    await summary(page).getByRole("link", { name: "Email wajib diisi." }).click();
    await expect(page.getByLabel("Email")).toBeFocused();

    // Fixing a field clears its message once it is valid; a wrong birth date for the NIK is named.
    const identity = newCitizen();
    await fillIdentity(page, { ...identity, birthDate: dayBefore(identity.birthDate) });
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toContainText("Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi.");
    await expect(summary(page).getByRole("link")).toHaveCount(1);
  });

  test("warns (does not refuse) an applicant over 35", async ({ page }) => {
    await page.goto("/daftar/identitas");
    await page.getByLabel("Tanggal Lahir").fill("1985-11-20");
    await expect(page.getByText(/Usia Anda lebih dari 35 tahun/)).toBeVisible();
    await expect(page.getByLabel("Tanggal Lahir")).toHaveAccessibleDescription(/lebih dari 35 tahun/);
  });

  test("documents, password and captcha steps name what is missing", async ({ page, newCitizen }) => {
    test.setTimeout(90_000);
    const tracker = trackCaptcha(page);
    const identity = newCitizen();
    await page.goto("/daftar");
    await fillIdentity(page, identity);
    await continueTo(page, "dokumen", "Dokumen");
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText("Unggah atau ambil foto KTP.");
    await expect(summary(page)).toContainText("Ambil swafoto dengan kamera.");
    await expectNoAxeViolations(page);

    // A file that does not even claim to be a photo is refused by the browser, with the reason.
    await uploadKtp(page, { name: "ktp.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    await expect(page.getByText("Foto harus berformat JPG atau PNG.").first()).toBeVisible();

    await fillDocuments(page);
    await continueTo(page, "kata-sandi", "Kata Sandi");
    await page.getByLabel("Kata Sandi", { exact: true }).fill("qwerty123456");
    await page.getByLabel("Ulangi Kata Sandi", { exact: true }).fill("qwerty1234567");
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText("Kata sandi ini termasuk yang paling umum dipakai");
    await expect(summary(page)).toContainText("Konfirmasi kata sandi tidak sama dengan kata sandi.");
    await expect(summary(page)).toContainText("Pilih pertanyaan keamanan pertama.");
    await expectNoAxeViolations(page);

    // The checklist follows the identity: the name may not be inside the password.
    const firstName = identity.fullName.split(" ")[0]!.toLowerCase();
    await page.getByLabel("Kata Sandi", { exact: true }).fill(`${firstName} suka kopi tubruk`);
    await expect(page.getByRole("listitem").filter({ hasText: "Tidak memuat bagian dari nama" })).toContainText("(belum terpenuhi)");
    const toggle = page.getByRole("button", { name: "Tampilkan kata sandi" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("Kata Sandi", { exact: true })).toHaveAttribute("type", "text");

    await fillPassword(page);
    await continueTo(page, "captcha", "Captcha");
    await expect(page.getByRole("img", { name: /Gambar kode captcha/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toContainText("Isi kode captcha.");
    await expectNoAxeViolations(page);
    const first = await solveCaptcha(page, tracker);
    await page.getByRole("button", { name: "Muat ulang captcha" }).click();
    await expect(page.getByText("Captcha baru sudah dimuat.")).toBeVisible();
    await expect(page.getByLabel("Kode captcha")).toHaveValue("");
    expect(tracker.latest()).not.toBe(first);

    // The audio alternative of the captcha on screen (the ux branch's CaptchaAudio).
    await expect(page.getByLabel("Kode captcha")).toHaveAttribute("inputmode", "numeric");
    await page.getByRole("button", { name: "Dengarkan captcha" }).click();
    await expect(page.locator("audio")).toHaveAttribute("src", `/api/captcha/${tracker.latest()}/audio`);
    await expectNoAxeViolations(page);
  });
});

test.describe("refusals from the server, each shown with its message", () => {
  test("an agency whose formation is still being verified: explained before and after submitting", async ({ page, newCitizen }) => {
    await page.goto("/daftar/identitas");
    const identity = newCitizen("KEMHAN");
    await fillIdentity(page, identity);
    // Before submitting, right by the picker.
    const agency = agencyBox(page);
    await expect(agency).toHaveAccessibleDescription(/Formasi Kementerian Pertahanan masih dalam proses verifikasi/);
    await expect(page.getByText(/pantau akun media sosial\s+resmi BKN serta Kementerian Pertahanan/)).toBeVisible();
    // "Beri tahu saya", beside the form (forms do not nest), reached from the warning's link.
    const notify = page.getByRole("region", { name: "Beri tahu saya saat formasi Kementerian Pertahanan diverifikasi" });
    await expect(notify).toBeVisible();
    await expect(page.getByRole("link", { name: "Minta email pemberitahuan" })).toHaveAttribute("href", "#beri-tahu-saya");
    await expectNoAxeViolations(page);
    await notify.getByLabel(/^Email/).fill(`kabari.${identity.email}`);
    await notify.getByRole("button", { name: "Beri tahu saya" }).click();
    await expect(notify.getByRole("status")).toContainText("Terima kasih.");

    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText(AGENCY_REFUSAL);
    await expect(agency).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/daftar\/identitas$/);
    // Nothing typed is lost.
    await expect(page.getByLabel("NIK (Nomor Induk Kependudukan)")).toHaveValue(identity.nik);
    await expect(page.getByLabel("Email")).toHaveValue(identity.email);
    await expectNoAxeViolations(page);

    // Choosing a verified agency lets the applicant through.
    await chooseAgency(page, "BKN");
    await expect(page.getByRole("region", { name: /^Beri tahu saya/ })).toHaveCount(0);
    await continueTo(page, "dokumen", "Dokumen");
  });

  test("the notify mail's link (?instansi=KODE) chooses the agency on a fresh identity step", async ({ page }) => {
    await page.goto("/daftar/identitas?instansi=KEMHAN");
    await expect(agencyBox(page)).toHaveValue("Kementerian Pertahanan");
    await expect(agencyBox(page)).toHaveAccessibleDescription(/Formasi Kementerian Pertahanan masih dalam proses verifikasi/);
  });

  test("the population registry does not match: data mismatch, then a wrong KK", async ({ page, newCitizen }) => {
    const identity = newCitizen();
    await page.goto("/daftar/identitas");
    await fillIdentity(page, { ...identity, fullName: misspelled(identity.fullName) });
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText("Data tidak sesuai dengan data Dukcapil.");
    await expect(summary(page)).toContainText("Periksa kembali NIK, nomor KK, nama lengkap, dan tanggal lahir");
    await expect(summary(page).getByRole("heading", { level: 2 })).toHaveText("Ada 1 hal yang perlu diperbaiki");
    await expectNoAxeViolations(page);

    await page.getByLabel("Nama Lengkap").fill(identity.fullName);
    // Another family's KK (Budi Santoso's, from the README).
    expect(identity.kk).not.toBe("3273011103190001");
    await page.getByLabel("Nomor Kartu Keluarga (KK)").fill("3273011103190001");
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toContainText("Nomor KK tidak sesuai.");
    await expect(page.getByLabel("Nomor Kartu Keluarga (KK)")).toHaveAccessibleDescription(/Nomor KK tidak sesuai\./);
    await expect(page.getByLabel("Nomor Kartu Keluarga (KK)")).toHaveAttribute("aria-invalid", "true");
  });

  test("a NIK that already has an account: one problem counted, the advice shown apart", async ({ page, request, newCitizen }) => {
    const identity = newCitizen();
    await registerViaApi(request, identity);
    await page.goto("/daftar/identitas");
    await fillIdentity(page, { ...identity, email: `lain.${identity.email}`, phone: `0812${identity.phone.slice(4)}` });
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole("link", { name: "NIK sudah terdaftar." })).toBeVisible();
    // The guidance is not a problem to fix: "Ada 1 hal", one item, the advice under "Saran".
    await expect(summary(page).getByRole("heading", { level: 2 })).toHaveText("Ada 1 hal yang perlu diperbaiki");
    await expect(summary(page).getByRole("listitem")).toHaveCount(1);
    await expect(summary(page).getByRole("heading", { level: 3, name: "Saran" })).toBeVisible();
    await expect(summary(page)).toContainText("Satu NIK hanya dapat membuat satu akun.");
    await expect(page.getByLabel("NIK (Nomor Induk Kependudukan)")).toHaveAccessibleDescription(/NIK sudah terdaftar\./);
    await expectNoAxeViolations(page);
  });

  test("a wrong captcha is refused at the captcha step, before the review: a fresh one, everything else kept", async ({ page, newCitizen }) => {
    test.setTimeout(120_000);
    const identity = newCitizen();
    const tracker = trackCaptcha(page);
    await fillWizardToPassword(page, identity);
    await continueTo(page, "captcha", "Captcha");
    await expect.poll(() => tracker.latest()).not.toBeNull();
    const burnt = tracker.latest();
    await page.getByLabel("Kode captcha").fill("salah1");
    const check = page.waitForResponse((r) => r.url().endsWith("/api/registrations/validate"));
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    expect((await check).status()).toBe(422);

    // Still at step 4, never at the review: the message, a new captcha, an empty answer box.
    await expect(page).toHaveURL(/\/daftar\/captcha$/);
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole("heading")).toHaveText("Ada 1 hal yang perlu diperbaiki");
    await expect(summary(page)).toContainText("Kode captcha salah atau sudah kedaluwarsa");
    await expect.poll(() => tracker.latest()).not.toBe(burnt);
    await expect(page.getByLabel("Kode captcha")).toHaveValue("");
    await expect(page.getByLabel("Kode captcha")).toHaveAccessibleDescription(/Kode captcha salah atau sudah kedaluwarsa/);
    await expect(page.getByText("Captcha baru sudah dimuat.")).toBeVisible();
    await expectNoAxeViolations(page);

    // The burnt captcha is refused even with its right answer: the server deleted it.
    expect(() => captchaAnswer(burnt as string)).toThrow(/No captcha/);

    // The fresh one works, and nothing else was lost.
    await solveCaptcha(page, tracker, burnt);
    await continueTo(page, "cek-ulang", "Cek Ulang");
    await expect(page.getByRole("region", { name: "Identitas" })).toContainText(identity.nik);
    await expect(page.getByRole("img", { name: "Swafoto" })).toBeVisible();
    await confirmRegistration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible();
  });

  test("a PDF renamed to .jpg is refused at step 2 by the browser, at once", async ({ page, newCitizen }) => {
    test.setTimeout(60_000);
    const identity = newCitizen();
    await page.goto("/daftar");
    await fillIdentity(page, identity);
    await continueTo(page, "dokumen", "Dokumen");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    // It claims to be a JPEG (its name); the browser cannot decode it, so it is refused right here.
    await uploadKtp(page, { name: "ktp.jpg", mimeType: "image/jpeg", buffer: pdf });
    const ktp = page.getByRole("region", { name: "Foto KTP" });
    await expect(ktp).toContainText(PHOTO_MESSAGES.notAnImage);
    await expect(page.getByRole("img", { name: "Pratinjau foto KTP yang dipilih" })).toHaveCount(0);
    await expect(page.getByLabel("Pilih file foto KTP")).toHaveAccessibleDescription(/bukan foto yang dapat dibaca/);
    await expectNoAxeViolations(page);

    // "Lanjutkan" does not complete the step; the summary names the reason, not just "required".
    await takeSelfie(page);
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole("link", { name: PHOTO_MESSAGES.notAnImage })).toBeVisible();
    await expect(page).toHaveURL(/\/daftar\/dokumen$/);

    // A real photo lets the applicant through.
    await uploadKtp(page);
    await expect(page.getByRole("img", { name: "Pratinjau foto KTP yang dipilih" })).toBeVisible();
    await continueTo(page, "kata-sandi", "Kata Sandi");
  });

  test("a photo the server refuses after 'Iya': the review says so, linking to the photo", async ({ page, newCitizen }) => {
    test.setTimeout(120_000);
    const identity = newCitizen();
    const tracker = await fillWizardToReview(page, identity);
    // The browser refuses such photos itself now; a client that did not (an old tab, a bypassed
    // check) gets the server's own answer, as POST /api/registrations sends it for a black selfie.
    const refusal = { error: { code: "VALIDATION_FAILED", message: DEFAULT_MESSAGES.VALIDATION_FAILED, fields: { selfie: [PHOTO_MESSAGES.uniform] } } };
    await page.route("**/api/registrations", (route) => route.fulfill({ status: 422, json: refusal }), { times: 1 });
    await confirmRegistration(page);
    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText(DEFAULT_MESSAGES.VALIDATION_FAILED);
    await expect(summary(page)).toContainText(PHOTO_MESSAGES.uniform);
    await expect(page.getByRole("dialog")).toBeHidden();
    await expectNoAxeViolations(page);

    // The link leads to the selfie on the documents step, where the message is shown by it.
    await summary(page).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/daftar\/dokumen#f-selfie$/);
    await expect(page.getByRole("region", { name: "Swafoto" })).toContainText(PHOTO_MESSAGES.uniform);
    await takeSelfie(page);
    await continueTo(page, "cek-ulang", "Cek Ulang");
    // The intercepted request never reached the server: the captcha still holds.
    await confirmRegistration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible();
    expect(tracker.latest()).not.toBeNull();
  });
});
