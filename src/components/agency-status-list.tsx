"use client";

import { useId, useMemo, useState } from "react";
import { AGENCY_KIND_LABELS, AGENCY_KINDS, FORMATION_STATUS_LABELS, isFormationStatus } from "@/domain/registration/readiness";

export type AgencyRow = { code: string; name: string; kind: string; formationStatus: string };

/**
 * Every agency with its formation status, searchable, so an applicant learns before starting
 * whether an account can be created for the agency they want (SPEC "Agency formation readiness").
 */
export function AgencyStatusList({ agencies }: { agencies: AgencyRow[] }) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const filtered = useMemo(() => filterAgencies(agencies, query), [agencies, query]);

  return (
    <div>
      <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
        Cari instansi
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Contoh: Kota Bandung"
        className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:max-w-md"
      />
      <p className="mt-2 text-sm text-slate-700" aria-live="polite">
        {filtered.length} dari {agencies.length} instansi ditampilkan.
      </p>
      {AGENCY_KINDS.map((kind) => {
        const rows = filtered.filter((a) => a.kind === kind);
        if (rows.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`instansi-${kind}`} className="mt-6">
            <h3 id={`instansi-${kind}`} className="text-lg font-semibold">
              {AGENCY_KIND_LABELS[kind]}
            </h3>
            <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
              {rows.map((agency) => (
                <li key={agency.code} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <span>{agency.name}</span>
                  <FormationStatusBadge status={agency.formationStatus} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Agencies whose name or code holds the query, ignoring case (all of them for an empty query). */
export function filterAgencies<T extends AgencyRow>(agencies: T[], query: string): T[] {
  const needle = query.trim().toLocaleLowerCase("id-ID");
  return needle ? agencies.filter((a) => `${a.name} ${a.code}`.toLocaleLowerCase("id-ID").includes(needle)) : agencies;
}

export function FormationStatusBadge({ status }: { status: string }) {
  const verified = status === "VERIFIED";
  const label = isFormationStatus(status) ? FORMATION_STATUS_LABELS[status] : FORMATION_STATUS_LABELS.IN_VERIFICATION;
  return (
    <span
      className={`inline-flex w-fit rounded-full px-3 py-1 text-sm font-medium ${verified ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-950"}`}
    >
      {label}
    </span>
  );
}
