import { describe, expect, it, vi } from "vitest";
import * as agenciesRoute from "@/app/api/agencies/route";
import * as windowRoute from "@/app/api/registration-window/route";
import { setAgencyFormationStatus } from "@/server/admin/set-agency-formation-status";
import { setSchedule } from "@/server/admin/set-schedule";
import { withDeps } from "@/server/deps";
import { installPageCache } from "@/server/page-cache/install";
import { PAGE_CACHE_KEY } from "@/server/page-cache/shared";
import { createPublicCache } from "@/server/public-cache";
import { useTestServer } from "../../setup/test-server";

/**
 * SPEC "Running at national scale": the landing page, the schedule and the agency list come from a
 * cache; an admin's change shows at once on this instance, and within the TTL on another (here: a
 * change made straight in the database, as another instance's admin would).
 */
const server = useTestServer();

async function statusOf(code: string): Promise<string | undefined> {
  const agencies = (await (await agenciesRoute.GET()).json()) as { code: string; formationStatus: string }[];
  return agencies.find((agency) => agency.code === code)?.formationStatus;
}

describe("public data from the cache", () => {
  it("costs no query per visit, shows this instance's admin change at once and another's within the TTL", async () => {
    let t = 0;
    const publicCache = createPublicCache(1000, () => t);
    await withDeps({ publicCache }, async () => {
      const queries = vi.spyOn(server.prisma.agency, "findMany");
      expect(await statusOf("KEMHAN")).toBe("IN_VERIFICATION");
      for (let i = 0; i < 20; i++) await agenciesRoute.GET();
      expect(queries).toHaveBeenCalledTimes(1);

      // This instance's admin: at once.
      await setAgencyFormationStatus("admin-1", "KEMHAN", { formationStatus: "VERIFIED" });
      expect(await statusOf("KEMHAN")).toBe("VERIFIED");

      // Another instance's admin (straight in the shared database): within the TTL, not before.
      await server.prisma.agency.update({ where: { code: "KEMHAN" }, data: { formationStatus: "IN_VERIFICATION" } });
      t = 999;
      expect(await statusOf("KEMHAN")).toBe("VERIFIED");
      t = 1000;
      expect(await statusOf("KEMHAN")).toBe("IN_VERIFICATION");
    });
  });

  it("does the same for the schedule, while the window's status follows the clock on every call", async () => {
    let t = 0;
    const publicCache = createPublicCache(1000, () => t);
    await withDeps({ publicCache }, async () => {
      const window = async () => (await (await windowRoute.GET()).json()) as { status: string; closesAt: string };
      expect(await window()).toMatchObject({ status: "open" });
      await setSchedule("admin-1", { opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-09-24T23:59:59+07:00" });
      expect(await window()).toMatchObject({ status: "closed", closesAt: "2023-09-24T16:59:59.000Z" });
      await server.prisma.selectionPeriod.update({ where: { id: "CPNS-2023" }, data: { closesAt: new Date("2023-10-08T23:59:59+07:00") } });
      t = 500;
      expect((await window()).status).toBe("closed");
      t = 1000;
      expect((await window()).status).toBe("open");
    });
  });

  it("drops the landing page's cached HTML on each admin change, agency status and schedule (ADR 0019)", async () => {
    const installation = installPageCache(60_000);
    try {
      const dropped = vi.spyOn(installation, "invalidate");
      await setAgencyFormationStatus("admin-1", "KAB-3204", { formationStatus: "VERIFIED" });
      expect(dropped).toHaveBeenCalledTimes(1);
      await setSchedule("admin-1", { opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" });
      expect(dropped).toHaveBeenCalledTimes(2);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[PAGE_CACHE_KEY];
    }
  });
});
