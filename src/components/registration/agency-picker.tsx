"use client";

/**
 * The target agency: a search box with a list of the agencies that match (the ARIA 1.2 combobox
 * pattern, list autocomplete with manual selection), grouped by kind. A native select cut long names
 * at 360 px and cannot be searched, and the real portal lists 600+ agencies (issue 10, item 4).
 *
 * - Typing narrows the list (every word, anywhere in the name or code); a tap on the box or the
 *   arrow keys open it; ↑/↓ move through the options, Enter or a tap chooses, Esc closes.
 * - The chosen agency is shown in full under the box (wrapped, never cut) with its formation status.
 * - Leaving the box keeps the option the arrows were on, or the agency whose whole name was typed;
 *   otherwise the text goes back to the agency chosen before (an emptied box chooses none).
 * - Agencies still in verification are marked in the list and can be chosen; choosing one explains
 *   at once, before any submission, that accounts cannot be created for it yet and what to do
 *   (SPEC "Agency formation readiness"); the server refuses it on "Lanjutkan".
 * The value kept and sent is the agency's code, as before. No dependency: a combobox library small
 * enough for the wizard's JavaScript budget (≤ 3 kB gzip) was not to be had (ADR 0018).
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { FormationStatusBadge } from "@/components/formation-status-badge";
import { FieldMessages, describedBy, fieldId, inputClass } from "@/components/registration/form-field";
import { type AgencyOption } from "@/components/registration/wizard-provider";
import { agencyNamed, searchAgencies } from "@/domain/registration/agency-search";
import { AGENCY_KINDS, AGENCY_KIND_LABELS, FORMATION_STATUS_LABELS, isAgencyKind } from "@/domain/registration/readiness";

/** Where the identity step puts "Beri tahu saya" (outside its form: forms do not nest). */
export const NOTIFY_SECTION_ID = "beri-tahu-saya";

const NAME = "agencyCode";
const HINT = "Ketik sebagian nama instansi (misalnya \u201cpertahanan\u201d atau \u201ckota bandung\u201d), lalu pilih dari daftar. Instansi yang formasinya masih diverifikasi ditandai.";

