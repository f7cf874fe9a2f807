import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SimulatedClockBanner } from "@/components/simulated-clock-banner";
import { getSessionUser } from "@/server/auth/session";
import { deps } from "@/server/deps";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SSCASN — Buat Akun CPNS 2023", template: "%s — SSCASN" },
  description: "Pendaftaran akun Sistem Seleksi Calon Aparatur Sipil Negara (SSCASN) untuk seleksi CPNS 2023.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// One line at any width: the link never wraps inside its border (issue 10, item 4).
const accountLinkClass = "inline-block whitespace-nowrap rounded-md border border-white/70 px-3 py-2 text-sm font-medium hover:bg-white/10";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page depends on the clock and the database: render per request, never at build time.
  await connection();
  const serverClock = deps().clock;
  const user = await getSessionUser();
  return (
    <html lang="id">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#konten"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Lewati ke konten utama
        </a>
        <SimulatedClockBanner simulatedNow={serverClock.simulated ? serverClock.now() : null} />
        <header className="bg-brand-800 text-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="flex min-w-0 flex-col leading-tight">
              <span className="text-xl font-bold tracking-wide">SSCASN</span>
              <span className="text-xs text-brand-100">Sistem Seleksi Calon Aparatur Sipil Negara</span>
            </Link>
            <nav aria-label="Akun" className="shrink-0">
              {user?.role === "ADMIN" ? (
                <Link href="/admin" className={accountLinkClass}>
                  Konsol Admin
                </Link>
              ) : user?.role === "APPLICANT" ? (
                <Link href="/akun" className={accountLinkClass}>
                  Akun Saya
                </Link>
              ) : (
                <Link href="/masuk" className={accountLinkClass}>
                  Masuk
                </Link>
              )}
            </nav>
          </div>
        </header>
        <main id="konten" className="mx-auto max-w-5xl px-4 py-6 sm:py-10">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600">
            Portal pendaftaran akun SSCASN — Seleksi CPNS 2023. Informasi resmi hanya melalui SSCASN dan akun media
            sosial resmi BKN serta instansi.
          </div>
        </footer>
      </body>
    </html>
  );
}
