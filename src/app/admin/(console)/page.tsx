import type { Metadata } from "next";
import type { ReactNode } from "react";
import { BarList, ColumnChart } from "@/components/admin/figure-charts";
import { pad2 } from "@/domain/calendar";
import { DEFAULT_MESSAGES, type ErrorCode } from "@/domain/errors";
import { FORMATION_STATUS_LABELS, isFormationStatus } from "@/domain/registration/readiness";
import { getRegistrationFigures } from "@/server/admin/get-registration-figures";
import { requireAdminPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Ringkasan Admin" };

/** The figures as server-drawn charts, each with its numbers as a table for screen readers. */
export default async function AdminSummaryPage() {
  await requireAdminPage();
  const figures = await getRegistrationFigures();
  const agencies = figures.perAgency.filter((agency) => agency.accounts > 0);
  const noAccounts = "Belum ada akun terdaftar.";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Ringkasan pendaftaran</h1>
      <p className="text-lg">
        Jumlah akun terdaftar: <strong>{figures.total}</strong>
      </p>
      <Figure id="per-hari" title="Akun per hari (WIB)" empty={figures.total === 0 ? noAccounts : null}>
        <ColumnChart
          title="Akun per hari (WIB)"
          columns={["Tanggal", "Akun"]}
          data={figures.perDay.map((day) => ({ key: day.date, label: shortDate(day.date), value: day.accounts, note: day.date }))}
        />
      </Figure>
      <Figure id="per-jam" title="Akun per jam (WIB), semua hari" empty={figures.total === 0 ? noAccounts : null}>
        <ColumnChart
          title="Akun per jam (WIB), semua hari"
          columns={["Jam", "Akun"]}
          tickEvery={2}
          data={figures.perHour.map((row) => ({ key: String(row.hour), label: pad2(row.hour), value: row.accounts, note: `${pad2(row.hour)}.00–${pad2(row.hour)}.59` }))}
        />
      </Figure>
      <Figure id="per-instansi" title="Akun per instansi" empty={agencies.length === 0 ? noAccounts : null}>
        <BarList
          title="Akun per instansi"
          columns={["Instansi", "Akun"]}
          data={agencies.map((agency) => ({
            key: agency.code,
            label: agency.name,
            value: agency.accounts,
            note: isFormationStatus(agency.formationStatus) ? FORMATION_STATUS_LABELS[agency.formationStatus] : agency.formationStatus,
          }))}
        />
      </Figure>
      <Figure
        id="penolakan"
        title="Permintaan pendaftaran yang ditolak, per alasan"
        empty={figures.refusals.length === 0 ? "Belum ada permintaan yang ditolak." : null}
      >
        <BarList
          title="Permintaan pendaftaran yang ditolak, per alasan"
          columns={["Alasan", "Jumlah"]}
          data={figures.refusals.map((row) => ({
            key: row.code,
            label: `${DEFAULT_MESSAGES[row.code as ErrorCode]?.split(".")[0] ?? row.code} (${row.code})`,
            value: row.count,
          }))}
        />
      </Figure>
    </div>
  );
}

function Figure({ id, title, empty, children }: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {empty ? <p>{empty}</p> : children}
    </section>
  );
}

/** "2023-09-25" → "25/9" for an axis label. */
function shortDate(iso: string): string {
  const [, month, day] = iso.split("-");
  return `${Number(day)}/${Number(month)}`;
}
