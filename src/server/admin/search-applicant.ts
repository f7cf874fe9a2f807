import "server-only";
import { applicantSearchSchema } from "@/schemas/admin";
import { applicantSearchAnswerSchema, type ApplicantSearchAnswer } from "@/schemas/api-answers";
import { findApplicant } from "@/server/admin/find-applicant";

/**
 * `POST /api/admin/applicant-search`: the admin's "Cari Pelamar", by NIK or registration number in
 * the body (never in a URL: access logs and the browser's history would keep it). Each applicant
 * shown is audited (findApplicant).
 */
export async function searchApplicant(adminId: string, body: unknown): Promise<ApplicantSearchAnswer> {
  const { query } = applicantSearchSchema.parse(body);
  const account = await findApplicant(adminId, query);
  return applicantSearchAnswerSchema.parse({ applicant: account ? { ...account, createdAt: account.createdAt.toISOString() } : null });
}
