import type { Metadata } from "next";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { formatIsoDate, parseIsoDate } from "@/domain/calendar";
import { genderLabel } from "@/domain/registration/account";
import { formatWib, formatWibDate } from "@/domain/registration/window";
import { getAccountOverview } from "@/server/account/get-account-overview";
import { requireApplicantPage } from "@/server/auth/require-page";

export const metadata: Metadata = { title: "Akun Saya" };

function birthDateLabel(iso: string): string {
  const date = parseIsoDate(iso);
  return date ? formatWibDate(new Date(`${formatIsoDate(date)}T12:00:00+07:00`)) : iso;
}

/** "Akun Saya": the applicant's identity, read only; photos and the card come through routes that check the owner. */
export default async function AccountPage() {
  const user = await requireApplicantPage("/akun");
  const account = await getAccountOverview(user.id);
  const base = `/api/registrations/${encodeURIComponent(account.registrationNumber)}`;
  // The labels and their case are the wizard's review page's (and the card's), so one field reads
  // the same everywhere.
  const rows: [string, string][] = [
    ["Nomor Pendaftaran", account.registrationNumber],
    ["NIK", account.nik],
    ["Nomor KK", account.kk],
    ["Nama Lengkap", account.fullName],
    ["Jenis Kelamin", genderLabel(account.gender)],
    ["Tempat Lahir", account.birthPlace],
    ["Tanggal Lahir", birthDateLabel(account.birthDate)],
    ["Nomor HP", account.phone],
    ["Email", account.email],
    ["Instansi", account.agency.name],
    ["Waktu Pembuatan Akun", formatWib(account.createdAt)],
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">Akun Saya</h1>
        <SignOutButton callbackUrl="/masuk" />
      </div>
      <SessionKeepAlive />
      <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm">
        Data akun yang sudah disimpan tidak dapat diubah. Jika lupa kata sandi, gunakan menu Lupa Kata Sandi.
      </p>
      <section aria-labelledby="data-akun" className="space-y-3">
        <h2 id="data-akun" className="text-xl font-semibold">Data Akun</h2>
        <dl className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {rows.map(([label, value]) => (
            <div key={label} className="grid gap-1 px-4 py-3 sm:grid-cols-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="font-medium break-words sm:col-span-2">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="foto" className="space-y-3">
        <h2 id="foto" className="text-xl font-semibold">Foto</h2>
        <div className="flex flex-wrap gap-4">
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element -- served by a route that checks the owner */}
            <img src={`${base}/photos/ktp`} alt="Foto KTP Anda" width={240} height={150} className="h-auto max-w-full rounded border border-slate-300 bg-white" />
            <figcaption className="mt-1 text-sm text-slate-700">Foto KTP</figcaption>
          </figure>
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element -- served by a route that checks the owner */}
            <img src={`${base}/photos/selfie`} alt="Swafoto Anda" width={180} height={135} className="h-auto max-w-full rounded border border-slate-300 bg-white" />
            <figcaption className="mt-1 text-sm text-slate-700">Swafoto</figcaption>
          </figure>
        </div>
      </section>
      <section aria-labelledby="kartu" className="space-y-3">
        <h2 id="kartu" className="text-xl font-semibold">Kartu Informasi Akun</h2>
        <p>
          Simpan kartu ini sebagai bukti bahwa akun Anda sudah dibuat. Kartu tidak diperlukan untuk memulihkan kata
          sandi; yang diperlukan adalah NIK, Nomor KK, tanggal lahir, dan jawaban pertanyaan keamanan Anda.
        </p>
        <a href={`${base}/card`} className="inline-block rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          Unduh Kartu Informasi Akun (PDF)
        </a>
      </section>
    </div>
  );
}
