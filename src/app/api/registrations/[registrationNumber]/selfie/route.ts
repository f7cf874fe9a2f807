import { toErrorResponse } from "@/server/http";
import { getAccountSelfie } from "@/server/registration/get-account-selfie";

type Context = { params: Promise<{ registrationNumber: string }> };

/** `GET /api/registrations/{number}/selfie?token=…` → the account's selfie (JPEG) for the print view. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber } = await params;
    const token = new URL(request.url).searchParams.get("token");
    const selfie = await getAccountSelfie(registrationNumber, token);
    return new Response(new Uint8Array(selfie), {
      headers: { "Content-Type": "image/jpeg", "Cache-Control": "no-store, private" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
