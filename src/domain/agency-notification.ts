/** "Beri tahu saya" messages, apart from the schema so the landing page's form needs no zod. */
export const AGENCY_NOTIFICATION_MESSAGES = {
  agencyRequired: "Pilih instansi.",
  emailRequired: "Email wajib diisi.",
} as const;
