import type { Metadata } from "next";
import { WayBackLinks } from "@/components/way-back-links";

export const metadata: Metadata = { title: "Berhenti Menerima Pemberitahuan" };

/** Where the unsubscribe link of a "Beri tahu saya" mail lands (the route has already acted). */
export default async function UnsubscribedPage({ searchParams }: { searchParams: Promise<{ hasil?: string }> }) {
  const { hasil } = await searchParams;
  const done = hasil === "berhasil";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{done ? "Anda sudah berhenti berlangganan" : "Tautan tidak valid"}</h1>
      {done ? (
        <p>
          Alamat email Anda sudah dihapus dari semua pemberitahuan &ldquo;Beri tahu saya&rdquo;. Anda tidak akan menerima
          email pemberitahuan lagi, kecuali Anda mendaftarkannya kembali.
        </p>
      ) : (
        <p>
          Tautan berhenti berlangganan ini tidak dapat digunakan. Pastikan Anda membuka tautan lengkap dari email
          pemberitahuan SSCASN.
        </p>
      )}
      <WayBackLinks />
    </div>
  );
}
