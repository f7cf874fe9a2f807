import "server-only";
import { deps } from "@/server/deps";
import { readUnsubscribeToken } from "@/server/notifications/unsubscribe-token";

/**
 * One click from the mail (or a mail program's RFC 8058 POST): every notification still waiting
 * for that address is deleted, and with it the address. Idempotent: a second click finds nothing
 * and is still a success. Returns false for a token this server did not sign.
 */
export async function unsubscribeAgencyNotifications(token: string): Promise<boolean> {
  const emailKey = readUnsubscribeToken(token);
  if (!emailKey) return false;
  await deps().db.agencyNotification.deleteMany({ where: { emailKey } });
  return true;
}
