import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";

export type AuditEntry = { actorId: string; action: string; target: string; before?: unknown; after?: unknown };

/** Records an admin action inside the caller's transaction, so the change and its record land together. */
export async function writeAuditLog(tx: Prisma.TransactionClient, entry: AuditEntry, at: Date): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: randomUUID(),
      actorType: "ADMIN",
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      createdAt: at,
    },
  });
}
