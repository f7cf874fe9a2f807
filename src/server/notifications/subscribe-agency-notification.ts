import "server-only";
import { deps } from "@/server/deps";
import { randomUUID } from "node:crypto";
import { AppError } from "@/domain/errors";
import { agencyNotificationSchema } from "@/schemas/agency-notification";
import { emailKeyFor } from "@/server/notifications/unsubscribe-token";
import { assertWithinKeyedRateLimit } from "@/server/rate-limit";

/**
 * "Beri tahu saya" (SPEC "Added contract"): keeps an address until the agency's formation is
 * verified. The answer is the same whether or not the address was already waiting, so the
 * endpoint says nothing about who subscribed. Only agencies still in verification take
 * subscriptions; each address may ask a few times a day (the per-client limit is the route's).
 */
export async function subscribeAgencyNotification(body: unknown): Promise<void> {
  const { agencyCode, email } = agencyNotificationSchema.parse(body);
  await assertWithinKeyedRateLimit("NOTIFY_EMAIL", email);
  const agency = await deps().db.agency.findUnique({ where: { code: agencyCode }, select: { formationStatus: true } });
  if (!agency) throw new AppError("AGENCY_NOT_FOUND", { fields: { agencyCode: ["Instansi tidak ditemukan."] } });
  if (agency.formationStatus === "VERIFIED") throw new AppError("AGENCY_ALREADY_VERIFIED");
  const emailKey = emailKeyFor(email);
  await deps().db.agencyNotification.upsert({
    where: { agencyCode_emailKey: { agencyCode, emailKey } },
    create: { id: randomUUID(), agencyCode, email, emailKey, createdAt: deps().clock.now() },
    update: {},
  });
}
