import type { Metadata } from "next";
import { DEFAULT_MESSAGES, type ErrorCode } from "@/domain/errors";
import { FORMATION_STATUS_LABELS, isFormationStatus } from "@/domain/registration/readiness";
import { getRegistrationFigures } from "@/server/admin/get-registration-figures";
import { requireAdminPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Ringkasan Admin" };

export default async function AdminSummaryPage() {
  await requireAdminPage();
  const figures = await getRegistrationFigures();
  const withAccounts = figures.perAgency.filter((agency) => agency.accounts > 0);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Ringkasan pendaftaran</h1>
      <p className="text-lg">
        Jumlah akun terdaftar: <strong>{figures.total}</strong>
      </p>

      <section aria-labelledby="per-instansi" className="space-y-2">
        <h2 id="per-instansi" className="text-xl font-semibold">Akun per instansi</h2>
        {withAccounts.length === 0 ? (
          <p>Belum ada akun terdaftar.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[28rem] border-collapse bg-white text-left text-sm">
              <caption className="sr-only">Jumlah akun per instansi</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">Instansi</th>
                  <th scope="col" className="p-2">Status formasi</th>
                  <th scope="col" className="p-2 text-right">Akun</th>
                </tr>
              </thead>
              <tbody>
                {withAccounts.map((agency) => (
                  <tr key={agency.code} className="border-b border-slate-200">
                    <td className="p-2">{agency.name}</td>
                    <td className="p-2">{isFormationStatus(agency.formationStatus) ? FORMATION_STATUS_LABELS[agency.formationStatus] : agency.formationStatus}</td>
                    <td className="p-2 text-right tabular-nums">{agency.accounts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="per-hari" className="space-y-2">
        <h2 id="per-hari" className="text-xl font-semibold">Akun per hari (WIB)</h2>
        {figures.perDay.length === 0 ? (
          <p>Belum ada akun terdaftar.</p>
        ) : (
          <div className="overflow-x-auto">
          <table className="border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Jumlah akun per hari</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">Tanggal</th>
                <th scope="col" className="p-2 text-right">Akun</th>
              </tr>
            </thead>
            <tbody>
              {figures.perDay.map((day) => (
                <tr key={day.date} className="border-b border-slate-200">
                  <td className="p-2 tabular-nums">{day.date}</td>
                  <td className="p-2 text-right tabular-nums">{day.accounts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      <section aria-labelledby="penolakan" className="space-y-2">
        <h2 id="penolakan" className="text-xl font-semibold">Permintaan pendaftaran yang ditolak, per alasan</h2>
        {figures.refusals.length === 0 ? (
          <p>Belum ada permintaan yang ditolak.</p>
        ) : (
          <div className="overflow-x-auto">
          <table className="border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Jumlah penolakan per alasan</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">Alasan</th>
                <th scope="col" className="p-2">Kode</th>
                <th scope="col" className="p-2 text-right">Jumlah</th>
              </tr>
            </thead>
            <tbody>
              {figures.refusals.map((row) => (
                <tr key={row.code} className="border-b border-slate-200">
                  <td className="p-2">{DEFAULT_MESSAGES[row.code as ErrorCode]?.split(".")[0] ?? row.code}</td>
                  <td className="p-2 font-mono text-xs">{row.code}</td>
                  <td className="p-2 text-right tabular-nums">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
    </div>
  );
}
