import type { Metadata } from "next";
import { WayBackLinks } from "@/components/way-back-links";

export const metadata: Metadata = { title: "Halaman Tidak Ditemukan" };

/** Every unknown address, in Indonesian, with a way back (issue 10, item 5). */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm font-semibold text-slate-700">Kesalahan 404</p>
      <h1 className="text-2xl font-bold sm:text-3xl">Halaman tidak ditemukan</h1>
      <p>
        Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali alamatnya, atau lanjutkan dari beranda
        SSCASN.
      </p>
      <WayBackLinks />
    </div>
  );
}
