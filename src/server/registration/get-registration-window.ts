import "server-only";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { registrationWindowStatus } from "@/domain/registration/window";
import { deps } from "@/server/deps";

export type RegistrationWindow = {
  status: "upcoming" | "open" | "closed";
  opensAt: Date;
  closesAt: Date;
  originallyOpensAt: Date | null;
  now: Date;
  simulatedClock: boolean;
};

/**
 * The current period's window as the server's clock sees it now. The schedule comes from the public
 * cache (an admin's change: at once here, within PUBLIC_CACHE_TTL_MS elsewhere); the status is
 * judged against the clock on every call. `fresh` (the landing page's cache filling itself) reads
 * the schedule from the database now.
 */
export async function getRegistrationWindow(options: { fresh?: boolean } = {}): Promise<RegistrationWindow> {
  const { db, clock, publicCache } = deps();
  const period = await publicCache.get("period", async () => {
    const row = await db.selectionPeriod.findUnique({ where: { id: CURRENT_PERIOD_ID } });
    if (!row) throw new Error("The selection period is missing: run the seed (npm run db:seed)");
    return row;
  }, options);
  const now = clock.now();
  return {
    status: registrationWindowStatus(now, period),
    opensAt: period.opensAt,
    closesAt: period.closesAt,
    originallyOpensAt: period.originallyOpensAt,
    now,
    simulatedClock: clock.simulated,
  };
}
