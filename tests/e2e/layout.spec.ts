import type { Locator, Page } from "@playwright/test";
import { signInAdmin, signInApplicant } from "./auth-helpers";
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import { PASSWORD, registerViaApi } from "./wizard-helpers";

/** The link's text takes one line: its content box is no taller than one line, and it sits beside the logo. */
async function expectOneLineInHeader(page: Page, link: Locator): Promise<void> {
  await expect(link).toBeVisible();
  const { contentHeight, lineHeight, right } = await link.evaluate((element) => {
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const px = (value: string) => Number.parseFloat(value) || 0;
    const chrome = px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
    return { contentHeight: rect.height - chrome, lineHeight: px(style.lineHeight) || px(style.fontSize) * 1.5, right: rect.right };
  });
  expect(contentHeight).toBeLessThanOrEqual(lineHeight + 1);
  expect(right).toBeLessThanOrEqual(360);
  const logo = (await page.getByRole("banner").getByRole("link").first().boundingBox())!;
  const box = (await link.boundingBox())!;
  // Same row as the logo: the link's middle lies within the logo's height.
  expect(box.y + box.height / 2).toBeGreaterThan(logo.y);
  expect(box.y + box.height / 2).toBeLessThan(logo.y + logo.height);
}

test.describe("at 360 px the header's account link stays on one line", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("Masuk, Akun Saya and Konsol Admin", async ({ page, browser, request, newCitizen }) => {
    test.setTimeout(60_000);
    await page.goto("/");
    await expectOneLineInHeader(page, page.getByRole("navigation", { name: "Akun" }).getByRole("link", { name: "Masuk" }));

    const applicant = newCitizen("KEMENKEU");
    await registerViaApi(request, applicant);
    await signInApplicant(page, applicant.nik, PASSWORD);
    await expectOneLineInHeader(page, page.getByRole("navigation", { name: "Akun" }).getByRole("link", { name: "Akun Saya" }));
    await expectNoHorizontalScroll(page);

    const adminContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const adminPage = await adminContext.newPage();
    await signInAdmin(adminPage);
    await expectOneLineInHeader(adminPage, adminPage.getByRole("navigation", { name: "Akun" }).getByRole("link", { name: "Konsol Admin" }));
    await adminContext.close();
  });
});

test.describe("pages that are not there, in Indonesian", () => {
  test("an unknown address answers 404 with a way back to Beranda and Buat Akun, accessible at 360 px", async ({ page }) => {
    const response = await page.goto("/halaman-yang-tidak-ada");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: "Ke Beranda" })).toHaveAttribute("href", "/");
    await expect(main.getByRole("link", { name: "Buat Akun" })).toHaveAttribute("href", "/daftar");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
    await main.getByRole("link", { name: "Ke Beranda" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Pendaftaran Akun SSCASN/ })).toBeVisible();
  });

  test("an unsubscribe link that was not signed by the server is refused, politely", async ({ page }) => {
    await page.goto("/api/agency-notifications/unsubscribe?token=palsu");
    await expect(page).toHaveURL(/\/pemberitahuan\/berhenti\?hasil=tidak-valid$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tautan tidak valid" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
