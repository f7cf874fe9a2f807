import { jsonResponse, toErrorResponse } from "@/server/http";
import { getRegistrationSummary } from "@/server/registration/get-registration-summary";

type Context = { params: Promise<{ registrationNumber: string }> };

/** `GET /api/registrations/{number}?token=…` → the print view's summary of the new account. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber } = await params;
    const token = new URL(request.url).searchParams.get("token");
    return jsonResponse(await getRegistrationSummary(registrationNumber, token), { headers: { "Cache-Control": "no-store, private" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
