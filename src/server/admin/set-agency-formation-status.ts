import "server-only";
import { AppError } from "@/domain/errors";
import { agencyFormationSchema } from "@/schemas/admin";
import { AGENCY_CODE_PATTERN } from "@/schemas/identity";
import { agencySummarySchema, type AgencySummary } from "@/schemas/api-answers";
import { writeAuditLog } from "@/server/admin/write-audit-log";
import { deps } from "@/server/deps";
import { scheduleAgencyNotifications } from "@/server/notifications/send-agency-notifications";

export type AgencyStatusChange = AgencySummary;

/**
 * An admin verifies (or reopens) an agency's formation; effective for the next registration at
 * once. Verifying also sends the agency's "Beri tahu saya" mails, after the commit and in the
 * background: mail never delays or fails the change.
 */
export async function setAgencyFormationStatus(adminId: string, code: string, body: unknown): Promise<AgencyStatusChange> {
  const { formationStatus } = agencyFormationSchema.parse(body);
  const now = deps().clock.now();
  // A code from the URL that cannot be one names no agency (and never reaches PostgreSQL, which refuses a NUL in text).
  if (!AGENCY_CODE_PATTERN.test(code)) throw new AppError("NOT_FOUND", { message: "Instansi tidak ditemukan." });
  const change = await deps().db.$transaction(async (tx) => {
    // Lock the row before reading what it was: on PostgreSQL (READ COMMITTED) a plain read could
    // see a value another admin is replacing at this moment, and the audit log's "before" would
    // then skip their change. The first UPDATE waits for theirs; SQLite serialises writers anyway.
    const locked = await tx.agency.updateMany({ where: { code }, data: { updatedAt: now } });
    if (locked.count === 0) throw new AppError("NOT_FOUND", { message: "Instansi tidak ditemukan." });
    const agency = await tx.agency.findUniqueOrThrow({ where: { code } });
    const updated = await tx.agency.update({ where: { code }, data: { formationStatus } });
    await writeAuditLog(
      tx,
      { actorId: adminId, action: "AGENCY_FORMATION_STATUS_SET", target: `agency:${code}`, before: { formationStatus: agency.formationStatus }, after: { formationStatus } },
      now,
    );
    return agencySummarySchema.parse({ code: updated.code, name: updated.name, kind: updated.kind, formationStatus: updated.formationStatus });
  });
  // Shown at once on this instance; other instances reload within PUBLIC_CACHE_TTL_MS.
  deps().publicCache.invalidate("agencies");
  if (change.formationStatus === "VERIFIED") scheduleAgencyNotifications();
  return change;
}
