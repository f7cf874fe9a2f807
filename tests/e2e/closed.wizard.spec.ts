import { expectNoAxeViolations, expectNoHorizontalScroll, expect, test } from "./fixtures";

// The closed project's server runs after 8 October 2023 23:59:59 WIB (playwright.config.ts).
test.describe("the wizard after registration closed", () => {
  for (const path of ["/daftar", "/daftar/identitas", "/daftar/cek-ulang"]) {
    test(`${path} says registration is closed, with the closing time, and shows no form`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Pendaftaran sudah ditutup" })).toBeVisible();
      await expect(page.getByText("8 Oktober 2023 pukul 23.59 WIB")).toBeVisible();
      await expect(page.getByLabel("NIK (Nomor Induk Kependudukan)")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Lanjutkan" })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }

  test("fits a 360 px screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/daftar");
    await expect(page.getByRole("heading", { level: 1, name: "Pendaftaran sudah ditutup" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
