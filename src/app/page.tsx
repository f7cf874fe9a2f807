import { headers } from "next/headers";
import Link from "next/link";
import { AgencyStatusList } from "@/components/agency-status-list";
import { formatWib } from "@/domain/registration/window";
import { getRegistrationWindow } from "@/server/registration/get-registration-window";
import { listAgencies } from "@/server/registration/list-agencies";
import { FILL_HEADER, isPageCacheFill } from "@/server/page-cache/shared";

/**
 * The page most visitors see: anonymous visits are answered from the page cache (ADR 0019). Its
 * own render reads the data afresh, so a cached page is never older than PUBLIC_CACHE_TTL_MS.
 */
export default async function LandingPage() {
  const fresh = isPageCacheFill((await headers()).get(FILL_HEADER));
  const [window, agencies] = await Promise.all([getRegistrationWindow({ fresh }), listAgencies({ fresh })]);
  const postponed = window.originallyOpensAt !== null && window.originallyOpensAt.getTime() !== window.opensAt.getTime();

  return (
    <div className="space-y-8 sm:space-y-10">
      <section aria-labelledby="judul" className="space-y-4">
        <h1 id="judul" className="text-2xl font-bold sm:text-3xl">
          Pendaftaran Akun SSCASN — Seleksi CPNS 2023
        </h1>
        <WindowStatusPanel status={window.status} opensAt={window.opensAt} closesAt={window.closesAt} />
      </section>

      <section aria-labelledby="instansi" className="space-y-3">
        <h2 id="instansi" className="text-xl font-semibold">
          Status formasi instansi
        </h2>
        <p className="text-sm text-slate-700">
          Akun hanya dapat dibuat untuk instansi yang formasinya sudah diverifikasi.
        </p>
        <AgencyStatusList agencies={agencies} notify={window.status !== "closed"} />
      </section>

      <section aria-labelledby="jadwal" className="space-y-3">
        <h2 id="jadwal" className="text-xl font-semibold">
          Jadwal pendaftaran
        </h2>
        <dl className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-700">Pendaftaran dibuka</dt>
            <dd className="font-medium">{formatWib(window.opensAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Pendaftaran ditutup</dt>
            <dd className="font-medium">{formatWib(window.closesAt)}</dd>
          </div>
        </dl>
        {postponed && window.originallyOpensAt && (
          <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm">
            <strong>Jadwal diundur:</strong> pembukaan pendaftaran yang semula dijadwalkan{" "}
            {formatWib(window.originallyOpensAt)} diundur menjadi {formatWib(window.opensAt)}.
          </p>
        )}
      </section>

      <section aria-labelledby="persiapan" className="space-y-3">
        <h2 id="persiapan" className="text-xl font-semibold">
          Yang perlu disiapkan
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>NIK dan Nomor Kartu Keluarga (KK) sesuai data Dukcapil.</li>
          <li>Nama lengkap, tempat dan tanggal lahir sesuai KTP.</li>
          <li>Nomor HP dan alamat email yang aktif.</li>
          <li>Foto KTP (JPG/PNG) dan kamera untuk swafoto.</li>
        </ul>
        <p className="text-sm text-slate-700">
          Data yang sudah disimpan tidak dapat diubah. Periksa kembali sebelum mengonfirmasi.
        </p>
      </section>

    </div>
  );
}

function WindowStatusPanel({ status, opensAt, closesAt }: { status: "upcoming" | "open" | "closed"; opensAt: Date; closesAt: Date }) {
  if (status === "open") {
    return (
      <div className="space-y-3 rounded-md border border-green-300 bg-green-50 p-4" data-window-status="open">
        <p className="text-lg font-semibold text-green-900">Pendaftaran sedang dibuka</p>
        <p>Pendaftaran akun dibuka sampai {formatWib(closesAt)}.</p>
        <Link
          href="/daftar"
          className="inline-block rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
        >
          Buat Akun
        </Link>
      </div>
    );
  }
  if (status === "upcoming") {
    return (
      <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4" data-window-status="upcoming">
        <p className="text-lg font-semibold text-amber-950">Pendaftaran belum dibuka</p>
        <p>Pendaftaran akun dibuka pada {formatWib(opensAt)}.</p>
      </div>
    );
  }
  return (
    <div className="space-y-2 rounded-md border border-slate-300 bg-slate-100 p-4" data-window-status="closed">
      <p className="text-lg font-semibold">Pendaftaran sudah ditutup</p>
      <p>Pendaftaran akun Seleksi CPNS 2023 telah ditutup pada {formatWib(closesAt)}.</p>
    </div>
  );
}
