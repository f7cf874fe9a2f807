import { beforeAll, describe, expect, it } from "vitest";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import * as figures from "@/server/admin/get-registration-figures";
import { useTestServer } from "../setup/test-server";

const testDb = useTestServer({ clock: "2023-09-28T10:00:00+07:00" });

beforeAll(async () => {
  const created = ["2023-09-24T16:30:00Z", "2023-09-24T17:10:00Z", "2023-09-27T03:00:00Z"];
  for (const [i, at] of created.entries()) {
    await testDb.prisma.account.create({
      data: {
        id: `acc-${i}`, registrationNumber: `20230000000000${i}`, periodId: CURRENT_PERIOD_ID, nik: `327301120598000${i}`, kk: "3273011103190001",
        fullName: "PELAMAR", birthPlace: "BANDUNG", birthDate: "1998-05-12", gender: "LAKI_LAKI", phone: `+62813000000${i}`,
        email: `p${i}@contoh.id`, agencyCode: i === 2 ? "BKN" : "KOTA-3273", ktpPhotoKey: "k", selfieKey: "s", createdAt: new Date(at),
      },
    });
  }
});

describe("the admin's figures", () => {
  it("count accounts per WIB day (gaps filled), per WIB hour of day and per agency", async () => {
    const result = await figures.getRegistrationFigures();
    expect(result.total).toBe(3);
    // 16:30 UTC is 23:30 WIB on the 24th; 17:10 UTC is 00:10 WIB on the 25th.
    expect(result.perDay).toEqual([
      { date: "2023-09-24", accounts: 1 },
      { date: "2023-09-25", accounts: 1 },
      { date: "2023-09-26", accounts: 0 },
      { date: "2023-09-27", accounts: 1 },
    ]);
    expect(result.perHour).toHaveLength(24);
    expect(result.perHour.filter((h) => h.accounts > 0)).toEqual([
      { hour: 0, accounts: 1 },
      { hour: 10, accounts: 1 },
      { hour: 23, accounts: 1 },
    ]);
    expect(result.perAgency.slice(0, 2).map((a) => [a.code, a.accounts])).toEqual([
      ["KOTA-3273", 2],
      ["BKN", 1],
    ]);
  });
});