export function AgencyPicker({
  agencies,
  value,
  errors,
  onChange,
  onBlur,
}: {
  agencies: AgencyOption[];
  value: string;
  errors: string[] | undefined;
  onChange: (code: string) => void;
  onBlur: () => void;
}) {
  const id = fieldId(NAME);
  const listId = `${id}-daftar`;
  const chosenId = `${id}-pilihan`;
  const optionId = (code: string) => `${id}-opsi-${code}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const selected = agencies.find((agency) => agency.code === value);
  // What is typed while searching; null shows the chosen agency's name.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);

  const groups = useMemo(() => {
    const found = searchAgencies(agencies, query ?? "");
    return AGENCY_KINDS.map((kind) => ({ kind, items: found.filter((agency) => agency.kind === kind) })).filter((group) => group.items.length > 0);
  }, [agencies, query]);
  const results = useMemo(() => groups.flatMap((group) => group.items), [groups]);
  const expanded = open && results.length > 0;

  useEffect(() => {
    if (active) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  // Low on a phone's screen, the list would open out of sight: bring it into view once, as it opens.
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (expanded) listRef.current?.scrollIntoView({ block: "nearest" });
  }, [expanded]);

  const choose = (code: string) => {
    setQuery(null);
    setOpen(false);
    setActive(null);
    if (code !== value) onChange(code);
  };

  const move = (step: 1 | -1) => {
    if (results.length === 0) return;
    const at = active ? results.findIndex((agency) => agency.code === active) : -1;
    const next = at === -1 ? (step === 1 ? 0 : results.length - 1) : (at + step + results.length) % results.length;
    setActive(results[next]?.code ?? null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        if (!open) {
          setOpen(true);
          // Alt+↓ only opens; otherwise start at the chosen agency when listed, else at an end.
          if (event.altKey) return;
          const start = results.find((agency) => agency.code === value && query === null);
          setActive(start?.code ?? (step === 1 ? results[0]?.code : results.at(-1)?.code) ?? null);
        } else move(step);
        return;
      }
      case "Enter":
        if (expanded && active) {
          event.preventDefault();
          choose(active);
        }
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(null);
        } else if (query !== null) {
          event.preventDefault();
          setQuery(null);
        }
        return;
    }
  };

  const onInputBlur = () => {
    if (query !== null) {
      const kept = (expanded && active) || agencyNamed(agencies, query)?.code || (query.trim() === "" ? "" : value);
      if (kept !== value) onChange(kept);
    } else if (expanded && active && active !== value) onChange(active);
    setQuery(null);
    setOpen(false);
    setActive(null);
    onBlur();
  };

  const invalid = Boolean(errors?.length);
  const warning = selected && selected.formationStatus !== "VERIFIED" ? <InVerificationWarning name={selected.name} /> : undefined;
  const searching = open && query !== null && query.trim() !== "";

  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        Instansi
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          name={NAME}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(NAME, { hint: HINT, warning, errors }, selected ? chosenId : undefined)}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          value={query ?? selected?.name ?? ""}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(null);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={onInputBlur}
          className={`${inputClass} pr-12`}
        />
        <button
          type="button"
          // Not a tab stop (the box opens the list itself); for a tap or a click. Focus stays in the box.
          tabIndex={-1}
          aria-label="Tampilkan daftar instansi"
          aria-expanded={expanded}
          aria-controls={listId}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            inputRef.current?.focus();
            setOpen(!open);
            setActive(null);
          }}
          className="absolute inset-y-0 right-0 flex w-11 items-center justify-center text-slate-700"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-5 transition-transform ${expanded ? "rotate-180" : ""}`}>
            <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Daftar instansi"
          hidden={!expanded}
          // A tap on a heading or the scroll bar must not take the focus out of the box (and close it).
          onMouseDown={(event) => event.preventDefault()}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-y-auto overscroll-contain rounded-md border border-slate-400 bg-white shadow-lg"
        >
          {expanded
            ? groups.map((group) => (
                <li key={group.kind} role="presentation">
                  <ul role="group" aria-labelledby={`${listId}-${group.kind}`}>
                    <li
                      role="presentation"
                      id={`${listId}-${group.kind}`}
                      className="sticky top-0 border-b border-slate-200 bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-800"
                    >
                      {AGENCY_KIND_LABELS[group.kind]}
                    </li>
                    {group.items.map((agency) => {
                      const isActive = agency.code === active;
                      const isChosen = agency.code === value;
                      return (
                        <li
                          key={agency.code}
                          id={optionId(agency.code)}
                          role="option"
                          aria-selected={isActive}
                          onClick={() => choose(agency.code)}
                          className={`flex min-h-11 cursor-pointer items-start gap-2 px-3 py-2 ${
                            isActive ? "bg-brand-600 text-white" : "hover:bg-brand-50"
                          }`}
                        >
                          <span aria-hidden="true" className="w-4 shrink-0 font-bold">
                            {isChosen ? "✓" : ""}
                          </span>
                          <span className="min-w-0">
                            <span className="block">{agency.name}</span>{" "}
                            {agency.formationStatus === "VERIFIED" ? null : (
                              <span className="mt-0.5 inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950">
                                {FORMATION_STATUS_LABELS.IN_VERIFICATION}
                              </span>
                            )}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))
            : null}
        </ul>
        {open && results.length === 0 ? (
          <p className="absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-slate-400 bg-white p-3 shadow-lg">
            Tidak ada instansi yang cocok. Periksa ejaan, atau ketik kata lain dari nama instansi.
          </p>
        ) : null}
      </div>
      <p role="status" className="sr-only">
        {searching ? (results.length === 0 ? "Tidak ada instansi yang cocok." : `${results.length} instansi cocok. Gunakan panah bawah untuk memilih.`) : ""}
      </p>
      <FieldMessages name={NAME} hint={HINT} errors={errors} />
      {selected ? (
        <div id={chosenId} className="mt-2 rounded-md border border-slate-300 bg-slate-50 p-3">
          <p className="text-sm text-slate-700">Instansi yang Anda pilih:</p>
          <p className="font-semibold text-slate-900">{selected.name}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
            {isAgencyKind(selected.kind) ? <span>{AGENCY_KIND_LABELS[selected.kind]}</span> : null}
            <FormationStatusBadge status={selected.formationStatus} compact />
          </p>
        </div>
      ) : null}
      <FieldMessages name={NAME} warning={warning} />
    </div>
  );
}

function InVerificationWarning({ name }: { name: string }) {
  return (
    <div role="status">
      <p className="font-semibold">Formasi {name} masih dalam proses verifikasi.</p>
      <p className="mt-1">
        Akun belum dapat dibuat untuk instansi ini. Silakan cek SSCASN secara berkala dan pantau akun media sosial resmi BKN serta{" "}
        {name}. Anda dapat kembali ke halaman ini setelah formasinya diverifikasi, atau memilih instansi lain yang formasinya
        sudah diverifikasi.
      </p>
      <p className="mt-1">
        <a href={`#${NOTIFY_SECTION_ID}`} className="font-medium underline underline-offset-2">
          Minta email pemberitahuan
        </a>{" "}
        saat formasinya sudah diverifikasi.
      </p>
    </div>
  );
}
