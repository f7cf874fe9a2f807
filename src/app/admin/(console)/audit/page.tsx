import type { Metadata } from "next";
import { formatWib } from "@/domain/registration/window";
import { listAuditLog } from "@/server/admin/list-audit-log";
import { requireAdminPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Log Audit" };

const ACTION_LABELS: Record<string, string> = {
  AGENCY_FORMATION_STATUS_SET: "Mengubah status formasi",
  SCHEDULE_SET: "Mengubah jadwal",
  APPLICANT_VIEWED: "Melihat data pelamar",
};

export default async function AdminAuditPage() {
  await requireAdminPage();
  const rows = await listAuditLog();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Log audit</h1>
      <p className="text-slate-700">Setiap tindakan admin dan setiap akses admin ke data pelamar, terbaru di atas.</p>
      {rows.length === 0 ? (
        <p>Belum ada catatan.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Log audit</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">Waktu</th>
                <th scope="col" className="p-2">Admin</th>
                <th scope="col" className="p-2">Tindakan</th>
                <th scope="col" className="p-2">Sasaran</th>
                <th scope="col" className="p-2">Sebelum</th>
                <th scope="col" className="p-2">Sesudah</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap">{formatWib(row.at)}</td>
                  <td className="p-2">{row.actor}</td>
                  <td className="p-2">{ACTION_LABELS[row.action] ?? row.action}</td>
                  <td className="p-2 font-mono text-xs">{row.target}</td>
                  <td className="p-2 font-mono text-xs break-all">{row.before}</td>
                  <td className="p-2 font-mono text-xs break-all">{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
