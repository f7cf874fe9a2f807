import { jsonResponse, toErrorResponse } from "@/server/http";
import { assertRegistrationIsOpen } from "@/server/registration/assert-registration-open";
import { readRegistrationForm } from "@/server/registration/read-registration-form";
import { recordRegistrationRefusal } from "@/server/registration/record-refusal";
import { submitRegistration } from "@/server/registration/submit-registration";

/**
 * `POST /api/registrations` (multipart/form-data, optional `Idempotency-Key`) → 201
 * `{ registrationNumber, createdAt, cardToken }`. The window is checked before the body is read.
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData | undefined;
  try {
    const window = await assertRegistrationIsOpen();
    form = await readRegistrationForm(request);
    const result = await submitRegistration(form, { period: window, idempotencyKey: request.headers.get("idempotency-key") });
    // A refusal stored for idempotent replay comes back as an answer, not as a thrown error.
    if (result.error) await recordRegistrationRefusal(result.error, form.get("agencyCode"));
    return jsonResponse(result.body, { status: result.status, headers: result.replayed ? { "Idempotency-Replayed": "true" } : {} });
  } catch (error) {
    await recordRegistrationRefusal(error, form?.get("agencyCode"));
    return toErrorResponse(error);
  }
}
