import "server-only";
import { AppError } from "@/domain/errors";
import { MAX_UPLOAD_BYTES } from "@/schemas/documents";
import { readBodyWithLimit } from "@/server/http";

/** Two photos at the upload limit plus room for the text fields and multipart framing. */
export const MAX_SUBMISSION_BYTES = 2 * MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * Reads the multipart body of `POST /api/registrations`: the wrong type is 415; a declared or
 * actual size over the limit is 413, found before parsing (the stream is counted as it arrives,
 * whatever Content-Length claimed); a body that is not valid multipart is 422.
 */
export async function readRegistrationForm(request: Request, maxBytes = MAX_SUBMISSION_BYTES): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*\bboundary=/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { message: "Data pendaftaran harus dikirim sebagai multipart/form-data." });
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();

  const bytes = await readBodyWithLimit(request, maxBytes, tooLarge);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("VALIDATION_FAILED", { message: "Data formulir tidak dapat dibaca. Muat ulang halaman lalu coba lagi." });
  }
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", { message: "Ukuran data pendaftaran terlalu besar. Ukuran setiap foto maksimal 2 MB." });
}
