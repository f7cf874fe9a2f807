import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";
import { assertRegistrationIsOpen } from "@/server/registration/assert-registration-open";
import { validateRegistrationStep } from "@/server/registration/validate-registration-step";

export async function POST(request: Request): Promise<Response> {
  try {
    const window = await assertRegistrationIsOpen();
    await validateRegistrationStep(await readJsonBody(request), window);
    return jsonResponse({ ok: true });
  } catch (error) {
    return toErrorResponse(error);
  }
}
