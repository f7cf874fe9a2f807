import type { Metadata } from "next";
import { genderLabel } from "@/domain/registration/account";
import { formatWib } from "@/domain/registration/window";
import { findApplicant } from "@/server/admin/find-applicant";
import { requireAdminPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Cari Pelamar" };

/** Look an applicant up; each applicant shown (and each photo opened) is on the audit log. */
export default async function AdminApplicantPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const raw = (await searchParams).q;
  const query = typeof raw === "string" ? raw.trim() : "";
  const valid = /^\d{15,16}$/.test(query.replace(/\s+/g, ""));
  const account = query && valid ? await findApplicant(admin.id, query) : null;
  const base = account ? `/api/registrations/${encodeURIComponent(account.registrationNumber)}` : "";

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Cari pelamar</h1>
      <p className="text-slate-700">Setiap data pelamar yang dibuka tercatat di log audit.</p>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-auto">
          <label htmlFor="q" className="block font-medium">
            NIK atau nomor pendaftaran
          </label>
          <input
            id="q"
            name="q"
            inputMode="numeric"
            defaultValue={query}
            aria-describedby={query && !valid ? "q-error" : undefined}
            aria-invalid={query && !valid ? true : undefined}
            className="mt-1 w-full rounded-md border border-slate-500 bg-white px-3 py-2 sm:w-72"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">
          Cari
        </button>
      </form>
      {query && !valid ? (
        <p id="q-error" role="alert" className="font-medium text-red-800">
          Masukkan NIK (16 digit) atau nomor pendaftaran (15 digit).
        </p>
      ) : null}
      {query && valid && !account ? <p role="status">Tidak ada akun dengan NIK atau nomor pendaftaran tersebut.</p> : null}
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
    </div>
  );
}
