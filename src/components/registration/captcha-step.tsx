"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { TextField, secondaryButtonClass } from "@/components/registration/form-field";
import { StepActions, StepFrame } from "@/components/registration/step-frame";
import { refusalFromApiError, summaryFromFields } from "@/components/registration/step-errors";
import { zodIssuesToFieldErrors } from "@/schemas/field-errors";
import { type Captcha, useWizard } from "@/components/registration/wizard-provider";
import { type FieldErrors } from "@/domain/errors";
import { completeStep, latestAllowedStep, stepPath } from "@/domain/registration/steps";
import { apiRequest, postJson } from "@/lib/api-client";
import { CAPTCHA_ANSWER_MAX, captchaSchema } from "@/schemas/captcha";

const FIELDS = ["captchaAnswer"] as const;

export async function fetchCaptcha(): Promise<Captcha | null> {
  const response = await apiRequest<Captcha>("/api/captcha", { method: "POST" });
  return response.ok ? response.data : null;
}

export function CaptchaStep() {
  return (
    <StepFrame
      step="captcha"
      intro={<p>Ketik huruf dan angka yang terlihat pada gambar. Huruf besar dan kecil dianggap sama.</p>}
    >
      <CaptchaForm />
    </StepFrame>
  );
}

function CaptchaForm() {
  const wizard = useWizard();
  const router = useRouter();
  const [answer, setAnswer] = useState(wizard.captchaAnswer);
  const problem = wizard.problems.captcha;
  const [fields, setFields] = useState<FieldErrors>(problem?.fields ?? {});
  const [summary, setSummary] = useState<SummaryItem[]>(
    problem ? summaryFromFields(problem.fields, FIELDS).concat(problem.fields.captchaAnswer ? [] : [{ message: problem.message }]) : [],
  );
  const [focusKey, setFocusKey] = useState(problem ? 1 : 0);
  const [loading, setLoading] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [loadFailed, setLoadFailed] = useState(false);
  const requested = useRef(false);
  const { captcha, setCaptcha } = wizard;

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
      setAnswer("");
      if (announce) setAnnouncement("Captcha baru sudah dimuat. Isi kode pada gambar yang baru.");
    },
    [setCaptcha],
  );

  useEffect(() => {
    if (captcha || requested.current) return;
    requested.current = true;
    void reload(false);
  }, [captcha, reload]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!captcha) return;
    const data = { captchaId: captcha.id, captchaAnswer: answer };
    const result = captchaSchema.safeParse(data);
    if (!result.success) {
      const errors = zodIssuesToFieldErrors(result.error);
      setFields(errors);
      setSummary(summaryFromFields(errors, FIELDS));
      setFocusKey((k) => k + 1);
      return;
    }
    const response = await postJson("/api/registrations/validate", { step: "captcha", data });
    if (!response.ok) {
      const refusal = refusalFromApiError(response.error, FIELDS, "captchaAnswer");
      setFields(refusal.fields);
      setSummary(refusal.summary);
      setFocusKey((k) => k + 1);
      return;
    }
    wizard.commitCaptcha(captcha, answer);
    router.push(stepPath(latestAllowedStep(completeStep(wizard.completed, "captcha"))));
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6">
      <ErrorSummary items={summary} focusKey={focusKey} />
      <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <div className="flex min-h-[70px] items-center">
          {captcha ? (
            <img
              src={captcha.image}
              alt="Gambar kode captcha berisi huruf dan angka acak. Jika sulit dibaca, tekan Muat ulang captcha."
              width={200}
              height={70}
              className="h-[70px] w-[200px] rounded border border-slate-400 bg-white"
            />
          ) : (
            <p className="text-slate-700">{loadFailed ? "Captcha gagal dimuat. Tekan \u201cMuat ulang captcha\u201d." : "Memuat captcha…"}</p>
          )}
        </div>
        <button type="button" className={secondaryButtonClass} onClick={() => void reload(true)} disabled={loading}>
          Muat ulang captcha
        </button>
        <p role="status" className="text-sm text-slate-700">
          {loading ? "Memuat captcha…" : announcement}
        </p>
        <TextField
          name="captchaAnswer"
          label="Kode captcha"
          hint="Ketik kode pada gambar di atas."
          value={answer}
          errors={fields.captchaAnswer}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={CAPTCHA_ANSWER_MAX}
          onChange={(event) => {
            setAnswer(event.target.value);
            if (fields.captchaAnswer) setFields({});
          }}
          className="max-w-xs"
        />
      </div>
      <StepActions back="password" />
    </form>
  );
}
