import type { Metadata } from "next";
import { AgencyFormationTable } from "@/components/admin/agency-formation-table";
import { requireAdminPage } from "@/server/auth/require-page";
import { listAgencies } from "@/server/registration/list-agencies";

export const metadata: Metadata = { title: "Status Formasi Instansi" };

export default async function AdminAgenciesPage() {
  await requireAdminPage();
  const agencies = await listAgencies();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Status formasi instansi</h1>
      <p className="text-slate-700">
        Akun hanya dapat dibuat untuk instansi yang formasinya sudah diverifikasi. Perubahan berlaku seketika untuk
        pendaftaran berikutnya dan tercatat di log audit.
      </p>
      <AgencyFormationTable agencies={agencies} />
    </div>
  );
}
