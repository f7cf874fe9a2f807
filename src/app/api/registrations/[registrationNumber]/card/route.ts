import { toErrorResponse } from "@/server/http";
import { cardTokenFrom } from "@/server/registration/card-token";
import { getAccountCard } from "@/server/registration/get-account-card";

type Context = { params: Promise<{ registrationNumber: string }> };

/** `GET /api/registrations/{number}/card` → the Kartu Informasi Akun as a PDF download (card token cookie or header, or a session). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber } = await params;
    const credential = cardTokenFrom(request, registrationNumber);
    const card = await getAccountCard(registrationNumber, credential);
    return new Response(Buffer.from(card.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${card.filename}"`,
        "Cache-Control": "no-store, private",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
