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

  test("lists the agencies still in verification first, finds any agency by name, and keeps the full list one click away", async ({ page }) => {
    await page.goto("/");
    const agencies = page.getByRole("region", { name: "Status formasi instansi" });
    const waiting = agencies.getByRole("region", { name: /Formasi masih diverifikasi/ });
    await expect(waiting.getByRole("listitem").filter({ hasText: "Kementerian Pertahanan" })).toContainText("Formasi dalam proses verifikasi");
    await expect(waiting.getByRole("listitem").filter({ hasText: "Badan Kepegawaian Negara" })).toHaveCount(0);
    await expect(agencies.getByText(/^\d+ instansi: \d+ sudah diverifikasi, \d+ masih diverifikasi\.$/)).toBeVisible();

    // The search comes first and looks through every agency.
    const search = agencies.getByLabel("Cari instansi");
    await expect(search).toBeVisible();
    await search.fill("kepegawaian");
    await expect(agencies.getByRole("listitem")).toHaveCount(1);
    await expect(agencies.getByRole("listitem")).toContainText("Badan Kepegawaian Negara");
    await expect(agencies.getByRole("listitem")).toContainText("Formasi sudah diverifikasi");
    await search.fill("kota bandung");
    await expect(agencies.getByRole("listitem")).toHaveCount(1);
    await expect(agencies.getByRole("listitem")).toContainText("Pemerintah Kota Bandung");
    await expect(agencies.getByText(/^1 dari \d+ instansi ditampilkan\.$/)).toBeVisible();
    await search.fill("tidak ada instansi seperti ini");
    await expect(agencies.getByText("Tidak ada instansi yang cocok.", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);

    // Without a query, every agency is behind "Lihat semua instansi".
    await search.fill("");
    const all = agencies.getByText(/^Lihat semua instansi \(\d+\)$/);
    await all.click();
    const total = Number((await all.textContent())!.match(/\d+/)![0]);
    const everyAgency = agencies.locator("details[open]").getByRole("listitem");
    await expect(everyAgency).toHaveCount(total);
    await expect(everyAgency.filter({ hasText: "Badan Kepegawaian Negara" })).toContainText("Formasi sudah diverifikasi");
    await expectNoAxeViolations(page);
  });

  test("is short on a phone: the search and the agencies in verification, not all 52 agencies in full", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    const search = page.getByRole("region", { name: "Status formasi instansi" }).getByLabel("Cari instansi");
    // The search is on the first screens, above the schedule.
    const searchBox = (await search.boundingBox())!;
    const schedule = (await page.getByRole("heading", { name: "Jadwal pendaftaran" }).boundingBox())!;
    expect(searchBox.y).toBeLessThan(schedule.y);
    expect(searchBox.y).toBeLessThan(740 * 1.5);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3200); // was 6,278 px
  });

  test("'Beri tahu saya' takes an email for an agency in verification, accessibly, from the keyboard", async ({ page }) => {
    await page.goto("/");
    const item = page
      .getByRole("region", { name: /Formasi masih diverifikasi/ })
      .getByRole("listitem")
      .filter({ hasText: "Badan Meteorologi, Klimatologi, dan Geofisika" });
    // A <summary>: the disclosure's name says which agency ("Beri tahu saya saat formasi … diverifikasi").
    const disclosure = item.locator("summary");
    await expect(disclosure).toHaveText(/^Beri tahu saya saat formasi Badan Meteorologi/);
    await disclosure.focus();
    await page.keyboard.press("Enter");
    const email = item.getByLabel(/^Email/);
    await expect(email).toBeVisible();
    await item.getByRole("button", { name: "Beri tahu saya" }).click();
    await expect(item.getByText("Email wajib diisi.")).toBeVisible();
    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await email.fill("bukan-email");
    await email.press("Enter");
    await expect(item.getByText("Format email tidak valid", { exact: false })).toBeVisible();

    await email.fill(`bmkg.${Date.now()}@contoh.id`);
    await email.press("Enter");
    await expect(item.getByRole("status")).toContainText("Terima kasih. Kami akan mengirim satu email");
    await expect(item.getByRole("status")).toContainText("Badan Meteorologi, Klimatologi, dan Geofisika");
    await expectNoAxeViolations(page);
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

  test("POST /api/agency-notifications: 202 alike for a new and a known address, 409 for a verified agency", async ({ request }) => {
    const body = { agencyCode: "BMKG", email: `ulang.${Date.now()}@contoh.id` };
    const first = await request.post("/api/agency-notifications", { data: body });
    const again = await request.post("/api/agency-notifications", { data: body });
    expect([first.status(), again.status()]).toEqual([202, 202]);
    expect(await again.json()).toEqual(await first.json());
    const verified = await request.post("/api/agency-notifications", { data: { agencyCode: "BKN", email: body.email } });
    expect(verified.status()).toBe(409);
    expect((await verified.json()).error.code).toBe("AGENCY_ALREADY_VERIFIED");
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
