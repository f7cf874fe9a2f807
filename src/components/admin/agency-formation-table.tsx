"use client";

import { useId, useMemo, useState } from "react";
import { AgencySearchField, FormationStatusBadge, filterAgencies, type AgencyRow } from "@/components/agency-status-list";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { AGENCY_KIND_LABELS, isAgencyKind } from "@/domain/registration/readiness";
import { apiRequest } from "@/lib/api-client";

/**
 * Every agency with its formation status and a toggle. A toggle asks first (it decides at once
 * whether thousands of applicants can register, and verifying sends the "Beri tahu saya" mails);
 * once confirmed, the change is saved and audited.
 */
export function AgencyFormationTable({ agencies: initial }: { agencies: AgencyRow[] }) {
  const [agencies, setAgencies] = useState(initial);
  const [query, setQuery] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<AgencyRow | null>(null);
  const searchId = useId();

  const shown = useMemo(() => filterAgencies(agencies, query), [agencies, query]);

  async function toggle(agency: AgencyRow) {
    const formationStatus = agency.formationStatus === "VERIFIED" ? "IN_VERIFICATION" : "VERIFIED";
    setBusy(agency.code);
    setError(null);
    const result = await apiRequest<AgencyRow>(`/api/admin/agencies/${encodeURIComponent(agency.code)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ formationStatus }),
    });
    setBusy(null);
    setPending(null);
    if (!result.ok) {
      setError(`${agency.name}: ${result.error.message}`);
      return;
    }
    setAgencies((list) => list.map((a) => (a.code === agency.code ? { ...a, formationStatus: result.data.formationStatus } : a)));
    setAnnouncement(
      `${agency.name}: formasi ${result.data.formationStatus === "VERIFIED" ? "ditandai sudah diverifikasi" : "dikembalikan ke proses verifikasi"}.`,
    );
  }

  return (
    <div className="space-y-3">
      <div>
        <AgencySearchField id={searchId} query={query} onQuery={setQuery} />
      </div>
      <p role="status" className="min-h-6 text-sm text-green-900">
        {announcement}
      </p>
      {error ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-white p-3 text-red-800">
          {error}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Status formasi setiap instansi</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Instansi</th>
              <th scope="col" className="p-2">Jenis</th>
              <th scope="col" className="p-2">Status formasi</th>
              <th scope="col" className="p-2">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((agency) => (
              <tr key={agency.code} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {agency.name} <span className="block font-mono text-xs text-slate-600">{agency.code}</span>
                </th>
                <td className="p-2">{isAgencyKind(agency.kind) ? AGENCY_KIND_LABELS[agency.kind] : agency.kind}</td>
                <td className="p-2">
                  <FormationStatusBadge status={agency.formationStatus} />
                </td>
                <td className="p-2">
                  <button
                    type="button"
                    disabled={busy === agency.code}
                    onClick={() => setPending(agency)}
                    aria-label={`${agency.formationStatus === "VERIFIED" ? "Kembalikan ke proses verifikasi" : "Tandai formasi sudah diverifikasi"}: ${agency.name}`}
                    className="rounded-md border border-brand-700 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
                  >
                    {agency.formationStatus === "VERIFIED" ? "Kembalikan ke verifikasi" : "Tandai terverifikasi"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmActionDialog
        open={pending !== null}
        busy={pending !== null && busy === pending.code}
        title={pending?.formationStatus === "VERIFIED" ? "Kembalikan formasi ke proses verifikasi?" : "Tandai formasi sudah diverifikasi?"}
        confirmLabel={pending?.formationStatus === "VERIFIED" ? "Ya, kembalikan" : "Ya, tandai terverifikasi"}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending && busy === null) void toggle(pending);
        }}
      >
        {pending?.formationStatus === "VERIFIED" ? (
          <p>
            <strong>{pending.name}</strong>: pembuatan akun baru untuk instansi ini akan ditolak seketika sampai formasinya
            diverifikasi lagi. Akun yang sudah dibuat tidak berubah.
          </p>
        ) : pending ? (
          <p>
            <strong>{pending.name}</strong>: akun dapat langsung dibuat untuk instansi ini, dan setiap pelamar yang meminta
            &ldquo;Beri tahu saya&rdquo; akan menerima satu email.
          </p>
        ) : null}
        <p>Perubahan ini tercatat di log audit.</p>
      </ConfirmActionDialog>
    </div>
  );
}
