"use client";

/**
 * What went wrong with the camera and how to fix it, per browser (Chrome, Firefox, Safari) and for
 * in-app browsers, whose webviews often cannot use the camera at all. Short on a phone: the
 * detected browser's steps are shown, then the actions ("Coba Lagi", the file fallback), and the
 * other browsers' steps stay collapsed (<details>) below them.
 */
import { type ReactNode, useEffect, useState } from "react";
import { type BrowserFamily, type DetectedBrowser, detectBrowser } from "@/lib/browser-detect";

export type CameraErrorKind = "denied" | "not-found" | "busy" | "unsupported" | "insecure" | "other";

export function cameraErrorKind(error: string | DOMException | Error): CameraErrorKind {
  if (typeof window !== "undefined" && !window.isSecureContext) return "insecure";
  if (typeof error === "string") return "unsupported";
  // react-webcam's polyfill rejects with a plain Error when the browser has no getUserMedia at all.
  if (/not (implemented|supported)/i.test(error.message)) return "unsupported";
  switch (error.name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "not-found";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "busy";
    default:
      return "other";
  }
}

export const CAMERA_ERROR_TITLES: Record<CameraErrorKind, string> = {
  denied: "Izin kamera ditolak",
  "not-found": "Kamera tidak ditemukan",
  busy: "Kamera sedang dipakai atau tidak dapat dibuka",
  unsupported: "Browser ini tidak dapat memakai kamera",
  insecure: "Kamera hanya dapat dipakai melalui koneksi aman",
  other: "Kamera tidak dapat diaktifkan",
};

const SUMMARY: Record<CameraErrorKind, string> = {
  denied: "Browser tidak diizinkan memakai kamera untuk situs ini. Izinkan kamera, lalu tekan \u201cCoba Lagi\u201d.",
  "not-found":
    "Perangkat ini tidak memiliki kamera, atau kamera dimatikan. Pastikan kamera terpasang dan tidak ditutup, lalu tekan \u201cCoba Lagi\u201d. Di laptop, periksa juga izin kamera di pengaturan sistem (Windows: Pengaturan \u2192 Privasi & keamanan \u2192 Kamera; macOS: Pengaturan Sistem \u2192 Privasi & Keamanan \u2192 Kamera).",
  busy: "Kamera mungkin sedang dipakai aplikasi atau tab lain (misalnya Zoom, Google Meet, WhatsApp, atau aplikasi kamera). Tutup aplikasi tersebut, lalu tekan \u201cCoba Lagi\u201d. Jika masih gagal, tutup dan buka kembali browser.",
  unsupported:
    "Browser ini tidak menyediakan akses kamera untuk situs web. Gunakan versi terbaru Chrome, Firefox, atau Safari. Jika Anda membuka tautan dari aplikasi lain, buka halaman ini di browser.",
  insecure: "Alamat halaman ini tidak diawali https://, sehingga browser menolak kamera. Buka SSCASN melalui alamat resmi yang diawali https://.",
  other: "Terjadi kendala saat membuka kamera. Tekan \u201cCoba Lagi\u201d; jika masih gagal, ikuti langkah untuk browser Anda di bawah ini.",
};

