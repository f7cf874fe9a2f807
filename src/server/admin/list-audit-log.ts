import "server-only";
import { deps } from "@/server/deps";

export type AuditRow = { id: string; at: Date; actor: string; action: string; target: string | null; before: string | null; after: string | null };

/** The audit log, newest first, with admin usernames resolved. */
export async function listAuditLog(limit = 200): Promise<AuditRow[]> {
  const rows = await deps().db.auditLog.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const adminIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const admins = new Map(
    (await deps().db.adminUser.findMany({ where: { id: { in: adminIds } }, select: { id: true, username: true } })).map((a) => [a.id, a.username]),
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    actor: row.actorId ? (admins.get(row.actorId) ?? row.actorId) : row.actorType,
    action: row.action,
    target: row.target,
    before: row.before,
    after: row.after,
  }));
}
