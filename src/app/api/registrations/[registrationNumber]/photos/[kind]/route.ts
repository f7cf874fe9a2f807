import { AppError } from "@/domain/errors";
import { toErrorResponse } from "@/server/http";
import { getAccountPhoto, isPhotoKind } from "@/server/registration/get-account-photo";

type Context = { params: Promise<{ registrationNumber: string; kind: string }> };

/**
 * `GET /api/registrations/{number}/photos/{ktp|selfie}[?token=…]` → the photo (JPEG), for the
 * card token's holder, the signed-in owner or an admin (audited). Never from a public path.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { registrationNumber, kind } = await params;
    if (!isPhotoKind(kind)) throw new AppError("NOT_FOUND", { message: "Foto tidak ditemukan." });
    const token = new URL(request.url).searchParams.get("token");
    const photo = await getAccountPhoto(registrationNumber, kind, token);
    return new Response(new Uint8Array(photo), {
      headers: { "Content-Type": "image/jpeg", "Cache-Control": "no-store, private" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
