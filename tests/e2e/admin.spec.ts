import { ADMIN, signInAdmin, signInApi } from "./auth-helpers";
import { BYPASS_HEADER, expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import { PASSWORD, confirmRegistration, fillIdentity, fillWizardToReview, registerViaApi } from "./wizard-helpers";
import { linksIn, mailsTo } from "./outbox";

// KEMENPUPR is seeded IN_VERIFICATION and used by no other test, so toggling it here is safe.
const AGENCY = { code: "KEMENPUPR", name: "Kementerian Pekerjaan Umum dan Perumahan Rakyat" };

test.describe("the admin console", () => {
  test("an admin verifies an agency's formation and an applicant refused for it then completes the wizard", async ({ page, browser, newCitizen }) => {
    test.setTimeout(120_000); // the wizard twice, and four console pages checked with axe
    const applicant = newCitizen(AGENCY.code);
    const applicantContext = await browser.newContext();
    const applicantPage = await applicantContext.newPage();
    await applicantPage.goto("/daftar/identitas");
    await fillIdentity(applicantPage, applicant);
    await applicantPage.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(applicantPage.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toContainText("masih dalam proses verifikasi");
    await expect(applicantPage).toHaveURL(/\/daftar\/identitas$/);

    // Someone asked to be told when this agency is verified ("Beri tahu saya").
    const subscriber = `pupr.${Date.now()}@contoh.id`;
    expect((await applicantPage.request.post("/api/agency-notifications", { data: { agencyCode: AGENCY.code, email: subscriber } })).status()).toBe(202);

    await signInAdmin(page);
    await expectNoAxeViolations(page);
    const menu = page.getByRole("navigation", { name: "Menu admin" });
    await expect(menu.getByRole("link", { name: "Ringkasan" })).toHaveAttribute("aria-current", "page");
    await menu.getByRole("link", { name: "Instansi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Status formasi instansi" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Instansi" })).toHaveAttribute("aria-current", "page");
    await expect(menu.locator("[aria-current]")).toHaveCount(1);
    await page.getByLabel("Cari instansi").fill("pekerjaan umum");
    const row = page.getByRole("row", { name: new RegExp(AGENCY.name) });
    await expect(row).toContainText("Formasi dalam proses verifikasi");
    const toggle = row.getByRole("button", { name: `Tandai formasi sudah diverifikasi: ${AGENCY.name}` });

    // Nothing changes on one click: a dialog asks first; "Batal" (or Esc) leaves everything as it was.
    await toggle.click();
    const dialog = page.getByRole("dialog", { name: "Tandai formasi sudah diverifikasi?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(AGENCY.name);
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Batal" }).click();
    await expect(dialog).toBeHidden();
    await expect(toggle).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Formasi dalam proses verifikasi");
    expect((await (await page.request.get("/api/agencies")).json()).find((a: { code: string }) => a.code === AGENCY.code).formationStatus).toBe("IN_VERIFICATION");

    await toggle.click();
    await dialog.getByRole("button", { name: "Ya, tandai terverifikasi" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "ditandai sudah diverifikasi" })).toBeVisible();
    await expect(row).toContainText("Formasi sudah diverifikasi");
    await expectNoAxeViolations(page);

    // The subscriber's one mail (written to the outbox: no SMTP_URL here), with a start link and
    // an unsubscribe link that works without signing in.
    await expect.poll(() => mailsTo(subscriber).length, { timeout: 10_000 }).toBe(1);
    const mail = mailsTo(subscriber)[0]!;
    expect(mail).toContain(`Subject: Formasi ${AGENCY.name} sudah diverifikasi`);
    const links = linksIn(mail);
    const baseURL = new URL(page.url()).origin;
    expect(links).toContain(`${baseURL}/daftar/identitas?instansi=${AGENCY.code}`);
    const unsubscribe = links.find((link) => link.includes("/api/agency-notifications/unsubscribe?token="))!;
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(unsubscribe);
    await expect(strangerPage.getByRole("heading", { level: 1, name: "Anda sudah berhenti berlangganan" })).toBeVisible();
    await expectNoAxeViolations(strangerPage);
    await stranger.close();

    // Effective at once: the same applicant now goes through the whole wizard.
    // The refused identity was never completed, so the wizard starts at it again.
    await fillWizardToReview(applicantPage, applicant);
    await confirmRegistration(applicantPage);
    await expect(applicantPage.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible();
    await applicantContext.close();

    // And the landing page says so.
    await page.goto("/");
    await page.getByRole("region", { name: "Status formasi instansi" }).getByLabel("Cari instansi").fill("pekerjaan umum");
    await expect(page.getByRole("listitem").filter({ hasText: AGENCY.name })).toContainText("Formasi sudah diverifikasi");

    // On the record, and in the figures.
    await page.goto("/admin/audit");
    const entry = page.getByRole("row").filter({ hasText: `agency:${AGENCY.code}` }).first();
    await expect(entry).toContainText("Mengubah status formasi");
    await expect(entry).toContainText(ADMIN.username);
    await expect(entry).toContainText('"formationStatus":"IN_VERIFICATION"');
    await expectNoAxeViolations(page);
    await page.goto("/admin");
    // Charts drawn as SVG on the server, each with its numbers as a table for screen readers.
    for (const name of ["Akun per hari (WIB)", "Akun per jam (WIB), semua hari", "Akun per instansi"]) {
      const region = page.getByRole("region", { name });
      await expect(region.getByRole("table", { name })).toHaveCount(1);
    }
    await expect(page.getByRole("region", { name: "Akun per hari (WIB)" }).locator("svg rect")).not.toHaveCount(0);
    await expect(page.getByRole("table", { name: "Akun per instansi" }).getByRole("row", { name: new RegExp(AGENCY.name) })).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Akun per instansi" })).toContainText(AGENCY.name);
    await expect(page.getByRole("region", { name: "Permintaan pendaftaran yang ditolak, per alasan" })).toContainText("AGENCY_FORMATION_NOT_VERIFIED");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
  });

  test("an admin looks an applicant up, and every view is on the audit log", async ({ page, request, newCitizen }) => {
    test.setTimeout(60_000);
    const applicant = newCitizen("KEMENKEU");
    await registerViaApi(request, applicant);
    await signInAdmin(page);
    await page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Cari Pelamar" }).click();
    await page.getByLabel("NIK atau nomor pendaftaran").fill("12345");
    await page.getByRole("button", { name: "Cari" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "16 digit" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("NIK atau nomor pendaftaran").fill(applicant.nik);
    await page.getByRole("button", { name: "Cari" }).click();
    const result = page.getByRole("region", { name: applicant.fullName.toUpperCase() });
    await expect(result).toContainText(applicant.kk);
    const ktp = result.getByRole("img", { name: `Foto KTP ${applicant.fullName.toUpperCase()}` });
    await expect.poll(() => ktp.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await page.goto("/admin/audit");
    const views = page.getByRole("row").filter({ hasText: "Melihat data pelamar" });
    await expect(views.filter({ hasText: '"view":"profile"' }).first()).toBeVisible();
    await expect(views.filter({ hasText: '"view":"ktp"' }).first()).toBeVisible();
  });

  test("console pages send visitors without a session to the admin sign-in", async ({ page }) => {
    for (const path of ["/admin", "/admin/instansi", "/admin/jadwal", "/admin/pelamar", "/admin/audit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/admin\/masuk/);
    }
    await expectNoAxeViolations(page);
  });
});

test.describe("admin API authorisation, with the middleware-bypass header too", () => {
  test("401 without a session and 403 with an applicant's", async ({ playwright, baseURL, newCitizen }) => {
    const applicant = newCitizen("KEMENKEU");
    const anonymous = await playwright.request.newContext({ baseURL });
    await registerViaApi(anonymous, applicant);
    const applicantContext = await playwright.request.newContext({ baseURL });
    await signInApi(applicantContext, "applicant", { nik: applicant.nik, password: PASSWORD });
    const adminContext = await playwright.request.newContext({ baseURL });
    await signInApi(adminContext, "admin", ADMIN);

    const calls = [
      (ctx: typeof anonymous, headers: Record<string, string>) => ctx.patch("/api/admin/agencies/BSSN", { data: { formationStatus: "VERIFIED" }, headers }),
      (ctx: typeof anonymous, headers: Record<string, string>) =>
        ctx.put("/api/admin/schedule", { data: { opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" }, headers }),
    ];
    for (const call of calls) {
      for (const headers of [{}, BYPASS_HEADER]) {
        const unauthenticated = await call(anonymous, headers);
        expect(unauthenticated.status()).toBe(401);
        expect((await unauthenticated.json()).error.code).toBe("UNAUTHORIZED");
        const forbidden = await call(applicantContext, headers);
        expect(forbidden.status()).toBe(403);
        expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
      }
    }
    // BSSN stays as seeded; the admin's own schedule call (same dates as seeded) succeeds.
    expect((await (await anonymous.get("/api/agencies")).json()).find((a: { code: string }) => a.code === "BSSN").formationStatus).toBe("IN_VERIFICATION");
    expect((await calls[1]!(adminContext, {})).status()).toBe(200);
    await Promise.all([anonymous.dispose(), applicantContext.dispose(), adminContext.dispose()]);
  });
});
