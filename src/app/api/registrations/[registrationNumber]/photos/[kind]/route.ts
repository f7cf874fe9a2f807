import { AppError } from "@/domain/errors";
import { toErrorResponse } from "@/server/http";
import { cardTokenFrom } from "@/server/registration/card-token";
import { getAccountPhoto, isPhotoKind } from "@/server/registration/get-account-photo";

type Context = { params: Promise<{ registrationNumber: string; kind: string }> };

/**
 * `GET /api/registrations/{number}/photos/{ktp|selfie}` → the photo (JPEG), for the card token's
 * holder (its cookie, or `Authorization: Bearer`), the signed-in owner or an admin (audited).
 * Never from a public path, and never with the token in the URL.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber, kind } = await params;
    if (!isPhotoKind(kind)) throw new AppError("NOT_FOUND", { message: "Foto tidak ditemukan." });
    const credential = cardTokenFrom(request, registrationNumber);
    const photo = await getAccountPhoto(registrationNumber, kind, credential);
    return new Response(new Uint8Array(photo), {
      headers: { "Content-Type": "image/jpeg", "Cache-Control": "no-store, private" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
