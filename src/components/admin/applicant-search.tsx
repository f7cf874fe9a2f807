"use client";

/**
 * "Cari Pelamar": look an applicant up by NIK or registration number. The query is POSTed to a
 * server action (issue 9, item 9): the NIK never goes in a URL, so it lands in no access log,
 * no browser history and no Referer; the result is this component's state, shown in place.
 * Without JavaScript the form still posts (a server action's progressive enhancement).
 */
import { useActionState } from "react";
import { type AccountSummary, genderLabel } from "@/domain/registration/account";
import { formatWib } from "@/domain/registration/window";

export type FoundApplicant = AccountSummary & { kk: string; phone: string; email: string };

export type ApplicantSearchState =
  | { status: "idle" }
  | { status: "invalid"; query: string }
  | { status: "not-found"; query: string }
  | { status: "found"; query: string; account: FoundApplicant };

export const INVALID_QUERY_MESSAGE = "Masukkan NIK (16 digit) atau nomor pendaftaran (15 digit).";

export function ApplicantSearch({ action }: { action: (previous: ApplicantSearchState, form: FormData) => Promise<ApplicantSearchState> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const query = state.status === "idle" ? "" : state.query;
  const invalid = state.status === "invalid";
  const account = state.status === "found" ? state.account : null;
  const base = account ? `/api/registrations/${encodeURIComponent(account.registrationNumber)}` : "";

  return (
    <>
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-auto">
          <label htmlFor="q" className="block font-medium">
            NIK atau nomor pendaftaran
          </label>
          <input
            id="q"
            name="q"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={query}
            key={query}
            aria-describedby={invalid ? "q-error" : undefined}
            aria-invalid={invalid ? true : undefined}
            className="mt-1 w-full rounded-md border border-slate-500 bg-white px-3 py-2 sm:w-72"
          />
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          Cari
        </button>
      </form>
      {invalid ? (
        <p id="q-error" role="alert" className="font-medium text-red-800">
          {INVALID_QUERY_MESSAGE}
        </p>
      ) : null}
      {state.status === "not-found" ? <p role="status">Tidak ada akun dengan NIK atau nomor pendaftaran tersebut.</p> : null}
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
                ["Akun dibuat", formatWib(account.createdAt)],
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
