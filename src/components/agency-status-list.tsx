"use client";

import { useId, useMemo, useState } from "react";

export type AgencyRow = { code: string; name: string; kind: string; formationStatus: string };

const KIND_SECTIONS = [
  { kind: "PUSAT", title: "Instansi Pusat" },
  { kind: "PROVINSI", title: "Pemerintah Provinsi" },
  { kind: "KABUPATEN_KOTA", title: "Pemerintah Kabupaten/Kota" },
] as const;

/**
 * Every agency with its formation status, searchable, so an applicant learns before starting
 * whether an account can be created for the agency they want (SPEC "Agency formation readiness").
 */
export function AgencyStatusList({ agencies }: { agencies: AgencyRow[] }) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const filtered = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase("id-ID");
    return needle ? agencies.filter((a) => a.name.toLocaleLowerCase("id-ID").includes(needle)) : agencies;
  }, [agencies, query]);

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
      {KIND_SECTIONS.map(({ kind, title }) => {
        const rows = filtered.filter((a) => a.kind === kind);
        if (rows.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`instansi-${kind}`} className="mt-6">
            <h3 id={`instansi-${kind}`} className="text-lg font-semibold">
              {title}
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

export function FormationStatusBadge({ status }: { status: string }) {
  return status === "VERIFIED" ? (
    <span className="inline-flex w-fit rounded-full bg-green-100 px-3 py-1 text-sm font-medium text-green-900">
      Formasi sudah terverifikasi
    </span>
  ) : (
    <span className="inline-flex w-fit rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-950">
      Formasi masih diverifikasi
    </span>
  );
}
