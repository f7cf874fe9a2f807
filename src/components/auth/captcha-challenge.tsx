"use client";

import { CaptchaAudio } from "@/components/auth/captcha-audio";
import { secondaryButtonClass } from "@/components/registration/form-field";

export type Captcha = { id: string; image: string };

/**
 * A captcha as every form shows it (sign-in, recovery, the wizard's captcha step): the image, or
 * in its place `placeholder` (loading, or why it failed); the audio alternative; and "Muat ulang
 * captcha". Fetching and the answer box stay with the form, which knows when a captcha is used up.
 */
export function CaptchaChallenge({
  captcha,
  placeholder,
  onReload,
  reloading = false,
}: {
  captcha: Captcha | null;
  placeholder: string;
  onReload: () => void;
  reloading?: boolean;
}) {
  return (
    <div className="space-y-4">
      <div className="flex min-h-[70px] items-center">
        {captcha ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL from our own API
          <img
            src={captcha.image}
            alt="Gambar kode captcha berisi angka acak. Jika sulit dibaca, tekan Dengarkan captcha atau Muat ulang captcha."
            width={220}
            height={70}
            className="h-auto w-[220px] max-w-full rounded border border-slate-400 bg-white"
          />
        ) : (
          <p className="text-slate-700">{placeholder}</p>
        )}
      </div>
      {/* The audio alternative (WCAG 1.1.1): the same digits, spoken; listening does not use the captcha up. */}
      <CaptchaAudio captchaId={captcha?.id ?? null} />
      <button type="button" className={secondaryButtonClass} onClick={onReload} disabled={reloading}>
        Muat ulang captcha
      </button>
    </div>
  );
}
