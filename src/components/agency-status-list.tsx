"use client";

import { useId, useMemo, useState } from "react";
import { FormationStatusBadge } from "@/components/formation-status-badge";
import { NotifyMeForm } from "@/components/notify-me-form";
import { searchAgencies } from "@/domain/registration/agency-search";
import { AGENCY_KIND_LABELS, AGENCY_KINDS, FORMATION_STATUS_LABELS } from "@/domain/registration/readiness";

export { FormationStatusBadge };

export type AgencyRow = { code: string; name: string; kind: string; formationStatus: string };

/**
 * Every agency's formation status, so an applicant learns before starting whether an account can
 * be created for the agency they want (SPEC "Agency formation readiness"). Short on a phone: the
 * search comes first; without a query only the agencies still in verification are listed (each
 * with "Beri tahu saya"), and the full list waits behind a disclosure.
 */
export function AgencyStatusList({ agencies, notify = true }: { agencies: AgencyRow[]; notify?: boolean }) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const filtered = useMemo(() => filterAgencies(agencies, query), [agencies, query]);
  const waiting = agencies.filter((a) => a.formationStatus !== "VERIFIED");
  const searching = query.trim() !== "";

  return (
    <div className="space-y-4">
      <div role="search">
        <AgencySearchField id={searchId} query={query} onQuery={setQuery} describedBy={`${searchId}-count`} />
        <p id={`${searchId}-count`} className="mt-2 text-sm text-slate-700" aria-live="polite">
          {searching
            ? `${filtered.length} dari ${agencies.length} instansi ditampilkan.`
            : `${agencies.length} instansi: ${agencies.length - waiting.length} sudah diverifikasi, ${waiting.length} masih diverifikasi.`}
        </p>
      </div>

      {searching ? (
        filtered.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-3">
            Tidak ada instansi yang cocok. Periksa ejaan, atau cari dengan kata lain (misalnya &ldquo;Jember&rdquo;).
          </p>
        ) : (
          <AgencyList agencies={filtered} notify={notify} />
        )
      ) : (
        <>
          <section aria-labelledby={`${searchId}-waiting`} className="space-y-2">
            <h3 id={`${searchId}-waiting`} className="text-lg font-semibold">
              Formasi masih diverifikasi ({waiting.length})
            </h3>
            <p className="text-sm text-slate-700">
              Akun belum dapat dibuat untuk instansi berikut.
              {notify ? " Pilih \u201cBeri tahu saya\u201d untuk menerima email saat formasinya sudah diverifikasi." : ""} Pantau
              juga SSCASN dan akun media sosial resmi BKN serta instansi tersebut.
            </p>
            <AgencyList agencies={waiting} notify={notify} badges={false} />
          </section>
          <details className="group rounded-md border border-slate-200 bg-white">
            <summary className="cursor-pointer px-4 py-3 font-medium text-brand-700">Lihat semua instansi ({agencies.length})</summary>
            <div className="space-y-4 border-t border-slate-200 p-2 sm:p-4">
              {AGENCY_KINDS.map((kind) => {
                const rows = agencies.filter((a) => a.kind === kind);
                if (rows.length === 0) return null;
                return (
                  <section key={kind} aria-labelledby={`${searchId}-${kind}`}>
                    <h3 id={`${searchId}-${kind}`} className="px-2 font-semibold">
                      {AGENCY_KIND_LABELS[kind]}
                    </h3>
                    <AgencyList agencies={rows} notify={false} />
                  </section>
                );
              })}
            </div>
          </details>
        </>
      )}
    </div>
  );
}

/**
 * One compact row per agency: its name, its status (left out where a heading already says it), and
 * "Beri tahu saya" beside those in verification, opening under the row.
 */
function AgencyList({ agencies, notify = true, badges = true }: { agencies: AgencyRow[]; notify?: boolean; badges?: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-[0.95rem]">
      {agencies.map((agency) => {
        const waiting = agency.formationStatus !== "VERIFIED";
        return (
          <li key={agency.code} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2">
            <span className="min-w-0">{agency.name}</span>
            {badges ? <FormationStatusBadge status={agency.formationStatus} compact /> : <span className="sr-only">{FORMATION_STATUS_LABELS.IN_VERIFICATION}</span>}
            {notify && waiting ? (
              <details className="open:basis-full">
                <summary className="cursor-pointer py-1 text-sm font-medium text-brand-700 underline underline-offset-2">
                  Beri tahu saya<span className="sr-only"> saat formasi {agency.name} diverifikasi</span>
                </summary>
                <div className="mt-2 pb-2">
                  <NotifyMeForm agencyCode={agency.code} agencyName={agency.name} />
                </div>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Agencies whose name or code holds every word of the query (all of them for an empty query). */
export function filterAgencies<T extends AgencyRow>(agencies: T[], query: string): T[] {
  return searchAgencies(agencies, query);
}

/** "Cari instansi": the search box over a list of agencies (this list, the admin's table). */
export function AgencySearchField({ id, query, onQuery, describedBy }: { id: string; query: string; onQuery: (query: string) => void; describedBy?: string }) {
  return (
    <>
      <label htmlFor={id} className="block font-medium text-slate-900">
        Cari instansi
      </label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        placeholder="Contoh: Kota Bandung"
        aria-describedby={describedBy}
        className="mt-1 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base sm:max-w-md"
      />
    </>
  );
}
