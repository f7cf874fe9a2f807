import type { RegistrationWindowAnswer } from "@/schemas/api-answers";
import { toErrorResponse, jsonResponse } from "@/server/http";
import { getRegistrationWindow } from "@/server/registration/get-registration-window";

export async function GET(): Promise<Response> {
  try {
    const window = await getRegistrationWindow();
    return jsonResponse({
      status: window.status,
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      now: window.now.toISOString(),
    } satisfies RegistrationWindowAnswer);
  } catch (error) {
    return toErrorResponse(error);
  }
}
