import { extractText, getDocumentProxy } from "unpdf";
import { signInApi, signInApplicant } from "./auth-helpers";
import { BYPASS_HEADER, expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import {
  NEW_PASSWORD,
  PASSWORD,
  QUESTION_FOOD,
  QUESTION_SD,
  captchaAnswer,
  confirmRegistration,
  fillWizardToReview,
  registerViaApi,
  trackCaptcha,
} from "./wizard-helpers";

/** A radio of "Lupa Kata Sandi"'s security question, by its text. */
const recoveryQuestion = (page: import("@playwright/test").Page, question: string) =>
  page.getByRole("group", { name: "Pertanyaan keamanan" }).getByRole("radio", { name: question, exact: true });

test.describe("an applicant's account", () => {
  test("registers, signs in with NIK and password, sees Akun Saya and its photos, downloads the card, signs out", async ({ page, newCitizen }) => {
    test.setTimeout(90_000);
    const applicant = newCitizen("KEMENKEU");
    await fillWizardToReview(page, applicant);
    await confirmRegistration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible();

    await signInApplicant(page, applicant.nik, PASSWORD);
    await expect(page.getByRole("heading", { level: 1, name: "Akun Saya" })).toBeVisible();
    const data = page.getByRole("region", { name: "Data akun" });
    await expect(data).toContainText(applicant.nik);
    await expect(data).toContainText(applicant.fullName.toUpperCase());
    await expect(data).toContainText("Kementerian Keuangan");
    // The wizard's labels, in the wizard's case.
    for (const label of ["Nomor Pendaftaran", "Nama Lengkap", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Nomor HP"]) {
      await expect(data.getByText(label, { exact: true })).toBeVisible();
    }
    for (const name of ["Foto KTP Anda", "Swafoto Anda"]) {
      const image = page.getByRole("img", { name });
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    // Nothing on the page edits the identity.
    await expect(page.getByRole("textbox")).toHaveCount(0);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Unduh Kartu Informasi Akun (PDF)" }).click();
    const file = await (await download).path();
    const pdf = await getDocumentProxy(new Uint8Array(await (await import("node:fs/promises")).readFile(file)));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain(applicant.nik);
    expect(text).toContain(applicant.fullName.toUpperCase());
    // The card is a record of the account, not a key to recover the password with.
    expect(text).toContain("bukti bahwa akun Anda sudah dibuat");
    expect(text).not.toContain("Keduanya diperlukan");

    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);

    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk$/);
    await page.goto("/akun");
    await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fakun$/);
  });

  test("a wrong password is refused without saying whether the NIK exists; the form passes axe with errors", async ({ page, request, newCitizen }) => {
    const applicant = newCitizen("KEMENKEU");
    await registerViaApi(request, applicant);
    await page.goto("/masuk");
    await expectNoAxeViolations(page);
    for (const nik of [applicant.nik, newCitizen().nik]) {
      await page.getByLabel("NIK").fill(nik);
      await page.getByLabel("Kata sandi", { exact: true }).fill("bukan kata sandinya");
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      const summary = page.getByRole("alert").filter({ hasText: "perlu diperbaiki" });
      await expect(summary).toContainText("Data masuk tidak sesuai. Periksa kembali dan coba lagi.");
      await expect(summary).toBeFocused();
    }
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toContainText("Kata sandi wajib diisi.");
    await expectNoAxeViolations(page);
  });

  test("recovers a forgotten password; the new one signs in and the old session ends", async ({ page, browser, request, newCitizen }) => {
    test.setTimeout(60_000);
    const applicant = newCitizen("KEMENKEU");
    await registerViaApi(request, applicant);

    // A session signed in before the recovery, in another browser.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInApplicant(otherPage, applicant.nik, PASSWORD);

    const captcha = trackCaptcha(page);
    await page.goto("/masuk");
    await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lupa Kata Sandi" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("NIK").fill(applicant.nik);
    await page.getByLabel("Nomor KK").fill(applicant.kk);
    await page.getByLabel("Tanggal lahir").fill(applicant.birthDate);
    await recoveryQuestion(page, QUESTION_FOOD).check();
    await page.getByLabel("Jawaban pertanyaan keamanan").fill("Nasi Goreng  Kambing");
    await page.getByLabel("Kata sandi baru", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Ulangi kata sandi baru").fill(NEW_PASSWORD);
    await expect.poll(() => captcha.latest()).not.toBeNull();
    await page.getByLabel("Kode captcha").fill(captchaAnswer(captcha.latest() as string));
    await page.getByRole("button", { name: "Ubah kata sandi" }).click();
    await expect(page.getByRole("status")).toContainText("Kata sandi berhasil diubah");

    await otherPage.goto("/akun");
    await expect(otherPage).toHaveURL(/\/masuk\?callbackUrl=%2Fakun$/);
    await other.close();

    await page.goto("/masuk");
    await page.getByLabel("NIK").fill(applicant.nik);
    await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toContainText("Data masuk tidak sesuai");
    await page.getByLabel("Kata sandi", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page).toHaveURL(/\/akun$/);
  });

  test("a wrong recovery answer is refused with one message and keeps what was typed", async ({ page, request, newCitizen }) => {
    const applicant = newCitizen("KEMENKEU");
    await registerViaApi(request, applicant);
    const captcha = trackCaptcha(page);
    await page.goto("/lupa-kata-sandi");
    await page.getByLabel("NIK").fill(applicant.nik);
    await page.getByLabel("Nomor KK").fill(applicant.kk);
    await page.getByLabel("Tanggal lahir").fill(applicant.birthDate);
    await recoveryQuestion(page, QUESTION_SD).check();
    await page.getByLabel("Jawaban pertanyaan keamanan").fill("SD yang lain");
    await page.getByLabel("Kata sandi baru", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Ulangi kata sandi baru").fill(NEW_PASSWORD);
    await expect.poll(() => captcha.latest()).not.toBeNull();
    const first = captcha.latest() as string;
    await page.getByLabel("Kode captcha").fill(captchaAnswer(first));
    await page.getByRole("button", { name: "Ubah kata sandi" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toContainText("Data pemulihan tidak sesuai");
    await expect(page.getByLabel("NIK")).toHaveValue(applicant.nik);
    // The used captcha was replaced by a fresh one.
    await expect.poll(() => captcha.latest()).not.toBe(first);
    await expectNoAxeViolations(page);
  });

  test("at 360 px every security question of the recovery is read in full", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/lupa-kata-sandi");
    const group = page.getByRole("group", { name: "Pertanyaan keamanan" });
    await expect(group.getByRole("radio")).toHaveCount(6);
    for (const label of await group.locator("label").all()) {
      await expect(label).toBeVisible();
      expect(await label.evaluate((element) => element.scrollWidth > element.clientWidth + 1)).toBe(false);
      const box = (await label.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    await expect(group.getByText("Apa nama jalan tempat Anda tinggal semasa kecil?", { exact: true })).toBeVisible();
    // Nothing chosen: the summary's link leads to the first question.
    await page.getByRole("button", { name: "Ubah kata sandi" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "perlu diperbaiki" });
    await expect(summary).toBeFocused();
    await summary.getByRole("link", { name: "Pilih salah satu pertanyaan keamanan Anda." }).click();
    await expect(recoveryQuestion(page, QUESTION_SD)).toBeFocused();
    await expect(recoveryQuestion(page, QUESTION_SD)).toHaveAttribute("aria-invalid", "true");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});

test.describe("who may see an applicant's photos", () => {
  test("only the owner (401 without a session, 403 for another applicant)", async ({ playwright, baseURL, newCitizen }) => {
    const owner = newCitizen("KEMENKEU");
    const stranger = newCitizen("KEMENKEU");
    const setup = await playwright.request.newContext({ baseURL });
    await registerViaApi(setup, owner);
    await registerViaApi(setup, stranger);
    await setup.dispose();

    const ownerContext = await playwright.request.newContext({ baseURL });
    await signInApi(ownerContext, "applicant", { nik: owner.nik, password: PASSWORD });
    const account = await (await ownerContext.get("/api/auth/session")).json();
    expect(account.user.role).toBe("APPLICANT");

    const strangerContext = await playwright.request.newContext({ baseURL });
    await signInApi(strangerContext, "applicant", { nik: stranger.nik, password: PASSWORD });
    const anonymous = await playwright.request.newContext({ baseURL });

    // The owner's registration number, as the account page links it.
    const page = await ownerContext.get("/akun");
    const number = /\/api\/registrations\/(\d+)\/photos\/ktp/.exec(await page.text())?.[1];
    expect(number).toBeTruthy();
    for (const kind of ["ktp", "selfie"]) {
      const url = `/api/registrations/${number}/photos/${kind}`;
      expect((await ownerContext.get(url)).status()).toBe(200);
      for (const headers of [{}, BYPASS_HEADER]) {
        expect((await anonymous.get(url, { headers })).status()).toBe(401);
        const forbidden = await strangerContext.get(url, { headers });
        expect(forbidden.status()).toBe(403);
        expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
      }
    }
    await Promise.all([ownerContext.dispose(), strangerContext.dispose(), anonymous.dispose()]);
  });
});
