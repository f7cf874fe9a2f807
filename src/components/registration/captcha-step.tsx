"use client";

import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { CaptchaChallenge } from "@/components/auth/captcha-challenge";
import { TextField } from "@/components/registration/form-field";
import { StepActions, StepForm, StepFrame } from "@/components/registration/step-frame";
import { useStepForm } from "@/components/registration/use-step-form";
import { type Captcha, useWizard } from "@/components/registration/wizard-provider";
import { apiRequest } from "@/lib/api-client";
import { CAPTCHA_ANSWER_MAX, captchaSchema } from "@/schemas/captcha";

export async function fetchCaptcha(): Promise<Captcha | null> {
  const response = await apiRequest<Captcha>("/api/captcha", { method: "POST" });
  return response.ok ? response.data : null;
}

export function CaptchaStep() {
  return (
    <StepFrame step="captcha" intro={<p>Ketik angka yang terlihat pada gambar, atau dengarkan captcha bila gambar sulit dibaca.</p>}>
      <CaptchaForm />
    </StepFrame>
  );
}

function CaptchaForm() {
  const wizard = useWizard();
  const { captcha, setCaptcha } = wizard;
  const [values, setValues] = useState({ captchaAnswer: wizard.captchaAnswer });
  const [loading, setLoading] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [loadFailed, setLoadFailed] = useState(false);
  const requested = useRef(false);
  const form = useStepForm({
    step: "captcha",
    // The id travels with the answer; only the answer is a field the applicant sees.
    fields: ["captchaAnswer"],
    values,
    setValues,
    schema: captchaSchema,
    toData: (answer) => ({ captchaId: captcha?.id ?? "", ...answer }),
    anchorField: "captchaAnswer",
    // Submitted only with a captcha on screen (see onSubmit below).
    commit: ({ captchaAnswer }) => wizard.commit("captcha", { captcha: captcha as Captcha, captchaAnswer }),
    // A wrong answer burnt the captcha on the server: a fresh one, the server's message kept by the field.
    onRefused: (error) => {
      if (error.code !== "CAPTCHA_INVALID") return;
      const message = error.fields?.captchaAnswer?.[0] ?? error.message;
      void reload(true).then(() => form.reportError("captchaAnswer", message));
    },
  });

  const reload = useCallback(
    async (announce: boolean) => {
      setLoading(true);
      setLoadFailed(false);
      const next = await fetchCaptcha();
      setLoading(false);
      if (!next) {
        setLoadFailed(true);
        setAnnouncement("Captcha gagal dimuat.");
        return;
      }
      setCaptcha(next);
      setValues({ captchaAnswer: "" });
      if (announce) setAnnouncement("Captcha baru sudah dimuat. Isi kode pada gambar yang baru.");
    },
    [setCaptcha],
  );

  useEffect(() => {
    if (captcha || requested.current) return;
    requested.current = true;
    void reload(false);
  }, [captcha, reload]);

  // Nothing to answer until the image is there.
  const onSubmit = (event: FormEvent) => (captcha ? form.onSubmit(event) : event.preventDefault());

  return (
    <StepForm form={{ ...form, onSubmit }}>
      <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <CaptchaChallenge
          captcha={captcha}
          placeholder={loadFailed ? "Captcha gagal dimuat. Tekan \u201cMuat ulang captcha\u201d." : "Memuat captcha…"}
          onReload={() => void reload(true)}
          reloading={loading}
        />
        <p role="status" className="text-sm text-slate-700">
          {loading ? "Memuat captcha…" : announcement}
        </p>
        <TextField
          {...form.textField("captchaAnswer")}
          label="Kode captcha"
          hint="Ketik angka pada gambar di atas, atau yang Anda dengar."
          autoComplete="off"
          inputMode="numeric"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={CAPTCHA_ANSWER_MAX}
          className="max-w-xs"
        />
      </div>
      <StepActions back="password" submitting={form.submitting} />
    </StepForm>
  );
}
