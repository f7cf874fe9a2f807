import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoutes, startTestServer } from "../../setup/route-harness";
import type { TestDatabase } from "../../setup/test-database";

let testDb: TestDatabase;
const originalTz = process.env.TZ;
beforeAll(async () => {
  testDb = await startTestServer();
});
afterAll(async () => {
  process.env.TZ = originalTz;
  await testDb.cleanup();
});

describe("GET /api/registration-window", () => {
  // The window is 2023-09-20 00:00 to 2023-10-08 23:59:59 WIB, whatever the server's time zone.
  const cases = [
    ["2023-09-19T23:59:59+07:00", "upcoming"],
    ["2023-09-20T00:00:00+07:00", "open"],
    ["2023-10-08T23:59:59+07:00", "open"],
    ["2023-10-09T00:00:00+07:00", "closed"],
  ] as const;
  for (const timeZone of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
    for (const [appClock, status] of cases) {
      it(`is ${status} at ${appClock} with TZ=${timeZone}`, async () => {
        process.env.TZ = timeZone;
        const routes = await loadRoutes(appClock);
        const response = await routes.window.GET();
        expect(response.status).toBe(200);
        const body = await response.json();
        expect(body).toMatchObject({ status, opensAt: "2023-09-19T17:00:00.000Z", closesAt: "2023-10-08T16:59:59.000Z" });
        // The clock started at APP_CLOCK and has advanced by well under a minute since.
        const drift = Date.parse(body.now) - Date.parse(appClock);
        expect(drift).toBeGreaterThanOrEqual(0);
        expect(drift).toBeLessThan(60_000);
      });
    }
  }

  it("follows the schedule in the database when an admin moves it", async () => {
    await testDb.prisma.selectionPeriod.update({
      where: { id: "CPNS-2023" },
      data: { closesAt: new Date("2023-10-10T23:59:59+07:00") },
    });
    const routes = await loadRoutes("2023-10-09T12:00:00+07:00");
    expect(await (await routes.window.GET()).json()).toMatchObject({ status: "open", closesAt: "2023-10-10T16:59:59.000Z" });
    await testDb.prisma.selectionPeriod.update({
      where: { id: "CPNS-2023" },
      data: { closesAt: new Date("2023-10-08T23:59:59+07:00") },
    });
  });
});

describe("GET /api/agencies", () => {
  it("lists every agency with code, name, kind and formation status", async () => {
    const routes = await loadRoutes("2023-09-25T10:00:00+07:00");
    const response = await routes.agencies.GET();
    expect(response.status).toBe(200);
    const agencies = (await response.json()) as unknown[];
    expect(agencies).toHaveLength(await testDb.prisma.agency.count());
    expect(agencies).toContainEqual({ code: "BKN", name: "Badan Kepegawaian Negara", kind: "PUSAT", formationStatus: "VERIFIED" });
    expect(agencies).toContainEqual({
      code: "KAB-3204",
      name: "Pemerintah Kabupaten Bandung",
      kind: "KABUPATEN_KOTA",
      formationStatus: "IN_VERIFICATION",
    });
  });
});
