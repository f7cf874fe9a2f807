import "server-only";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { toWibCalendarDate, wibHour } from "@/domain/registration/window";
import { formatIsoDate } from "@/domain/calendar";
import { deps } from "@/server/deps";

export type RegistrationFigures = {
  total: number;
  perAgency: { code: string; name: string; formationStatus: string; accounts: number }[];
  /** Every day from the first account's to the last one's (WIB), days without accounts included. */
  perDay: { date: string; accounts: number }[];
  /** Hour of day 0–23 (WIB), over every day. */
  perHour: { hour: number; accounts: number }[];
  refusals: { code: string; count: number }[];
};

/**
 * Accounts per agency, per day and per hour of day (WIB), and refused requests per reason, for the
 * admin console. Accounts the retention job has deleted count through the figures it kept
 * (RetainedAccountCount), per agency, day and hour.
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
  const hours = Array.from({ length: 24 }, () => 0);
  for (const { createdAt } of created) {
    const day = formatIsoDate(toWibCalendarDate(createdAt));
    days.set(day, (days.get(day) ?? 0) + 1);
    const hour = wibHour(createdAt);
    hours[hour] = (hours[hour] ?? 0) + 1;
  }
  let total = created.length;
  for (const row of retained) {
    counts.set(row.agencyCode, (counts.get(row.agencyCode) ?? 0) + row.accounts);
    days.set(row.day, (days.get(row.day) ?? 0) + row.accounts);
    hours[row.hour] = (hours[row.hour] ?? 0) + row.accounts;
    total += row.accounts;
  }
  return {
    total,
    perAgency: agencies
      .map((agency) => ({ ...agency, accounts: counts.get(agency.code) ?? 0 }))
      .sort((a, b) => b.accounts - a.accounts || a.name.localeCompare(b.name, "id")),
    perDay: everyDay([...days.keys()].sort()).map((date) => ({ date, accounts: days.get(date) ?? 0 })),
    perHour: hours.map((accounts, hour) => ({ hour, accounts })),
    refusals: refusals.map((row) => ({ code: row.code, count: row._count._all })).sort((a, b) => b.count - a.count),
  };
}

/** The ISO dates from the first to the last of `sorted`, gaps filled, so a chart's time axis is honest. */
function everyDay(sorted: string[]): string[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 24 * 60 * 60 * 1000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
