import type { OkAnswer } from "@/schemas/api-answers";
import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";
import { assertRegistrationIsOpen } from "@/server/registration/assert-registration-open";
import { recordRegistrationRefusal } from "@/server/registration/record-refusal";
import { validateRegistrationStep } from "@/server/registration/validate-registration-step";
import { assertWithinRateLimit } from "@/server/rate-limit";

export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    const window = await assertRegistrationIsOpen();
    await assertWithinRateLimit("VALIDATE", request);
    body = await readJsonBody(request);
    await validateRegistrationStep(body, window);
    return jsonResponse({ ok: true } satisfies OkAnswer);
  } catch (error) {
    await recordRegistrationRefusal(error, (body as { data?: { agencyCode?: unknown } } | undefined)?.data?.agencyCode);
    return toErrorResponse(error);
  }
}
