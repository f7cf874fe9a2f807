import Link from "next/link";
import { formatWib } from "@/domain/registration/window";

/** Shown instead of the wizard while registration is not open (SPEC "Registration window"). */
export function RegistrationNotOpen({
  status,
  opensAt,
  closesAt,
}: {
  status: "upcoming" | "closed";
  opensAt: string;
  closesAt: string;
}) {
  const upcoming = status === "upcoming";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{upcoming ? "Pendaftaran belum dibuka" : "Pendaftaran sudah ditutup"}</h1>
      <div
        className={`space-y-2 rounded-md border p-4 ${upcoming ? "border-amber-300 bg-amber-50" : "border-slate-300 bg-slate-100"}`}
        data-window-status={status}
      >
        {upcoming ? (
          <>
            <p>
              Pembuatan akun SSCASN untuk Seleksi CPNS 2023 dibuka pada <strong>{formatWib(new Date(opensAt))}</strong>.
            </p>
            <p>Silakan kembali pada waktu tersebut. Pantau informasi resmi di SSCASN dan akun media sosial resmi BKN.</p>
          </>
        ) : (
          <>
            <p>
              Pembuatan akun SSCASN untuk Seleksi CPNS 2023 telah ditutup pada{" "}
              <strong>{formatWib(new Date(closesAt))}</strong>.
            </p>
            <p>Akun baru tidak dapat dibuat lagi. Jika Anda sudah memiliki akun, simpan Kartu Informasi Akun Anda.</p>
          </>
        )}
      </div>
      <Link href="/" className="inline-block font-medium text-brand-700 underline underline-offset-2">
        Kembali ke halaman utama
      </Link>
    </div>
  );
}
