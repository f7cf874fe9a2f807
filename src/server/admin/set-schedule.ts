import "server-only";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { scheduleSchema } from "@/schemas/admin";
import type { ScheduleAnswer } from "@/schemas/api-answers";
import { writeAuditLog } from "@/server/admin/write-audit-log";
import { deps } from "@/server/deps";

export type Schedule = ScheduleAnswer;

/** An admin moves the registration window (a postponement like 17 → 20 September), on the record. */
export async function setSchedule(adminId: string, body: unknown): Promise<Schedule> {
  const { opensAt, closesAt } = scheduleSchema.parse(body);
  const now = deps().clock.now();
  const saved = await deps().db.$transaction(async (tx) => {
    // Lock the row before reading what it was, so that of two admins saving at once the second's
    // audit entry starts from the first's schedule (PostgreSQL's READ COMMITTED would otherwise let
    // both read the same old one); SQLite serialises writers anyway.
    await tx.selectionPeriod.updateMany({ where: { id: CURRENT_PERIOD_ID }, data: { updatedAt: now } });
    const period = await tx.selectionPeriod.findUniqueOrThrow({ where: { id: CURRENT_PERIOD_ID } });
    await tx.selectionPeriod.update({ where: { id: CURRENT_PERIOD_ID }, data: { opensAt, closesAt } });
    await writeAuditLog(
      tx,
      {
        actorId: adminId,
        action: "SCHEDULE_SET",
        target: `period:${CURRENT_PERIOD_ID}`,
        before: { opensAt: period.opensAt.toISOString(), closesAt: period.closesAt.toISOString() },
        after: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      },
      now,
    );
    return { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
  });
  // Shown at once on this instance; other instances reload within PUBLIC_CACHE_TTL_MS.
  deps().publicCache.invalidate("period");
  return saved;
}
