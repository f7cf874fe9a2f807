"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { SelectField, TextField } from "@/components/registration/form-field";
import { PasswordInput } from "@/components/registration/password-input";
import { PasswordStrength } from "@/components/registration/password-strength";
import { StepActions, StepFrame } from "@/components/registration/step-frame";
import { refusalFromApiError, summaryFromFields } from "@/components/registration/step-errors";
import { zodIssuesToFieldErrors } from "@/schemas/field-errors";
import { EMPTY_PASSWORD, type PasswordForm, useWizard } from "@/components/registration/wizard-provider";
import { type FieldErrors } from "@/domain/errors";
import { checkPassword } from "@/domain/registration/password";
import { completeChangedStep, completeStep, latestAllowedStep, stepPath } from "@/domain/registration/steps";
import { postJson } from "@/lib/api-client";
import { SECURITY_QUESTIONS, makePasswordSchema, passwordContextFrom } from "@/schemas/password";

const FIELDS = ["password", "passwordConfirm", "securityQuestion1", "securityAnswer1", "securityQuestion2", "securityAnswer2"] as const;
type PasswordField = (typeof FIELDS)[number];

export function PasswordStep() {
  return (
    <StepFrame
      step="password"
      intro={
        <p>
          Buat kata sandi untuk masuk ke SSCASN dengan NIK Anda, dan dua pertanyaan keamanan untuk memulihkan kata sandi
          bila lupa.
        </p>
      }
    >
      <PasswordFormView />
    </StepFrame>
  );
}

