"use client";

/**
 * "Cari Pelamar": look an applicant up by NIK or registration number. The query is POSTed as JSON
 * to `/api/admin/applicant-search` (issue 9, item 9): the NIK never goes in a URL, so it lands in
 * no access log, no browser history and no Referer; the result is this component's state, shown
 * in place. The form itself is `method="post"` and its button waits for the page to be ready, so
 * not even a click before the script runs sends the NIK as a query string.
 */
import { useEffect, useState, type FormEvent } from "react";
import { type AccountSummary, genderLabel } from "@/domain/registration/account";
import { formatWib } from "@/domain/registration/window";
import { postJson } from "@/lib/api-client";

type Applicant = AccountSummary<string> & { kk: string; phone: string; email: string };
type Outcome = { status: "idle" } | { status: "error"; message: string; field: boolean } | { status: "not-found" } | { status: "found"; applicant: Applicant };

export function ApplicantSearch() {
  const [query, setQuery] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const [ready, setReady] = useState(false);
  const [pending, setPending] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const response = await postJson<{ applicant: Applicant | null }>("/api/admin/applicant-search", { query });
    setPending(false);
    if (!response.ok) {
      const fieldMessage = response.error.fields?.query?.[0];
      setOutcome({ status: "error", message: fieldMessage ?? response.error.message, field: fieldMessage !== undefined });
      return;
    }
    setOutcome(response.data.applicant ? { status: "found", applicant: response.data.applicant } : { status: "not-found" });
  }

  const invalid = outcome.status === "error" && outcome.field;
  const account = outcome.status === "found" ? outcome.applicant : null;
  const base = account ? `/api/registrations/${encodeURIComponent(account.registrationNumber)}` : "";

  return (
    <>
      <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-auto">
          <label htmlFor="q" className="block font-medium">
            NIK atau nomor pendaftaran
          </label>
          <input
            id="q"
            name="q"
            inputMode="numeric"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={invalid ? "q-error" : undefined}
            aria-invalid={invalid ? true : undefined}
            className="mt-1 w-full rounded-md border border-slate-500 bg-white px-3 py-2 sm:w-72"
          />
        </div>
        <button
          type="submit"
          disabled={!ready || pending}
          className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Cari
        </button>
      </form>
      {outcome.status === "error" ? (
        <p id="q-error" role="alert" className="font-medium text-red-800">
          {outcome.message}
        </p>
      ) : null}
      {outcome.status === "not-found" ? <p role="status">Tidak ada akun dengan NIK atau nomor pendaftaran tersebut.</p> : null}
      {account ? (
        <section aria-labelledby="hasil" className="space-y-4">
          <h2 id="hasil" className="text-xl font-semibold">
            {account.fullName}
          </h2>
          <dl className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
            {(
              [
                ["Nomor pendaftaran", account.registrationNumber],
                ["NIK", account.nik],
                ["Nomor KK", account.kk],
                ["Tempat, tanggal lahir", `${account.birthPlace}, ${account.birthDate}`],
                ["Jenis kelamin", genderLabel(account.gender)],
                ["Nomor HP", account.phone],
                ["Email", account.email],
                ["Instansi", account.agency.name],
                ["Akun dibuat", formatWib(new Date(account.createdAt))],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="grid gap-1 px-4 py-3 sm:grid-cols-3">
                <dt className="text-sm text-slate-700">{label}</dt>
                <dd className="font-medium break-words sm:col-span-2">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-wrap gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- served by a route that checks the admin and audits the view */}
            <img src={`${base}/photos/ktp`} alt={`Foto KTP ${account.fullName}`} width={240} height={150} className="h-auto max-w-full rounded border border-slate-300 bg-white" />
            {/* eslint-disable-next-line @next/next/no-img-element -- served by a route that checks the admin and audits the view */}
            <img src={`${base}/photos/selfie`} alt={`Swafoto ${account.fullName}`} width={180} height={135} className="h-auto max-w-full rounded border border-slate-300 bg-white" />
          </div>
          <a href={`${base}/card`} className="inline-block font-medium text-brand-700 underline underline-offset-2">
            Unduh Kartu Informasi Akun (PDF)
          </a>
        </section>
      ) : null}
    </>
  );
}
