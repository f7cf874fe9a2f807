import "server-only";
import { deps } from "@/server/deps";
import { describeForLog } from "@/server/http";
import type { Mailer } from "@/server/mail/mailer";
import { composeAgencyNotificationMail } from "@/server/notifications/compose-agency-notification-mail";
import { unsubscribeTokenFor } from "@/server/notifications/unsubscribe-token";

/**
 * Sends the waiting "Beri tahu saya" mails of every agency whose formation is now verified, one
 * per subscriber, and deletes each row (and with it the address) once its mail is accepted by the
 * SMTP server or written to the outbox. A failed send keeps the row for the next run: the next time
 * an admin verifies an agency, or `npm run mail:flush`.
 *
 * Each row is claimed with a conditional UPDATE before it is sent, so two runs (two instances, or
 * a toggle during `mail:flush`) never mail one subscriber twice; a claim older than
 * CLAIM_TIMEOUT_MS (a sender that died) may be taken over.
 */
export const CLAIM_TIMEOUT_MS = 10 * 60 * 1000;
const BATCH = 50;

export type SendResult = { sent: number; failed: number };

export function publicBaseUrl(): string {
  const { NEXTAUTH_URL, PORT } = deps().env;
  return (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

export function startUrlFor(agencyCode: string): string {
  return `${publicBaseUrl()}/daftar/identitas?instansi=${encodeURIComponent(agencyCode)}`;
}

export function unsubscribeUrlFor(emailKey: string): string {
  return `${publicBaseUrl()}/api/agency-notifications/unsubscribe?token=${unsubscribeTokenFor(emailKey)}`;
}

export async function sendAgencyNotifications(options: { mailer?: Mailer } = {}): Promise<SendResult> {
  const send = options.mailer ?? deps().mailer;
  const result: SendResult = { sent: 0, failed: 0 };
  const failedIds: string[] = [];
  for (;;) {
    const now = deps().clock.now();
    const claimable = [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } }];
    const batch = await deps().db.agencyNotification.findMany({
      where: { agency: { formationStatus: "VERIFIED" }, OR: claimable, id: { notIn: failedIds } },
      select: { id: true, email: true, emailKey: true, agencyCode: true, agency: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return result;
    for (const row of batch) {
      const claimed = await deps().db.agencyNotification.updateMany({ where: { id: row.id, OR: claimable }, data: { claimedAt: now } });
      if (claimed.count !== 1) continue; // another sender has it
      try {
        await send.send(
          composeAgencyNotificationMail({
            to: row.email,
            agencyName: row.agency.name,
            startUrl: startUrlFor(row.agencyCode),
            unsubscribeUrl: unsubscribeUrlFor(row.emailKey),
          }),
        );
      } catch (error) {
        // Outcome and error type only: an SMTP error's text can quote the address.
        console.warn("agency notification: send failed, kept for a retry", describeForLog(error));
        failedIds.push(row.id);
        result.failed += 1;
        await deps().db.agencyNotification.updateMany({ where: { id: row.id }, data: { claimedAt: null, attempts: { increment: 1 } } });
        continue;
      }
      await deps().db.agencyNotification.deleteMany({ where: { id: row.id } });
      result.sent += 1;
    }
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Sends in the background, after the caller's transaction committed, so a slow or failing mail
 * server never delays or fails an admin's change. Runs are queued one after another per process.
 */
export function scheduleAgencyNotifications(): void {
  queue = queue
    .then(() => sendAgencyNotifications())
    .then((result) => {
      if (result.sent || result.failed) console.info(`agency notification: ${result.sent} sent, ${result.failed} failed`);
    })
    .catch((error: unknown) => console.warn("agency notification: run failed, kept for a retry", describeForLog(error)));
}

/** Resolves once every scheduled run has finished (for tests and for a graceful stop). */
export function scheduledAgencyNotificationsSettled(): Promise<unknown> {
  return queue;
}
