import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DEFAULT_MESSAGES, type ErrorCode } from "@/domain/errors";
import { FORMATION_STATUS_LABELS, isFormationStatus } from "@/domain/registration/readiness";
import { getRegistrationFigures } from "@/server/admin/get-registration-figures";
import { requireAdminPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Ringkasan Admin" };

export default async function AdminSummaryPage() {
  await requireAdminPage();
  const figures = await getRegistrationFigures();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Ringkasan pendaftaran</h1>
      <p className="text-lg">
        Jumlah akun terdaftar: <strong>{figures.total}</strong>
      </p>
      <FigureTable
        id="per-instansi"
        title="Akun per instansi"
        empty="Belum ada akun terdaftar."
        columns={["Instansi", "Status formasi", "Akun"]}
        rows={figures.perAgency
          .filter((agency) => agency.accounts > 0)
          .map((agency) => ({
            key: agency.code,
            cells: [
              agency.name,
              isFormationStatus(agency.formationStatus) ? FORMATION_STATUS_LABELS[agency.formationStatus] : agency.formationStatus,
              agency.accounts,
            ],
          }))}
      />
      <FigureTable
        id="per-hari"
        title="Akun per hari (WIB)"
        empty="Belum ada akun terdaftar."
        columns={["Tanggal", "Akun"]}
        rows={figures.perDay.map((day) => ({ key: day.date, cells: [day.date, day.accounts] }))}
      />
      <FigureTable
        id="penolakan"
        title="Permintaan pendaftaran yang ditolak, per alasan"
        empty="Belum ada permintaan yang ditolak."
        columns={["Alasan", "Kode", "Jumlah"]}
        rows={figures.refusals.map((row) => ({
          key: row.code,
          cells: [DEFAULT_MESSAGES[row.code as ErrorCode]?.split(".")[0] ?? row.code, <code key="code">{row.code}</code>, row.count],
        }))}
      />
    </div>
  );
}

/** A titled table of figures; the last column is the count. Scrolls inside itself on narrow screens. */
function FigureTable({
  id,
  title,
  empty,
  columns,
  rows,
}: {
  id: string;
  title: string;
  empty: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const last = columns.length - 1;
  const align = (index: number) => (index === last ? "p-2 text-right tabular-nums" : "p-2");
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                {columns.map((column, index) => (
                  <th key={column} scope="col" className={align(index)}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-slate-200">
                  {row.cells.map((cell, index) => (
                    <td key={index} className={align(index)}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
