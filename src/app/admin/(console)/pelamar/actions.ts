"use server";

import type { ApplicantSearchState } from "@/components/admin/applicant-search";
import { findApplicant } from "@/server/admin/find-applicant";
import { requireAdminPage } from "@/server/auth/require-page";

/**
 * The applicant search, as a POST (a server action), so that the NIK travels in the body and never
 * in a URL. The admin is checked here again (an action is a request of its own); each applicant
 * shown is audited by findApplicant.
 */
export async function searchApplicant(_previous: ApplicantSearchState, form: FormData): Promise<ApplicantSearchState> {
  const admin = await requireAdminPage();
  const raw = form.get("q");
  const query = typeof raw === "string" ? raw.trim().slice(0, 40) : "";
  if (!/^\d{15,16}$/.test(query.replace(/\s+/g, ""))) return { status: "invalid", query };
  const account = await findApplicant(admin.id, query);
  return account ? { status: "found", query, account } : { status: "not-found", query };
}
