"use client";

import { useCallback, useEffect, useState } from "react";
import { CaptchaChallenge, type Captcha } from "@/components/auth/captcha-challenge";
import { FieldMessages, fieldId, inputClass } from "@/components/registration/form-field";
import { postJson } from "@/lib/api-client";

export type { Captcha };

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
      <CaptchaChallenge captcha={captcha} placeholder={loadError ?? "Memuat captcha…"} onReload={() => void load()} />
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
