import { toErrorResponse } from "@/server/http";
import { getAccountCard } from "@/server/registration/get-account-card";

type Context = { params: Promise<{ registrationNumber: string }> };

/** `GET /api/registrations/{number}/card?token=…` → the Kartu Informasi Akun as a PDF download. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber } = await params;
    const token = new URL(request.url).searchParams.get("token");
    const card = await getAccountCard(registrationNumber, token);
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
