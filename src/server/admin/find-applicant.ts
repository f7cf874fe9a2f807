import "server-only";
import { randomUUID } from "node:crypto";
import { CURRENT_PERIOD_ID } from "@/domain/registration/period";
import { getAccountOverview, type AccountOverview } from "@/server/account/get-account-overview";
import { deps } from "@/server/deps";

/**
 * An admin looks an applicant up by NIK (16 digits) or registration number (15 digits). Every
 * applicant shown is written to the audit log; a query that finds no one is not (it shows no data).
 */
export async function findApplicant(adminId: string, query: string): Promise<AccountOverview | null> {
  const q = query.replace(/\s+/g, "");
  if (!/^\d{15,16}$/.test(q)) return null;
  const account = await deps().db.account.findFirst({
    where: q.length === 16 ? { periodId: CURRENT_PERIOD_ID, nik: q } : { registrationNumber: q },
    select: { id: true, registrationNumber: true },
  });
  if (!account) return null;
  await deps().db.auditLog.create({
    data: {
      id: randomUUID(),
      actorType: "ADMIN",
      actorId: adminId,
      action: "APPLICANT_VIEWED",
      target: `account:${account.registrationNumber}`,
      after: JSON.stringify({ view: "profile" }),
      createdAt: deps().clock.now(),
    },
  });
  return getAccountOverview(account.id);
}
