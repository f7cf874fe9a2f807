import { jsonResponse, toErrorResponse } from "@/server/http";
import { cardTokenFrom } from "@/server/registration/card-token";
import { getRegistrationSummary } from "@/server/registration/get-registration-summary";

type Context = { params: Promise<{ registrationNumber: string }> };

/** `GET /api/registrations/{number}` → the print view's summary of the new account (card token cookie or header, or a session). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber } = await params;
    const credential = cardTokenFrom(request, registrationNumber);
    return jsonResponse(await getRegistrationSummary(registrationNumber, credential), { headers: { "Cache-Control": "no-store, private" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
