/** "Beri tahu saya": `POST /api/agency-notifications` `{ agencyCode, email }`, shared by the form and the route. */
import { z } from "zod";
import { AGENCY_NOTIFICATION_MESSAGES } from "@/domain/agency-notification";
import { normalizeEmail } from "@/domain/registration/email";
import { AGENCY_CODE_PATTERN } from "@/schemas/identity";
import { INVALID_PAYLOAD_MESSAGE, fromResult } from "@/schemas/shared";

export const NOTIFY_AGENCY_CODE_MAX = 64;

export const agencyNotificationSchema = z.object(
  {
    agencyCode: z
      .string({ error: AGENCY_NOTIFICATION_MESSAGES.agencyRequired })
      .trim()
      .min(1, AGENCY_NOTIFICATION_MESSAGES.agencyRequired)
      .max(NOTIFY_AGENCY_CODE_MAX, AGENCY_NOTIFICATION_MESSAGES.agencyRequired)
      .regex(AGENCY_CODE_PATTERN, AGENCY_NOTIFICATION_MESSAGES.agencyRequired),
    email: z
      .string({ error: AGENCY_NOTIFICATION_MESSAGES.emailRequired })
      .transform((value, ctx) => fromResult(normalizeEmail(value), ctx)),
  },
  { error: INVALID_PAYLOAD_MESSAGE },
);

export type AgencyNotificationInput = z.input<typeof agencyNotificationSchema>;
export type AgencyNotificationValues = z.output<typeof agencyNotificationSchema>;
