import { clientIp } from "@/server/auth/client-ip";
import { jsonResponse, toErrorResponse } from "@/server/http";
import { assertRegistrationIsOpen } from "@/server/registration/assert-registration-open";
import { cardTokenCookie } from "@/server/registration/card-token";
import { readRegistrationForm } from "@/server/registration/read-registration-form";
import { recordRegistrationRefusal } from "@/server/registration/record-refusal";
import { isReplayedRefusal } from "@/server/registration/run-idempotently";
import { holdAdmissionPlace, submitRegistration } from "@/server/registration/submit-registration";
import type { Place } from "@/server/admission";

/**
 * `POST /api/registrations` (multipart/form-data, optional `Idempotency-Key`) → 201
 * `{ registrationNumber, createdAt, cardToken }`, the card token also set as a cookie scoped to the
 * registration's routes. The window is checked, and a place taken in the admission limit, before the
 * body is read.
 * A retry answered from an earlier request's outcome says so with `Idempotency-Replayed: true`.
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData | undefined;
  let place: Place | undefined;
  try {
    const period = await assertRegistrationIsOpen();
    place = holdAdmissionPlace(request);
    form = await readRegistrationForm(request);
    const receipt = await submitRegistration(form, {
      period,
      idempotencyKey: request.headers.get("idempotency-key"),
      clientAddress: clientIp((name) => request.headers.get(name)),
      place,
    });
    const { registrationNumber, createdAt, cardToken } = receipt;
    // The browser keeps the card token as an HttpOnly cookie for this registration's routes; an
    // API client takes it from the body and sends it as `Authorization: Bearer`. Never in a URL.
    const headers = { "Set-Cookie": cardTokenCookie(registrationNumber, cardToken), ...(receipt.replayed ? { [REPLAYED_HEADER]: "true" } : {}) };
    return jsonResponse({ registrationNumber, createdAt, cardToken }, { status: 201, headers });
  } catch (error) {
    const replayed = isReplayedRefusal(error);
    // A replayed refusal was counted when it was decided, not again for each retry.
    if (!replayed) await recordRegistrationRefusal(error, form?.get("agencyCode"));
    const response = toErrorResponse(error);
    if (replayed) response.headers.set(REPLAYED_HEADER, "true");
    return response;
  } finally {
    // Refused before its turn (a bad form, say): the place is free for the next one at once.
    place?.release();
  }
}

const REPLAYED_HEADER = "Idempotency-Replayed";
