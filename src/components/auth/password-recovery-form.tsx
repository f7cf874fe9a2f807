"use client";

import Link from "next/link";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { CaptchaField, type Captcha } from "@/components/auth/captcha-field";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { RadioGroupField, TextField } from "@/components/registration/form-field";
import { loadCommonPasswords } from "@/domain/registration/password";
import { apiRequest } from "@/lib/api-client";
import { passwordRecoverySchema } from "@/schemas/password-recovery";
import { SECURITY_QUESTIONS } from "@/schemas/password";
import { zodIssuesToFieldErrors } from "@/schemas/field-errors";

const EMPTY = { nik: "", kk: "", birthDate: "", securityQuestion: "", securityAnswer: "", newPassword: "", newPasswordConfirm: "", captchaAnswer: "" };
type Values = typeof EMPTY;

/** "Lupa Kata Sandi": prove who you are, choose a new password. Nothing typed is lost on error. */
export function PasswordRecoveryForm() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [captchaVersion, setCaptchaVersion] = useState(0);
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  // The common-password rule's list is a chunk of its own: fetched with the form, not with the page.
  useEffect(() => {
    void loadCommonPasswords().catch(() => undefined);
  }, []);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const onCaptchaAnswer = useCallback((captchaAnswer: string) => setValues((v) => ({ ...v, captchaAnswer })), []);

  function refuse(fields: Record<string, string[]>, fallback?: string) {
    setErrors(fields);
    const items = Object.entries(fields).map(([field, messages]) => ({ field, message: messages[0] ?? "" }));
    setSummary(items.length ? items : [{ message: fallback ?? "Periksa kembali isian Anda." }]);
    setFocusKey((k) => k + 1);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const payload = { ...values, captchaId: captcha?.id ?? "" };
    const parsed = passwordRecoverySchema.safeParse(payload);
    if (!parsed.success) {
      refuse(zodIssuesToFieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    const result = await apiRequest<{ ok: true }>("/api/password-recovery", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    setBusy(false);
    if (result.ok) {
      setDone(true);
      return;
    }
    // The captcha was used up by this attempt, whatever the outcome.
    setCaptchaVersion((v) => v + 1);
    refuse(result.error.fields ?? {}, result.error.message);
  }

  if (done) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-green-300 bg-green-50 p-4">
        <p className="text-lg font-semibold text-green-900">Kata sandi berhasil diubah</p>
        <p>Semua sesi yang masih masuk dengan kata sandi lama telah diakhiri. Silakan masuk dengan kata sandi baru.</p>
        <Link href="/masuk" className="inline-block rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          Masuk
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary items={summary} focusKey={focusKey} />
      <TextField name="nik" label="NIK" inputMode="numeric" maxLength={16} autoComplete="username" value={values.nik} errors={errors.nik} onChange={(e) => set("nik")(e.target.value)} />
      <TextField name="kk" label="Nomor KK" inputMode="numeric" maxLength={16} autoComplete="off" value={values.kk} errors={errors.kk} onChange={(e) => set("kk")(e.target.value)} />
      <TextField name="birthDate" label="Tanggal lahir" type="date" autoComplete="bday" value={values.birthDate} errors={errors.birthDate} onChange={(e) => set("birthDate")(e.target.value)} />
      {/* Radios, not a select: a select's closed box cut the long questions at 360 px. */}
      <RadioGroupField
        name="securityQuestion"
        label="Pertanyaan keamanan"
        hint="Pilih salah satu dari dua pertanyaan yang Anda pilih saat membuat akun."
        value={values.securityQuestion}
        errors={errors.securityQuestion}
        onChange={set("securityQuestion")}
        options={SECURITY_QUESTIONS.map((question) => ({ value: question.id, label: question.label }))}
      />
      <TextField name="securityAnswer" label="Jawaban pertanyaan keamanan" autoComplete="off" value={values.securityAnswer} errors={errors.securityAnswer} onChange={(e) => set("securityAnswer")(e.target.value)} />
      <TextField
        name="newPassword"
        label="Kata sandi baru"
        type={showPassword ? "text" : "password"}
        autoComplete="new-password"
        hint="12 sampai 128 karakter; tidak boleh kata sandi umum, NIK, Nomor KK, tanggal lahir, atau bagian nama Anda."
        value={values.newPassword}
        errors={errors.newPassword}
        onChange={(e) => set("newPassword")(e.target.value)}
      />
      <TextField
        name="newPasswordConfirm"
        label="Ulangi kata sandi baru"
        type={showPassword ? "text" : "password"}
        autoComplete="new-password"
        value={values.newPasswordConfirm}
        errors={errors.newPasswordConfirm}
        onChange={(e) => set("newPasswordConfirm")(e.target.value)}
      />
      <button type="button" aria-pressed={showPassword} onClick={() => setShowPassword((s) => !s)} className="text-sm font-medium text-brand-700 underline underline-offset-2">
        {showPassword ? "Sembunyikan kata sandi" : "Tampilkan kata sandi"}
      </button>
      <CaptchaField version={captchaVersion} answer={values.captchaAnswer} onAnswer={onCaptchaAnswer} onCaptcha={setCaptcha} errors={errors.captchaAnswer} />
      <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
        {busy ? "Memproses…" : "Ubah kata sandi"}
      </button>
    </form>
  );
}
