import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/domain/errors";
import { getSessionUser } from "@/server/auth/session";
import { deps } from "@/server/deps";
import { verifyCardToken } from "@/server/registration/card-token";

export type AccountView = "summary" | "card" | "ktp" | "selfie";

/**
 * Who may see an account's card, summary and photos: the holder of the short-lived card token
 * handed out at registration, the signed-in owner, or an admin (each admin view is written to
 * the audit log). Anyone else: 401 without a session, 403 with someone else's. Decided before
 * the account is looked up, so registration numbers cannot be probed.
 */
export async function authorizeAccountAccess(registrationNumber: string, token: string | null, view: AccountView): Promise<void> {
  if (token) {
    verifyCardToken(token, registrationNumber);
    return;
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHORIZED");
  if (user.role === "ADMIN") {
    await deps().db.auditLog.create({
      data: {
        id: randomUUID(),
        actorType: "ADMIN",
        actorId: user.id,
        action: "APPLICANT_VIEWED",
        target: `account:${registrationNumber}`,
        after: JSON.stringify({ view }),
        createdAt: deps().clock.now(),
      },
    });
    return;
  }
  const own = await deps().db.account.findUnique({ where: { id: user.id }, select: { registrationNumber: true } });
  if (own?.registrationNumber !== registrationNumber) throw new AppError("FORBIDDEN");
}
