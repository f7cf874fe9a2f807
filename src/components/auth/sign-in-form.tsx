"use client";

import { useCallback, useState, type FormEvent } from "react";
import { CaptchaField, type Captcha } from "@/components/auth/captcha-field";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { TextField } from "@/components/registration/form-field";
import { signInWithCredentials } from "@/lib/sign-in";

type Props = {
  provider: "applicant" | "admin";
  identifier: { name: "nik" | "username"; label: string; hint?: string; numeric?: boolean; autoComplete: string };
  callbackUrl: string;
};

/** The sign-in form for applicants (NIK) and admins (username): captcha once the server asks for it. */
export function SignInForm({ provider, identifier, callbackUrl }: Props) {
  const [values, setValues] = useState({ identifier: "", password: "", captchaAnswer: "" });
  const [showPassword, setShowPassword] = useState(false);
  const [captchaVersion, setCaptchaVersion] = useState(0);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [needsCaptcha, setNeedsCaptcha] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  const onCaptchaAnswer = useCallback((captchaAnswer: string) => setValues((v) => ({ ...v, captchaAnswer })), []);

  function refuse(fieldErrors: Record<string, string[]>, items: SummaryItem[]) {
    setErrors(fieldErrors);
    setSummary(items);
    setFocusKey((k) => k + 1);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fieldErrors: Record<string, string[]> = {};
    const id = values.identifier.trim();
    if (!id) fieldErrors[identifier.name] = [`${identifier.label} wajib diisi.`];
    else if (identifier.numeric && !/^\d{16}$/.test(id)) fieldErrors[identifier.name] = [`${identifier.label} harus 16 digit angka.`];
    if (!values.password) fieldErrors.password = ["Kata sandi wajib diisi."];
    if (needsCaptcha && !values.captchaAnswer.trim()) fieldErrors.captchaAnswer = ["Kode captcha wajib diisi."];
    if (Object.keys(fieldErrors).length > 0) {
      refuse(fieldErrors, Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages[0] ?? "" })));
      return;
    }
    setSubmitting(true);
    const outcome = await signInWithCredentials(
      provider,
      {
        [identifier.name]: id,
        password: values.password,
        ...(needsCaptcha && captcha ? { captchaId: captcha.id, captchaAnswer: values.captchaAnswer } : {}),
      },
      callbackUrl,
    );
    setSubmitting(false);
    if (outcome.ok) {
      window.location.assign(outcome.url);
      return;
    }
    // Any answer used the captcha up: show a fresh one whenever one is (or becomes) needed.
    if (needsCaptcha || outcome.reason === "CAPTCHA_REQUIRED" || outcome.reason === "CAPTCHA_INVALID") {
      setNeedsCaptcha(true);
      setCaptchaVersion((v) => v + 1);
    }
    if (outcome.reason === "CAPTCHA_REQUIRED" || outcome.reason === "CAPTCHA_INVALID") {
      refuse({ captchaAnswer: [outcome.message] }, [{ field: "captchaAnswer", message: outcome.message }]);
    } else {
      setValues((v) => ({ ...v, password: "" }));
      refuse({}, [{ message: outcome.message }]);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary items={summary} focusKey={focusKey} />
      <TextField
        name={identifier.name}
        label={identifier.label}
        hint={identifier.hint}
        errors={errors[identifier.name]}
        value={values.identifier}
        onChange={(event) => setValues((v) => ({ ...v, identifier: event.target.value }))}
        autoComplete={identifier.autoComplete}
        inputMode={identifier.numeric ? "numeric" : undefined}
        maxLength={identifier.numeric ? 16 : 64}
        required
      />
      <div>
        <TextField
          name="password"
          label="Kata sandi"
          errors={errors.password}
          type={showPassword ? "text" : "password"}
          value={values.password}
          onChange={(event) => setValues((v) => ({ ...v, password: event.target.value }))}
          autoComplete="current-password"
          required
        />
        <button
          type="button"
          aria-pressed={showPassword}
          onClick={() => setShowPassword((s) => !s)}
          className="mt-2 text-sm font-medium text-brand-700 underline underline-offset-2"
        >
          {showPassword ? "Sembunyikan kata sandi" : "Tampilkan kata sandi"}
        </button>
      </div>
      {needsCaptcha ? (
        <CaptchaField version={captchaVersion} answer={values.captchaAnswer} onAnswer={onCaptchaAnswer} onCaptcha={setCaptcha} errors={errors.captchaAnswer} />
      ) : null}
      <button
        type="submit"
        disabled={submitting}
        className="w-full rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {submitting ? "Memproses…" : "Masuk"}
      </button>
    </form>
  );
}
