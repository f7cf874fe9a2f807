/**
 * From a chosen or captured image to a Photo ready for upload: declared type checked, decoded by
 * the browser (a file it cannot decode, such as a PDF renamed .jpg, is refused at once), its size
 * and exposure judged (a black, white, far too dark or bright photo is refused with what to do), then
 * compressed to a JPEG within MAX_PHOTO_BYTES. The server judges the bytes again when they are sent.
 */
import { type Photo } from "@/components/registration/wizard-provider";
import { PhotoDecodeError, PhotoExposureError, PhotoTooSmallError, compressPhoto } from "@/lib/compress-image";
import { MAX_PHOTO_BYTES, MIN_PHOTO_DIMENSION, PHOTO_MESSAGES, isAcceptedPhotoType } from "@/schemas/documents";

/** What the documents step hands each photo input (the KTP photo, the selfie) and hears back. */
export type PhotoInputProps = {
  photo: Photo | null;
  errors: string[] | undefined;
  onPhoto: (photo: Photo) => void;
  onError: (message: string | null) => void;
};

export type PreparedPhoto = { ok: true; photo: Photo } | { ok: false; message: string };

export async function preparePhoto(file: Blob, options: { requireAcceptedType: boolean }): Promise<PreparedPhoto> {
  if (options.requireAcceptedType && !isAcceptedPhotoType(file.type)) return { ok: false, message: PHOTO_MESSAGES.notAPhoto };
  if (file.size === 0) return { ok: false, message: PHOTO_MESSAGES.empty };
  try {
    const { blob } = await compressPhoto(file, MAX_PHOTO_BYTES, { minDimension: MIN_PHOTO_DIMENSION });
    return { ok: true, photo: { blob, url: URL.createObjectURL(blob) } };
  } catch (error) {
    if (error instanceof PhotoDecodeError) return { ok: false, message: PHOTO_MESSAGES.notAnImage };
    if (error instanceof PhotoTooSmallError) return { ok: false, message: PHOTO_MESSAGES.tooSmall };
    if (error instanceof PhotoExposureError) return { ok: false, message: error.userMessage };
    return { ok: false, message: PHOTO_MESSAGES.cannotShrink };
  }
}
