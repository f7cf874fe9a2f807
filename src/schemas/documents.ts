/**
 * Step 2, Dokumen: the browser's description of the KTP photo and selfie it will send.
 * The bytes themselves are checked on the server (magic bytes, decode, re-encode).
 */
import { z } from "zod";
import { INVALID_PAYLOAD_MESSAGE } from "@/schemas/shared";

/** After client-side compression, as the real portal's 200 KB limit. */
export const MAX_PHOTO_BYTES = 200 * 1024;
/** What the server accepts before re-encoding, for browsers whose compression falls short. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_PHOTO_TYPES = ["image/jpeg", "image/png"] as const;
export type AcceptedPhotoType = (typeof ACCEPTED_PHOTO_TYPES)[number];

export const DOCUMENT_MESSAGES = {
  ktpPhotoRequired: "Unggah atau ambil foto KTP.",
  selfieRequired: "Ambil swafoto dengan kamera.",
  empty: "File foto kosong. Silakan ambil atau unggah ulang.",
  type: "Foto harus berformat JPG atau PNG.",
  tooLarge: (maxBytes: number) => `Ukuran foto maksimal ${formatBytes(maxBytes)}.`,
} as const;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

function photoDescriptorSchema(requiredMessage: string, maxBytes: number) {
  return z
    .object(
      {
        size: z.number({ error: requiredMessage }).int({ error: requiredMessage }),
        type: z.string({ error: requiredMessage }),
      },
      { error: requiredMessage },
    )
    .superRefine((photo, ctx) => {
      // Issues sit on the photo itself, not on .size/.type, so the form shows one message per photo.
      if (photo.size <= 0) ctx.addIssue({ code: "custom", message: DOCUMENT_MESSAGES.empty });
      else if (photo.size > maxBytes) ctx.addIssue({ code: "custom", message: DOCUMENT_MESSAGES.tooLarge(maxBytes) });
      if (!(ACCEPTED_PHOTO_TYPES as readonly string[]).includes(photo.type)) {
        ctx.addIssue({ code: "custom", message: DOCUMENT_MESSAGES.type });
      }
    })
    .transform((photo) => ({ size: photo.size, type: photo.type as AcceptedPhotoType }));
}

function makeDocumentsSchema(maxBytes: number) {
  return z.object({
    ktpPhoto: photoDescriptorSchema(DOCUMENT_MESSAGES.ktpPhotoRequired, maxBytes),
    selfie: photoDescriptorSchema(DOCUMENT_MESSAGES.selfieRequired, maxBytes),
  }, { error: INVALID_PAYLOAD_MESSAGE });
}

/** The wizard step: photos already compressed in the browser. */
export const documentsSchema = makeDocumentsSchema(MAX_PHOTO_BYTES);
/** The server's upload limit, before it re-encodes the photos. */
export const uploadedDocumentsSchema = makeDocumentsSchema(MAX_UPLOAD_BYTES);

export type DocumentsInput = z.input<typeof documentsSchema>;
export type DocumentsValues = z.output<typeof documentsSchema>;
