import { ADMIN, signInAdmin, signInApi } from "./auth-helpers";
import { BYPASS_HEADER, expectNoAxeViolations, expectNoHorizontalScroll, expect, test } from "./fixtures";
import { PASSWORD, citizen, confirmRegistration, fillIdentity, fillWizardToReview, registerViaApi } from "./wizard-helpers";

// KEMENPUPR is seeded IN_VERIFICATION and used by no other test, so toggling it here is safe.
const AGENCY = { code: "KEMENPUPR", name: "Kementerian Pekerjaan Umum dan Perumahan Rakyat" };

test.describe("the admin console", () => {
  test("an admin verifies an agency's formation and an applicant refused for it then completes the wizard", async ({ page, browser }) => {
    test.setTimeout(120_000); // the wizard twice, and four console pages checked with axe
    const applicant = citizen(360, AGENCY.code);
    const applicantContext = await browser.newContext();
    const applicantPage = await applicantContext.newPage();
    await applicantPage.goto("/daftar/identitas");
    await fillIdentity(applicantPage, applicant);
    await applicantPage.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(applicantPage.getByRole("alert").filter({ hasText: "perlu diperbaiki" })).toContainText("masih dalam proses verifikasi");
    await expect(applicantPage).toHaveURL(/\/daftar\/identitas$/);

    await signInAdmin(page);
    await expectNoAxeViolations(page);
    await page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Instansi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Status formasi instansi" })).toBeVisible();
    await page.getByLabel("Cari instansi").fill("pekerjaan umum");
    const row = page.getByRole("row", { name: new RegExp(AGENCY.name) });
    await expect(row).toContainText("Formasi dalam proses verifikasi");
    await row.getByRole("button", { name: `Tandai formasi sudah diverifikasi: ${AGENCY.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "ditandai sudah diverifikasi" })).toBeVisible();
    await expect(row).toContainText("Formasi sudah diverifikasi");
    await expectNoAxeViolations(page);

    // Effective at once: the same applicant now goes through the whole wizard.
    // The refused identity was never completed, so the wizard starts at it again.
    await fillWizardToReview(applicantPage, applicant);
    await confirmRegistration(applicantPage);
    await expect(applicantPage.getByRole("heading", { level: 1, name: "Akun berhasil dibuat" })).toBeVisible();
    await applicantContext.close();

    // And the landing page says so.
    await page.goto("/");
    await expect(page.getByRole("listitem").filter({ hasText: AGENCY.name })).toContainText("Formasi sudah diverifikasi");

    // On the record, and in the figures.
    await page.goto("/admin/audit");
    const entry = page.getByRole("row").filter({ hasText: `agency:${AGENCY.code}` }).first();
    await expect(entry).toContainText("Mengubah status formasi");
    await expect(entry).toContainText(ADMIN.username);
    await expect(entry).toContainText('"formationStatus":"IN_VERIFICATION"');
    await expectNoAxeViolations(page);
    await page.goto("/admin");
    await expect(page.getByRole("region", { name: "Akun per instansi" })).toContainText(AGENCY.name);
    await expect(page.getByRole("region", { name: "Permintaan pendaftaran yang ditolak, per alasan" })).toContainText("AGENCY_FORMATION_NOT_VERIFIED");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
  });

  test("an admin looks an applicant up, and every view is on the audit log", async ({ page, request }) => {
    test.setTimeout(60_000);
    const applicant = citizen(362, "KEMENKEU");
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
  test("401 without a session and 403 with an applicant's", async ({ playwright, baseURL }) => {
    const applicant = citizen(361, "KEMENKEU");
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
