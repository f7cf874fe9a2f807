"use client";

import "./globals.css";

/**
 * The last resort when the root layout itself fails: a whole document of its own, in Indonesian,
 * with plain links (the app's router may be what broke).
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <head>
        <title>Terjadi Kesalahan — SSCASN</title>
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="bg-brand-800 text-white">
          <div className="mx-auto max-w-5xl px-4 py-3 text-xl font-bold tracking-wide">SSCASN</div>
        </header>
        <main className="mx-auto max-w-2xl space-y-4 px-4 py-10">
          <h1 className="text-2xl font-bold sm:text-3xl">Terjadi kesalahan</h1>
          <p>
            Maaf, portal SSCASN tidak dapat ditampilkan karena kesalahan pada sistem. Silakan coba lagi beberapa saat lagi.
          </p>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => reset()}
              className="rounded-md border border-brand-700 bg-white px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50"
            >
              Coba lagi
            </button>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload on purpose: the app failed */}
            <a href="/" className="rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
              Ke Beranda
            </a>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- as above */}
            <a href="/daftar" className="rounded-md border border-brand-700 bg-white px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50">
              Buat Akun
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
