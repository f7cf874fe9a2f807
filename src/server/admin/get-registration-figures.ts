import "server-only";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { toWibCalendarDate } from "@/domain/registration/window";
import { formatIsoDate } from "@/domain/calendar";
import { deps } from "@/server/deps";

export type RegistrationFigures = {
  total: number;
  perAgency: { code: string; name: string; formationStatus: string; accounts: number }[];
  perDay: { date: string; accounts: number }[];
  refusals: { code: string; count: number }[];
};

/**
 * Accounts per agency and per day (WIB), and refused requests per reason, for the admin console.
 * Accounts the retention job has deleted count through the figures it kept (RetainedAccountCount).
 */
export async function getRegistrationFigures(): Promise<RegistrationFigures> {
  const { db } = deps();
  const [agencies, byAgency, created, refusals, retained] = await Promise.all([
    db.agency.findMany({ select: { code: true, name: true, formationStatus: true }, orderBy: { name: "asc" } }),
    db.account.groupBy({ by: ["agencyCode"], where: { periodId: CURRENT_PERIOD_ID }, _count: { _all: true } }),
    db.account.findMany({ where: { periodId: CURRENT_PERIOD_ID }, select: { createdAt: true } }),
    db.registrationRefusal.groupBy({ by: ["code"], _count: { _all: true } }),
    db.retainedAccountCount.findMany({ where: { periodId: CURRENT_PERIOD_ID } }),
  ]);
  const counts = new Map(byAgency.map((row) => [row.agencyCode, row._count._all]));
  const days = new Map<string, number>();
  for (const { createdAt } of created) {
    const day = formatIsoDate(toWibCalendarDate(createdAt));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  let total = created.length;
  for (const row of retained) {
    counts.set(row.agencyCode, (counts.get(row.agencyCode) ?? 0) + row.accounts);
    days.set(row.day, (days.get(row.day) ?? 0) + row.accounts);
    total += row.accounts;
  }
  return {
    total,
    perAgency: agencies
      .map((agency) => ({ ...agency, accounts: counts.get(agency.code) ?? 0 }))
      .sort((a, b) => b.accounts - a.accounts || a.name.localeCompare(b.name, "id")),
    perDay: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, accounts]) => ({ date, accounts })),
    refusals: refusals.map((row) => ({ code: row.code, count: row._count._all })).sort((a, b) => b.count - a.count),
  };
}
