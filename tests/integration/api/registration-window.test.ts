import { afterAll, describe, expect, it } from "vitest";
import * as agenciesRoute from "@/app/api/agencies/route";
import * as windowRoute from "@/app/api/registration-window/route";
import { at, useTestServer } from "../../setup/test-server";

const server = useTestServer();
// The server's own time zone (not a port: the process's setting, which the window must not depend on).
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
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
        const response = await at(appClock, () => windowRoute.GET());
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
    await server.prisma.selectionPeriod.update({
      where: { id: "CPNS-2023" },
      data: { closesAt: new Date("2023-10-10T23:59:59+07:00") },
    });
    expect(await (await at("2023-10-09T12:00:00+07:00", () => windowRoute.GET())).json()).toMatchObject({ status: "open", closesAt: "2023-10-10T16:59:59.000Z" });
    await server.prisma.selectionPeriod.update({
      where: { id: "CPNS-2023" },
      data: { closesAt: new Date("2023-10-08T23:59:59+07:00") },
    });
  });
});

describe("GET /api/agencies", () => {
  it("lists every agency with code, name, kind and formation status", async () => {
    const response = await at("2023-09-25T10:00:00+07:00", () => agenciesRoute.GET());
    expect(response.status).toBe(200);
    const agencies = (await response.json()) as unknown[];
    expect(agencies).toHaveLength(await server.prisma.agency.count());
    expect(agencies).toContainEqual({ code: "BKN", name: "Badan Kepegawaian Negara", kind: "PUSAT", formationStatus: "VERIFIED" });
    expect(agencies).toContainEqual({
      code: "KAB-3204",
      name: "Pemerintah Kabupaten Bandung",
      kind: "KABUPATEN_KOTA",
      formationStatus: "IN_VERIFICATION",
    });
  });
});
