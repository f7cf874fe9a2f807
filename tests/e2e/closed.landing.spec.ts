import { BUDI, expectNoAxeViolations, expect, test } from "./fixtures";

// Runs against the server started with APP_CLOCK=2023-10-09T00:00:00+07:00 (playwright.config.ts),
// in a time zone far from WIB to show the window does not depend on the server's TZ.
test.describe("after the registration window closed", () => {
  test("the landing page says registration is closed and offers no way to start", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByText("Pendaftaran sudah ditutup")).toBeVisible();
    await expect(page.getByText("telah ditutup pada 8 Oktober 2023 pukul 23.59 WIB")).toBeVisible();
    await expect(page.getByRole("link", { name: "Buat Akun" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("the API says closed, and refuses validation before looking at any field", async ({ request }) => {
    const window = await (await request.get("/api/registration-window")).json();
    expect(window.status).toBe("closed");
    // The clock started at 2023-10-09 00:00 WIB when the server did, and runs on from there.
    const sinceStart = Date.parse(window.now) - Date.parse("2023-10-08T17:00:00Z");
    expect(sinceStart).toBeGreaterThanOrEqual(0);
    expect(sinceStart).toBeLessThan(60 * 60 * 1000);

    for (const data of [{ step: "identity", data: BUDI }, { step: "identity", data: { nik: "not a nik" } }]) {
      const response = await request.post("/api/registrations/validate", { data });
      expect(response.status()).toBe(403);
      expect((await response.json()).error).toMatchObject({ code: "REGISTRATION_CLOSED", message: "Pendaftaran sudah ditutup pada 8 Oktober 2023 pukul 23.59 WIB." });
    }
  });
});
