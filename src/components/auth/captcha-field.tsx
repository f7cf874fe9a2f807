"use client";

import { useCallback, useEffect, useState } from "react";
import { CaptchaAudio } from "@/components/auth/captcha-audio";
import { FieldMessages, fieldId, inputClass } from "@/components/registration/form-field";
import { postJson } from "@/lib/api-client";

export type Captcha = { id: string; image: string };

/**
 * A server captcha with its answer box and a refresh button. `version` changes force a fresh
 * captcha (each one is single use: any answer consumes it).
 */
export function CaptchaField({
  version,
  answer,
  onAnswer,
  onCaptcha,
  errors,
}: {
  version: number;
  answer: string;
  onAnswer: (value: string) => void;
  onCaptcha: (captcha: Captcha | null) => void;
  errors?: readonly string[];
}) {
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    const result = await postJson<Captcha>("/api/captcha", {});
    if (result.ok) {
      setCaptcha(result.data);
      onCaptcha(result.data);
      onAnswer("");
    } else {
      setLoadError(result.error.message);
      onCaptcha(null);
    }
  }, [onAnswer, onCaptcha]);

  useEffect(() => {
    void load();
  }, [version, load]);

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3">
        {captcha ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL from our own API
          <img
            src={captcha.image}
            alt="Gambar kode captcha: ketik angka yang terlihat, atau gunakan Dengarkan captcha"
            width={220}
            height={70}
            className="max-w-full rounded border border-slate-400 bg-white"
          />
        ) : (
          <span className="text-sm text-slate-700">{loadError ?? "Memuat captcha…"}</span>
        )}
        <button type="button" onClick={() => void load()} className="rounded-md border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
          Muat ulang captcha
        </button>
      </div>
      <div className="mt-3">
        <CaptchaAudio captchaId={captcha?.id ?? null} />
      </div>
      <label htmlFor={fieldId("captchaAnswer")} className="mt-3 block font-medium text-slate-900">
        Kode captcha
      </label>
      <input
        id={fieldId("captchaAnswer")}
        name="captchaAnswer"
        autoComplete="off"
        inputMode="numeric"
        autoCapitalize="characters"
        spellCheck={false}
        value={answer}
        onChange={(event) => onAnswer(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${fieldId("captchaAnswer")}-error` : `${fieldId("captchaAnswer")}-hint`}
        className={`${inputClass} max-w-xs`}
      />
      <FieldMessages name="captchaAnswer" hint="Ketik angka pada gambar, atau dengarkan captcha." errors={errors} />
    </div>
  );
}
