import type { Metadata } from "next";
import { ApplicantSearch } from "@/components/admin/applicant-search";
import { requireAdminPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Cari Pelamar" };

/**
 * Look an applicant up; each applicant shown (and each photo opened) is on the audit log. The
 * query is POSTed to `/api/admin/applicant-search`: no NIK in the URL, the history or an access log.
 */
export default async function AdminApplicantPage() {
  await requireAdminPage();
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Cari pelamar</h1>
      <p className="text-slate-700">Setiap data pelamar yang dibuka tercatat di log audit.</p>
      <ApplicantSearch />
    </div>
  );
}
