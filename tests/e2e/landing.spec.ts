import { BUDI, expectNoAxeViolations, expectNoHorizontalScroll, expect, test } from "./fixtures";

test.describe("landing page inside the registration window (simulated clock)", () => {
  test("shows that registration is open, on a visibly simulated clock, with a way to start", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /Pendaftaran Akun SSCASN/ })).toBeVisible();
    await expect(page.getByRole("note", { name: "Waktu simulasi" })).toContainText("25 September 2023");
    await expect(page.getByText("Pendaftaran sedang dibuka")).toBeVisible();
    await expect(page.getByText("Pendaftaran akun dibuka sampai 8 Oktober 2023 pukul 23.59 WIB.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Buat Akun" })).toHaveAttribute("href", "/daftar");
  });

  test("tells the schedule, with the postponement from 17 to 20 September", async ({ page }) => {
    await page.goto("/");
    const schedule = page.getByRole("region", { name: "Jadwal pendaftaran" });
    await expect(schedule).toContainText("20 September 2023 pukul 00.00 WIB");
    await expect(schedule).toContainText("8 Oktober 2023 pukul 23.59 WIB");
    await expect(schedule).toContainText("semula dijadwalkan 17 September 2023");
  });

  test("shows every agency's formation status and finds one by name", async ({ page }) => {
    await page.goto("/");
    const agencies = page.getByRole("region", { name: "Status formasi instansi" });
    await expect(agencies.getByRole("listitem").filter({ hasText: "Kementerian Pertahanan" })).toContainText("Formasi dalam proses verifikasi");
    await expect(agencies.getByRole("listitem").filter({ hasText: "Badan Kepegawaian Negara" })).toContainText(
      "Formasi sudah diverifikasi",
    );
    await agencies.getByLabel("Cari instansi").fill("kota bandung");
    await expect(agencies.getByRole("listitem")).toHaveCount(1);
    await expect(agencies.getByRole("listitem")).toContainText("Pemerintah Kota Bandung");
    await expect(agencies.getByText(/^1 dari \d+ instansi ditampilkan\.$/)).toBeVisible();
  });

  test("passes axe and fits a 360 px screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});

test.describe("API inside the window", () => {
  test("GET /api/registration-window answers open", async ({ request }) => {
    const response = await request.get("/api/registration-window");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      status: "open",
      opensAt: "2023-09-19T17:00:00.000Z",
      closesAt: "2023-10-08T16:59:59.000Z",
      now: expect.stringMatching(/^2023-09-25T03:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  test("GET /api/agencies lists code, name, kind and formation status", async ({ request }) => {
    const agencies = (await (await request.get("/api/agencies")).json()) as Record<string, string>[];
    expect(agencies.length).toBeGreaterThanOrEqual(36);
    expect(agencies).toContainEqual({ code: "KEMHAN", name: "Kementerian Pertahanan", kind: "PUSAT", formationStatus: "IN_VERIFICATION" });
  });

  test("POST /api/registrations/validate accepts a sample identity and refuses an agency in verification", async ({ request }) => {
    const ok = await request.post("/api/registrations/validate", { data: { step: "identity", data: BUDI } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });

    const refused = await request.post("/api/registrations/validate", { data: { step: "identity", data: { ...BUDI, agencyCode: "KEMHAN" } } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: "AGENCY_FORMATION_NOT_VERIFIED", message: expect.stringContaining("verifikasi") });
  });
});
