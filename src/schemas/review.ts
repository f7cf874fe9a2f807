/** Step 5, Cek Ulang: the applicant confirms ("Iya") that the data is correct and final. */
import { z } from "zod";
import { INVALID_PAYLOAD_MESSAGE, fieldsOf } from "@/schemas/shared";

export const REVIEW_MESSAGES = {
  confirm: "Pastikan data Anda sudah benar dan konfirmasi dengan memilih \"Iya\".",
} as const;

export const reviewSchema = z.object({
  confirm: z.literal(true, { error: REVIEW_MESSAGES.confirm }),
}, { error: INVALID_PAYLOAD_MESSAGE });

export type ReviewValues = z.output<typeof reviewSchema>;

export const REVIEW_FIELDS = fieldsOf(reviewSchema);
