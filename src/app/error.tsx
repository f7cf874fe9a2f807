"use client";

import { WayBackLinks } from "@/components/way-back-links";

/**
 * An unexpected error while showing a page, in Indonesian: try again, or go back (issue 10,
 * item 5). The error itself is logged by the server; nothing of it is shown here.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">Terjadi kesalahan</h1>
      <p>
        Maaf, halaman ini tidak dapat ditampilkan karena kesalahan pada sistem. Data yang sudah tersimpan tidak hilang.
        Silakan coba lagi beberapa saat lagi.
      </p>
      <button
        type="button"
        onClick={() => reset()}
        className="inline-block rounded-md border border-brand-700 bg-white px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50"
      >
        Coba lagi
      </button>
      <WayBackLinks />
    </div>
  );
}
