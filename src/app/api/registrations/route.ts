import { jsonResponse, toErrorResponse } from "@/server/http";
import { assertRegistrationIsOpen } from "@/server/registration/assert-registration-open";
import { readRegistrationForm } from "@/server/registration/read-registration-form";
import { recordRegistrationRefusal } from "@/server/registration/record-refusal";
import { isReplayedRefusal } from "@/server/registration/run-idempotently";
import { submitRegistration } from "@/server/registration/submit-registration";

/**
 * `POST /api/registrations` (multipart/form-data, optional `Idempotency-Key`) → 201
 * `{ registrationNumber, createdAt, cardToken }`. The window is checked before the body is read.
 * A retry answered from an earlier request's outcome says so with `Idempotency-Replayed: true`.
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData | undefined;
  try {
    const period = await assertRegistrationIsOpen();
    form = await readRegistrationForm(request);
    const receipt = await submitRegistration(form, { period, idempotencyKey: request.headers.get("idempotency-key") });
    const { registrationNumber, createdAt, cardToken } = receipt;
    return jsonResponse({ registrationNumber, createdAt, cardToken }, { status: 201, headers: receipt.replayed ? { [REPLAYED_HEADER]: "true" } : {} });
  } catch (error) {
    const replayed = isReplayedRefusal(error);
    // A replayed refusal was counted when it was decided, not again for each retry.
    if (!replayed) await recordRegistrationRefusal(error, form?.get("agencyCode"));
    const response = toErrorResponse(error);
    if (replayed) response.headers.set(REPLAYED_HEADER, "true");
    return response;
  }
}

const REPLAYED_HEADER = "Idempotency-Replayed";
