"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { PasswordInput } from "@/components/registration/password-input";
import { PasswordRules, SecurityQuestionFields } from "@/components/registration/password-rules";
import { PasswordStrength } from "@/components/registration/password-strength";
import { FormSection, StepActions, StepForm, StepFrame } from "@/components/registration/step-frame";
import { useStepForm } from "@/components/registration/use-step-form";
import { EMPTY_PASSWORD, type PasswordForm, useWizard } from "@/components/registration/wizard-provider";
import { checkPassword, commonPasswordsLoaded, loadCommonPasswords } from "@/domain/registration/password";
import { type BrowserSchemas } from "@/lib/load-schemas";
import { PASSWORD_FIELDS, passwordContextFrom } from "@/schemas/facts/password";

export function PasswordStep() {
  return (
    <StepFrame step="password" intro={INTRO}>
      <PasswordFormView />
    </StepFrame>
  );
}

const INTRO = (
  <p>
    Buat kata sandi untuk masuk ke SSCASN dengan NIK Anda, dan dua pertanyaan keamanan untuk memulihkan kata sandi bila
    lupa.
  </p>
);

function PasswordFormView() {
  const wizard = useWizard();
  const [values, setValues] = useState<PasswordForm>(() => wizard.password ?? { ...EMPTY_PASSWORD, ...wizard.securityQuestions });
  const identity = wizard.identity;
  // The rules depend on the identity: no NIK, KK, birth date or name inside the password.
  const context = useMemo(() => passwordContextFrom(identity), [identity]);
  const schema = useCallback((schemas: BrowserSchemas) => schemas.makePasswordSchema(context), [context]);
  // The common-password list arrives as its own chunk; the checklist is judged again once it has.
  const [listLoaded, setListLoaded] = useState(commonPasswordsLoaded);
  useEffect(() => {
    if (!listLoaded) void loadCommonPasswords().then(() => setListLoaded(true), () => undefined);
  }, [listLoaded]);
  const checklist = useMemo(() => checkPassword(values.password, context), [values.password, context, listLoaded]);
  const userInputs = useMemo(
    () => [identity?.nik, identity?.kk, identity?.email, ...(identity?.fullName.split(/\s+/) ?? [])].filter((v): v is string => Boolean(v)),
    [identity],
  );
  const form = useStepForm({
    step: "password",
    fields: PASSWORD_FIELDS,
    values,
    setValues,
    schema,
    extra: { identity },
    commit: (password) => wizard.commit("password", password),
  });

  const chooseQuestion = (field: "securityQuestion1" | "securityQuestion2", id: string) => {
    form.set(field, id, { touch: true });
    // The chosen questions survive a reload even before the step is complete.
    const { securityQuestion1, securityQuestion2 } = values;
    wizard.setSecurityQuestions({ securityQuestion1, securityQuestion2, [field]: id });
  };

  return (
    <StepForm form={form}>
      <FormSection title="Kata sandi">
        <PasswordInput
          name="password"
          label="Kata Sandi"
          toggleLabel="Tampilkan kata sandi"
          hint="Boleh berupa kalimat atau beberapa kata; huruf, angka, spasi, dan simbol apa pun boleh dipakai."
          describedByExtra="aturan-kata-sandi"
          value={values.password}
          errors={form.errorsFor("password")}
          onChange={(v) => form.set("password", v)}
          onBlur={() => form.touch("password")}
        />
        <PasswordRules id="aturan-kata-sandi" password={values.password} rules={checklist.rules} />
        <PasswordStrength password={values.password} userInputs={userInputs} />
        <PasswordInput
          name="passwordConfirm"
          label="Ulangi Kata Sandi"
          toggleLabel="Tampilkan ulangan kata sandi"
          value={values.passwordConfirm}
          errors={form.errorsFor("passwordConfirm")}
          onChange={(v) => form.set("passwordConfirm", v)}
          onBlur={() => form.touch("passwordConfirm")}
        />
      </FormSection>

      <FormSection title="Pertanyaan keamanan">
        <p className="text-sm text-slate-700">
          Dipakai untuk memulihkan kata sandi. Pilih dua pertanyaan berbeda dengan jawaban yang hanya Anda ketahui dan
          mudah Anda ingat. Simpan jawabannya baik-baik.
        </p>
        <SecurityQuestionFields n={1} form={form} values={values} onChoose={chooseQuestion} />
        <SecurityQuestionFields n={2} form={form} values={values} onChoose={chooseQuestion} />
      </FormSection>

      <StepActions back="documents" submitting={form.submitting} />
    </StepForm>
  );
}