const BROWSER_STEPS: { family: Exclude<BrowserFamily, "other">; title: string; steps: ReactNode }[] = [
  {
    family: "chrome",
    title: "Chrome (Android dan komputer), juga Edge dan Samsung Internet",
    steps: (
      <ol className="list-decimal space-y-1 pl-5">
        <li>Ketuk atau klik ikon di sebelah kiri alamat situs (gembok atau ikon pengaturan situs).</li>
        <li>
          Pilih <strong>Izin</strong> atau <strong>Setelan situs</strong>, lalu ubah <strong>Kamera</strong> menjadi{" "}
          <strong>Izinkan</strong>.
        </li>
        <li>Muat ulang halaman bila diminta, lalu tekan &ldquo;Coba Lagi&rdquo;.</li>
      </ol>
    ),
  },
  {
    family: "firefox",
    title: "Firefox",
    steps: (
      <ol className="list-decimal space-y-1 pl-5">
        <li>Klik ikon kamera bercoret atau ikon gembok di bilah alamat.</li>
        <li>
          Hapus larangan <strong>Gunakan kamera</strong> (tanda &ldquo;Diblokir&rdquo;), atau di Android buka menu{" "}
          <strong>Pengaturan → Izin situs → Kamera</strong>.
        </li>
        <li>Tekan &ldquo;Coba Lagi&rdquo; dan pilih <strong>Izinkan</strong>.</li>
      </ol>
    ),
  },
  {
    family: "safari",
    title: "Safari (iPhone, iPad, Mac)",
    steps: (
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          iPhone/iPad: ketuk <strong>aA</strong> di bilah alamat → <strong>Pengaturan Situs Web</strong> →{" "}
          <strong>Kamera</strong> → <strong>Izinkan</strong>, atau buka <strong>Pengaturan → Safari → Kamera</strong>.
        </li>
        <li>
          Mac: menu <strong>Safari → Pengaturan untuk Situs Web Ini</strong> → <strong>Kamera</strong> →{" "}
          <strong>Izinkan</strong>.
        </li>
        <li>Kembali ke halaman ini dan tekan &ldquo;Coba Lagi&rdquo;.</li>
      </ol>
    ),
  },
  {
    family: "in-app",
    title: "Dibuka dari Instagram, Facebook, WhatsApp, TikTok, atau aplikasi lain",
    steps: (
      <ol className="list-decimal space-y-1 pl-5">
        <li>Browser di dalam aplikasi tersebut sering tidak dapat memakai kamera.</li>
        <li>
          Ketuk menu <strong>⋮</strong> atau <strong>···</strong> di pojok layar, lalu pilih{" "}
          <strong>Buka di browser</strong> (&ldquo;Open in Chrome&rdquo; / &ldquo;Open in Safari&rdquo;), atau salin
          alamat halaman ini ke Chrome atau Safari.
        </li>
        <li>Lanjutkan pendaftaran di browser tersebut.</li>
      </ol>
    ),
  },
];

export function CameraHelp({ kind, headingId, actions }: { kind: CameraErrorKind; headingId: string; actions: ReactNode }) {
  const [browser, setBrowser] = useState<DetectedBrowser>({ family: "other" });
  useEffect(() => setBrowser(detectBrowser(navigator.userAgent)), []);
  const showBrowserSteps = kind === "denied" || kind === "unsupported" || kind === "other" || browser.family === "in-app";
  const detected = showBrowserSteps ? BROWSER_STEPS.find((entry) => entry.family === browser.family) : undefined;
  const others = showBrowserSteps ? BROWSER_STEPS.filter((entry) => entry !== detected) : [];
  return (
    <div className="space-y-4">
      <div className="space-y-3">
        <h3 id={headingId} tabIndex={-1} className="text-base font-bold text-red-800">
          {CAMERA_ERROR_TITLES[kind]}
        </h3>
        <p>{SUMMARY[kind]}</p>
        {browser.family === "in-app" ? (
          <p className="font-medium">
            Anda tampaknya membuka halaman ini dari dalam aplikasi {browser.appName}. Buka halaman ini di Chrome atau Safari
            agar kamera dapat dipakai.
          </p>
        ) : null}
        {detected ? (
          <div className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <h4 className="font-semibold">Cara mengizinkan kamera di {detected.title}</h4>
            <div className="mt-1">{detected.steps}</div>
          </div>
        ) : null}
      </div>
      {actions}
      {others.length > 0 ? (
        <div className="space-y-2 border-t border-red-200 pt-3 text-sm">
          <p className="font-medium">{detected ? "Memakai browser lain?" : "Cara mengizinkan kamera:"}</p>
          {others.map((entry) => (
            <details key={entry.family} className="rounded-md border border-slate-200 bg-white">
              <summary className="min-h-11 cursor-pointer px-3 py-2.5 font-semibold">{entry.title}</summary>
              <div className="px-3 pb-3">{entry.steps}</div>
            </details>
          ))}
        </div>
      ) : null}
    </div>
  );
}
