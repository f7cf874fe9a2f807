/** Step 5, Cek Ulang: the applicant confirms ("Iya") that the data is correct and final. */
import { z } from "zod";
import { REVIEW_MESSAGES, type ReviewField } from "@/schemas/facts/review";
import { INVALID_PAYLOAD_MESSAGE } from "@/schemas/shared";

export * from "@/schemas/facts/review";

export const reviewSchema = z.object({
  confirm: z.literal(true, { error: REVIEW_MESSAGES.confirm }),
} satisfies Record<ReviewField, z.ZodType>, { error: INVALID_PAYLOAD_MESSAGE });

export type ReviewValues = z.output<typeof reviewSchema>;