function PasswordFormView() {
  const wizard = useWizard();
  const router = useRouter();
  const [values, setValues] = useState<PasswordForm>(
    () => wizard.password ?? { ...EMPTY_PASSWORD, ...wizard.securityQuestions },
  );
  const [touched, setTouched] = useState<ReadonlySet<PasswordField>>(new Set());
  const problem = wizard.problems.password;
  const [serverFields, setServerFields] = useState<FieldErrors>(problem?.fields ?? {});
  const [summary, setSummary] = useState<SummaryItem[]>(
    problem ? [{ message: problem.message }, ...summaryFromFields(problem.fields, FIELDS)] : [],
  );
  const [focusKey, setFocusKey] = useState(problem ? 1 : 0);
  const [submitting, setSubmitting] = useState(false);

  const identity = wizard.identity;
  const context = useMemo(() => passwordContextFrom(identity), [identity]);
  const schema = useMemo(() => makePasswordSchema(context), [context]);
  const checklist = useMemo(() => checkPassword(values.password, context), [values.password, context]);
  const userInputs = useMemo(
    () => [identity?.nik, identity?.kk, identity?.email, ...(identity?.fullName.split(/\s+/) ?? [])].filter((v): v is string => Boolean(v)),
    [identity],
  );
  const clientFields = useMemo(() => {
    const result = schema.safeParse(values);
    return result.success ? {} : zodIssuesToFieldErrors(result.error);
  }, [schema, values]);

  const errorsFor = (field: PasswordField) => {
    const messages = [...(touched.has(field) ? (clientFields[field] ?? []) : []), ...(serverFields[field] ?? [])];
    return messages.length ? [...new Set(messages)] : undefined;
  };
  const update = (field: PasswordField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (field === "securityQuestion1" || field === "securityQuestion2") {
      wizard.setSecurityQuestions({ securityQuestion1: next.securityQuestion1, securityQuestion2: next.securityQuestion2 });
      setTouched((t) => new Set(t).add(field));
    }
    if (serverFields[field]) {
      const { [field]: _cleared, ...rest } = serverFields;
      setServerFields(rest);
    }
  };
  const touch = (field: PasswordField) => {
    if (!touched.has(field) && values[field] !== "") setTouched(new Set(touched).add(field));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setTouched(new Set(FIELDS));
    const result = schema.safeParse(values);
    if (!result.success) {
      const fields = zodIssuesToFieldErrors(result.error);
      setServerFields({});
      setSummary(summaryFromFields(fields, FIELDS));
      setFocusKey((k) => k + 1);
      return;
    }
    setSubmitting(true);
    const response = await postJson("/api/registrations/validate", { step: "password", data: values, identity });
    setSubmitting(false);
    if (!response.ok) {
      const refusal = refusalFromApiError(response.error, FIELDS);
      setServerFields(refusal.fields);
      setSummary(refusal.summary);
      setFocusKey((k) => k + 1);
      return;
    }
    const changed = wizard.password !== null && JSON.stringify(values) !== JSON.stringify(wizard.password);
    wizard.commitPassword(values);
    const completed = changed ? completeChangedStep(wizard.completed, "password") : completeStep(wizard.completed, "password");
    router.push(stepPath(latestAllowedStep(completed)));
  }

  const questionOptions = (exclude: string) => (
    <>
      <option value="">Pilih pertanyaan</option>
      {SECURITY_QUESTIONS.map((q) => (
        <option key={q.id} value={q.id} disabled={q.id === exclude}>
          {q.label}
        </option>
      ))}
    </>
  );

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6">
      <ErrorSummary items={summary} focusKey={focusKey} />

      <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold">Kata sandi</legend>
        <PasswordInput
          name="password"
          label="Kata Sandi"
          toggleLabel="Tampilkan kata sandi"
          hint="Boleh berupa kalimat atau beberapa kata; huruf, angka, spasi, dan simbol apa pun boleh dipakai."
          describedByExtra="aturan-kata-sandi"
          value={values.password}
          errors={errorsFor("password")}
          onChange={(v) => update("password", v)}
          onBlur={() => touch("password")}
        />
        <div id="aturan-kata-sandi" className="rounded-md bg-slate-50 p-3">
          <p className="text-sm font-medium">Kata sandi harus:</p>
          <ul className="mt-1 space-y-1 text-sm">
            {checklist.rules.map((rule) => {
              const passed = values.password !== "" && rule.passed;
              return (
                <li key={rule.id} className={`flex gap-2 ${passed ? "text-green-800" : "text-slate-800"}`}>
                  <span aria-hidden="true" className="w-4 shrink-0 font-bold">
                    {passed ? "✓" : "•"}
                  </span>
                  <span>
                    {rule.label}
                    <span className="sr-only">{passed ? " (terpenuhi)" : " (belum terpenuhi)"}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
        <PasswordStrength password={values.password} userInputs={userInputs} />
        <PasswordInput
          name="passwordConfirm"
          label="Ulangi Kata Sandi"
          toggleLabel="Tampilkan ulangan kata sandi"
          value={values.passwordConfirm}
          errors={errorsFor("passwordConfirm")}
          onChange={(v) => update("passwordConfirm", v)}
          onBlur={() => touch("passwordConfirm")}
        />
      </fieldset>

      <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold">Pertanyaan keamanan</legend>
        <p className="text-sm text-slate-700">
          Dipakai untuk memulihkan kata sandi. Pilih dua pertanyaan berbeda dengan jawaban yang hanya Anda ketahui dan
          mudah Anda ingat. Simpan jawabannya baik-baik.
        </p>
        <SelectField
          name="securityQuestion1"
          label="Pertanyaan keamanan 1"
          value={values.securityQuestion1}
          errors={errorsFor("securityQuestion1")}
          onChange={(e) => update("securityQuestion1", e.target.value)}
        >
          {questionOptions(values.securityQuestion2)}
        </SelectField>
        <TextField
          name="securityAnswer1"
          label="Jawaban 1"
          autoComplete="off"
          value={values.securityAnswer1}
          errors={errorsFor("securityAnswer1")}
          onChange={(e) => update("securityAnswer1", e.target.value)}
          onBlur={() => touch("securityAnswer1")}
        />
        <SelectField
          name="securityQuestion2"
          label="Pertanyaan keamanan 2"
          value={values.securityQuestion2}
          errors={errorsFor("securityQuestion2")}
          onChange={(e) => update("securityQuestion2", e.target.value)}
        >
          {questionOptions(values.securityQuestion1)}
        </SelectField>
        <TextField
          name="securityAnswer2"
          label="Jawaban 2"
          autoComplete="off"
          value={values.securityAnswer2}
          errors={errorsFor("securityAnswer2")}
          onChange={(e) => update("securityAnswer2", e.target.value)}
          onBlur={() => touch("securityAnswer2")}
        />
      </fieldset>

      <StepActions back="documents" submitting={submitting} />
    </form>
  );
}
