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

/** The current period's window as seen by the server's clock, read fresh on every call. */
export async function getRegistrationWindow(): Promise<RegistrationWindow> {
  const { db, clock } = deps();
  const period = await db.selectionPeriod.findUnique({ where: { id: CURRENT_PERIOD_ID } });
  if (!period) throw new Error("The selection period is missing: run the seed (npm run db:seed)");
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
