/**
 * From a chosen or captured image to a Photo ready for upload: declared type checked, then
 * compressed in the browser to a JPEG within MAX_PHOTO_BYTES. An image the browser cannot decode
 * but that claims to be a JPEG or PNG within the limit is passed through as it is: the server
 * judges the bytes (magic bytes, decode) and its answer is shown.
 */
import { type Photo } from "@/components/registration/wizard-provider";
import { compressPhoto, PhotoDecodeError } from "@/lib/compress-image";
import { MAX_PHOTO_BYTES, PHOTO_MESSAGES, isAcceptedPhotoType } from "@/schemas/documents";

export type PreparedPhoto = { ok: true; photo: Photo } | { ok: false; message: string };

export async function preparePhoto(file: Blob, options: { requireAcceptedType: boolean }): Promise<PreparedPhoto> {
  if (options.requireAcceptedType && !isAcceptedPhotoType(file.type)) return { ok: false, message: PHOTO_MESSAGES.notAPhoto };
  if (file.size === 0) return { ok: false, message: PHOTO_MESSAGES.empty };
  try {
    const { blob } = await compressPhoto(file, MAX_PHOTO_BYTES);
    return { ok: true, photo: { blob, url: URL.createObjectURL(blob), previewable: true } };
  } catch (error) {
    if (error instanceof PhotoDecodeError) {
      if (isAcceptedPhotoType(file.type) && file.size <= MAX_PHOTO_BYTES) {
        return { ok: true, photo: { blob: file, url: URL.createObjectURL(file), previewable: false } };
      }
      return { ok: false, message: PHOTO_MESSAGES.unreadable };
    }
    return { ok: false, message: PHOTO_MESSAGES.cannotShrink };
  }
}
