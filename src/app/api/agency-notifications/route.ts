import type { AcceptedAnswer } from "@/schemas/api-answers";
import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";
import { subscribeAgencyNotification } from "@/server/notifications/subscribe-agency-notification";
import { assertWithinRateLimit } from "@/server/rate-limit";

/**
 * `POST /api/agency-notifications` `{ agencyCode, email }` → 202 `{ accepted: true }`, the same
 * whether or not the address was already waiting. 409 `AGENCY_ALREADY_VERIFIED` for an agency
 * that takes registrations already, 422 `AGENCY_NOT_FOUND` / `VALIDATION_FAILED`, 429 per client
 * and per email address.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    await assertWithinRateLimit("NOTIFY", request);
    await subscribeAgencyNotification(await readJsonBody(request));
    const answer: AcceptedAnswer = { accepted: true };
    return jsonResponse(answer, { status: 202 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
