"use client";

/**
 * Selesai: the account exists. Shows the registration number and creation time (WIB), what happens
 * next, the Kartu Informasi Akun (PDF download and a print view that prints only the card), and
 * the reminders. The wizard's stored progress is cleared here; the registration number and card
 * token stay in sessionStorage so a reload of this page still works in this tab.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { StepIndicator } from "@/components/registration/step-indicator";
import { useWizard } from "@/components/registration/wizard-provider";
import { type AccountSummary, genderLabel } from "@/domain/registration/account";
import { WIZARD_STEP_IDS } from "@/domain/registration/steps";
import { formatWib } from "@/domain/registration/window";
import { apiRequest } from "@/lib/api-client";
import { formatIsoDateId } from "@/lib/format";
import { type DoneRecord, loadDone } from "@/lib/wizard-storage";

/** As `GET /api/registrations/{number}` sends it. */
type RegistrationDetails = AccountSummary<string>;

const COMPLETED = WIZARD_STEP_IDS.filter((step) => step !== "done");

export function DoneView() {
  const { reset } = useWizard();
  const [record, setRecord] = useState<DoneRecord | null | undefined>(undefined);
  const [details, setDetails] = useState<RegistrationDetails | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const done = loadDone();
    setRecord(done);
    if (!done) return;
    reset();
    let cancelled = false;
    const query = `token=${encodeURIComponent(done.cardToken)}`;
    void apiRequest<RegistrationDetails>(`/api/registrations/${encodeURIComponent(done.registrationNumber)}?${query}`).then(
      (response) => {
        if (cancelled) return;
        if (response.ok) setDetails(response.data);
        else setLoadError(response.error.message);
      },
    );
    return () => {
      cancelled = true;
    };
    // Once per visit: reset() clears the progress and must not re-run this effect.
  }, []);

  if (record === undefined) {
    return (
      <p role="status" className="text-slate-700">
        Memuat…
      </p>
    );
  }
  if (record === null) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">Belum ada pendaftaran yang selesai</h1>
        <p>Halaman ini menampilkan hasil pendaftaran yang baru saja Anda selesaikan di tab browser ini.</p>
        <Link href="/daftar" className="font-medium text-brand-700 underline underline-offset-2">
          Mulai atau lanjutkan pendaftaran
        </Link>
      </div>
    );
  }

  const base = `/api/registrations/${encodeURIComponent(record.registrationNumber)}`;
  const token = `token=${encodeURIComponent(record.cardToken)}`;
  const createdAt = details ? formatWib(new Date(details.createdAt)) : null;
  const gender = details ? genderLabel(details.gender) : undefined;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <StepIndicator current="done" completed={COMPLETED} />
      <div className="space-y-3 rounded-md border border-green-300 bg-green-50 p-4 sm:p-6 print:hidden">
        <h1 className="text-2xl font-bold text-green-900 sm:text-3xl">Akun berhasil dibuat</h1>
        <p>
          Nomor pendaftaran Anda: <strong className="text-lg tracking-wide">{record.registrationNumber}</strong>
        </p>
        {createdAt ? <p>Akun dibuat pada {createdAt}.</p> : null}
      </div>

      <section aria-labelledby="judul-kartu" className="space-y-3">
        <h2 id="judul-kartu" className="text-xl font-semibold print:hidden">
          Kartu Informasi Akun
        </h2>
        {loadError ? (
          <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 print:hidden">
            Rincian akun belum dapat ditampilkan ({loadError}) Kartu tetap dapat diunduh.
          </p>
        ) : null}
        <div id="kartu-informasi-akun" className="rounded-md border-2 border-brand-700 bg-white p-4 sm:p-6">
          <p className="text-sm font-semibold tracking-wide text-brand-800 uppercase">SSCASN — Seleksi CPNS 2023</p>
          <p className="text-lg font-bold">Kartu Informasi Akun</p>
          <div className="mt-3 flex flex-col gap-4 sm:flex-row">
            <img
              src={`${base}/photos/selfie?${token}`}
              alt="Swafoto pemilik akun"
              width={120}
              height={160}
              className="h-40 w-30 shrink-0 rounded border border-slate-300 object-cover"
            />
            <dl className="grid flex-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-700">Nomor Pendaftaran</dt>
              <dd className="font-semibold">{record.registrationNumber}</dd>
              <dt className="text-slate-700">NIK</dt>
              <dd className="font-semibold">{details?.nik ?? "…"}</dd>
              <dt className="text-slate-700">Nama</dt>
              <dd className="font-semibold">{details?.fullName ?? "…"}</dd>
              <dt className="text-slate-700">Tempat, Tanggal Lahir</dt>
              <dd className="font-semibold">{details ? `${details.birthPlace}, ${formatIsoDateId(details.birthDate)}` : "…"}</dd>
              <dt className="text-slate-700">Jenis Kelamin</dt>
              <dd className="font-semibold">{gender ?? "…"}</dd>
              <dt className="text-slate-700">Instansi</dt>
              <dd className="font-semibold">{details?.agency.name ?? "…"}</dd>
              <dt className="text-slate-700">Akun dibuat</dt>
              <dd className="font-semibold">{createdAt ?? "…"}</dd>
            </dl>
          </div>
        </div>
        <div className="flex flex-wrap gap-3 print:hidden">
          <a
            href={`${base}/card?${token}`}
            download
            className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            Unduh Kartu Informasi Akun (PDF)
          </a>
          <button
            type="button"
            onClick={() => window.print()}
            className="inline-flex min-h-11 items-center justify-center rounded-md border border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
          >
            Cetak Kartu
          </button>
        </div>
      </section>

      <section aria-labelledby="judul-berikutnya" className="space-y-2 print:hidden">
        <h2 id="judul-berikutnya" className="text-xl font-semibold">
          Langkah berikutnya
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          <li>Masuk ke SSCASN dengan NIK dan kata sandi yang baru Anda buat.</li>
          <li>Lengkapi biodata, pilih jenis seleksi dan formasi pada instansi tujuan, lalu unggah dokumen persyaratan.</li>
          <li>Periksa resume pendaftaran dan akhiri pendaftaran sebelum batas waktu yang ditetapkan.</li>
          <li>Pantau pengumuman di SSCASN dan akun media sosial resmi BKN serta instansi tujuan.</li>
        </ol>
      </section>

      <section aria-labelledby="judul-pengingat" className="space-y-2 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 print:hidden">
        <h2 id="judul-pengingat" className="text-lg font-semibold text-amber-950">
          Penting
        </h2>
        <ul className="list-disc space-y-1 pl-6 text-amber-950">
          <li>Simpan Kartu Informasi Akun ini (unduh atau cetak); kartu diperlukan pada tahap seleksi berikutnya.</li>
          <li>
            Ingat jawaban pertanyaan keamanan Anda: jawaban itu diperlukan untuk memulihkan kata sandi bila lupa.
          </li>
          <li>Jangan berikan kata sandi kepada siapa pun, termasuk yang mengaku petugas.</li>
          <li>Data akun tidak dapat diubah. Satu NIK hanya dapat membuat satu akun.</li>
        </ul>
      </section>
    </div>
  );
}
