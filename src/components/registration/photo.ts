/**
 * From a chosen or captured image to a Photo ready for upload: declared type checked, then
 * compressed in the browser to a JPEG within MAX_PHOTO_BYTES. An image the browser cannot decode
 * but that claims to be a JPEG or PNG within the limit is passed through as it is: the server
 * judges the bytes (magic bytes, decode) and its answer is shown.
 */
import { type Photo } from "@/components/registration/wizard-provider";
import { compressPhoto, PhotoDecodeError } from "@/lib/compress-image";
import { ACCEPTED_PHOTO_TYPES, DOCUMENT_MESSAGES, MAX_PHOTO_BYTES } from "@/schemas/documents";

export type PreparedPhoto = { ok: true; photo: Photo } | { ok: false; message: string };

export const PHOTO_UNREADABLE_MESSAGE =
  "Foto tidak dapat dibaca. Pastikan file adalah foto JPG atau PNG yang tidak rusak, lalu pilih ulang.";
export const PHOTO_TOO_BIG_MESSAGE = "Foto tidak dapat diperkecil hingga 200 KB. Gunakan foto lain dengan resolusi lebih kecil.";

export function isAcceptedType(type: string): boolean {
  return (ACCEPTED_PHOTO_TYPES as readonly string[]).includes(type);
}

export async function preparePhoto(file: Blob, options: { requireAcceptedType: boolean }): Promise<PreparedPhoto> {
  if (options.requireAcceptedType && !isAcceptedType(file.type)) {
    return { ok: false, message: `${DOCUMENT_MESSAGES.type} File yang dipilih bukan foto JPG atau PNG.` };
  }
  if (file.size === 0) return { ok: false, message: DOCUMENT_MESSAGES.empty };
  try {
    const { blob } = await compressPhoto(file, MAX_PHOTO_BYTES);
    return { ok: true, photo: { blob, url: URL.createObjectURL(blob), previewable: true } };
  } catch (error) {
    if (error instanceof PhotoDecodeError) {
      if (isAcceptedType(file.type) && file.size <= MAX_PHOTO_BYTES) {
        return { ok: true, photo: { blob: file, url: URL.createObjectURL(file), previewable: false } };
      }
      return { ok: false, message: PHOTO_UNREADABLE_MESSAGE };
    }
    return { ok: false, message: PHOTO_TOO_BIG_MESSAGE };
  }
}
