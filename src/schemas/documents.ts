/**
 * Step 2, Dokumen: the schema checks the browser's description of the KTP photo and selfie it will
 * send; the bytes themselves are checked on the server. The photo rules and messages live in
 * facts/documents.ts (no zod) and are re-exported here.
 */
import { z } from "zod";
import {
  type AcceptedPhotoType,
  type DocumentField,
  MAX_PHOTO_BYTES,
  MAX_UPLOAD_BYTES,
  PHOTO_MESSAGES,
  isAcceptedPhotoType,
} from "@/schemas/facts/documents";
import { INVALID_PAYLOAD_MESSAGE } from "@/schemas/shared";

export * from "@/schemas/facts/documents";

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
      if (photo.size <= 0) ctx.addIssue({ code: "custom", message: PHOTO_MESSAGES.empty });
      else if (photo.size > maxBytes) ctx.addIssue({ code: "custom", message: PHOTO_MESSAGES.tooLargeFor(maxBytes) });
      if (!isAcceptedPhotoType(photo.type)) ctx.addIssue({ code: "custom", message: PHOTO_MESSAGES.declaredType });
    })
    .transform((photo) => ({ size: photo.size, type: photo.type as AcceptedPhotoType }));
}

function makeDocumentsSchema(maxBytes: number) {
  return z.object({
    ktpPhoto: photoDescriptorSchema(PHOTO_MESSAGES.ktpPhotoRequired, maxBytes),
    selfie: photoDescriptorSchema(PHOTO_MESSAGES.selfieRequired, maxBytes),
  } satisfies Record<DocumentField, z.ZodType>, { error: INVALID_PAYLOAD_MESSAGE });
}

/** The wizard step: photos already compressed in the browser. */
export const documentsSchema = makeDocumentsSchema(MAX_PHOTO_BYTES);
/** The server's upload limit, before it re-encodes the photos. */
export const uploadedDocumentsSchema = makeDocumentsSchema(MAX_UPLOAD_BYTES);

export type DocumentsInput = z.input<typeof documentsSchema>;
export type DocumentsValues = z.output<typeof documentsSchema>;
