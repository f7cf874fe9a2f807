"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

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
          <ErrorNotice
            reset={reset}
            reload
            message="Maaf, portal SSCASN tidak dapat ditampilkan karena kesalahan pada sistem. Silakan coba lagi beberapa saat lagi."
          />
        </main>
      </body>
    </html>
  );
}
