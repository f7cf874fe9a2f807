/** Step 5, Cek Ulang, without zod: its one field and message (the schema: src/schemas/review.ts). */

export const REVIEW_FIELDS = ["confirm"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

export const REVIEW_MESSAGES = {
  confirm: "Pastikan data Anda sudah benar dan konfirmasi dengan memilih \"Iya\".",
} as const;
