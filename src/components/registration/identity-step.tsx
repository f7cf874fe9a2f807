"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { AgencySelect } from "@/components/registration/agency-select";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { TextField } from "@/components/registration/form-field";
import { StepActions, StepFrame } from "@/components/registration/step-frame";
import { refusalFromApiError, summaryFromFields } from "@/components/registration/step-errors";
import { zodIssuesToFieldErrors } from "@/schemas/field-errors";
import { useWizard } from "@/components/registration/wizard-provider";
import { parseIsoDate } from "@/domain/calendar";
import { type FieldErrors } from "@/domain/errors";
import { checkAge } from "@/domain/registration/age";
import { GENDER_LABELS, parseNik } from "@/domain/registration/nik";
import { completeChangedStep, completeStep, latestAllowedStep, stepPath } from "@/domain/registration/steps";
import { postJson } from "@/lib/api-client";
import { IDENTITY_FIELDS, type IdentityField, type IdentityForm } from "@/lib/wizard-storage";
import { makeIdentitySchema } from "@/schemas/identity";

export function IdentityStep() {
  return (
    <StepFrame
      step="identity"
      intro={
        <p>
          Isi data diri sesuai KTP dan Kartu Keluarga. Data dicocokkan dengan data kependudukan (Dukcapil) dan{" "}
          <strong>tidak dapat diubah</strong> setelah akun dibuat.
        </p>
      }
    >
      <IdentityFormView />
    </StepFrame>
  );
}

function IdentityFormView() {
  const wizard = useWizard();
  const router = useRouter();
  const values = wizard.identityDraft;
  const schema = useMemo(() => makeIdentitySchema({ closingDate: wizard.closingDate }), [wizard.closingDate]);
  const [touched, setTouched] = useState<ReadonlySet<IdentityField>>(new Set());
  const [serverFields, setServerFields] = useState<FieldErrors>(wizard.problems.identity?.fields ?? {});
  const [summary, setSummary] = useState<SummaryItem[]>(
    wizard.problems.identity
      ? [{ message: wizard.problems.identity.message }, ...summaryFromFields(wizard.problems.identity.fields, IDENTITY_FIELDS)]
      : [],
  );
  const [focusKey, setFocusKey] = useState(wizard.problems.identity ? 1 : 0);
  const [submitting, setSubmitting] = useState(false);

  const clientFields = useMemo(() => {
    const result = schema.safeParse(values);
    return result.success ? {} : zodIssuesToFieldErrors(result.error);
  }, [schema, values]);

  const errorsFor = (field: IdentityField): string[] | undefined => {
    const messages = [...(touched.has(field) ? (clientFields[field] ?? []) : []), ...(serverFields[field] ?? [])];
    return messages.length ? [...new Set(messages)] : undefined;
  };

  const update = (field: IdentityField, value: string) => {
    wizard.setIdentityDraft({ ...values, [field]: value });
    if (serverFields[field]) {
      const { [field]: _cleared, ...rest } = serverFields;
      setServerFields(rest);
    }
  };
  const touch = (field: IdentityField) => {
    if (!touched.has(field) && values[field] !== "") setTouched(new Set(touched).add(field));
  };

  const nik = parseNik(values.nik, wizard.closingDate);
  const birthDate = parseIsoDate(values.birthDate);
  const age = birthDate ? checkAge(birthDate, wizard.closingDate) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setTouched(new Set(IDENTITY_FIELDS));
    const result = schema.safeParse(values);
    if (!result.success) {
      const fields = zodIssuesToFieldErrors(result.error);
      setServerFields({});
      setSummary(summaryFromFields(fields, IDENTITY_FIELDS));
      setFocusKey((k) => k + 1);
      return;
    }
    setSubmitting(true);
    const response = await postJson<{ ok: true }>("/api/registrations/validate", { step: "identity", data: values });
    setSubmitting(false);
    if (!response.ok) {
      const refusal = refusalFromApiError(response.error, IDENTITY_FIELDS, "nik");
      setServerFields(refusal.fields);
      setSummary(refusal.summary);
      setFocusKey((k) => k + 1);
      return;
    }
    const identity: IdentityForm = { ...values };
    const changed = wizard.identity !== null && JSON.stringify(identity) !== JSON.stringify(wizard.identity);
    wizard.commitIdentity(identity);
    // "Lanjutkan" leads where the step graph says once this step counts: the review again when
    // nothing that depends on the identity changed, the password step otherwise.
    const completed = changed ? completeChangedStep(wizard.completed, "identity") : completeStep(wizard.completed, "identity");
    router.push(stepPath(latestAllowedStep(completed)));
  }

  const common = (field: IdentityField) => ({
    name: field,
    value: values[field],
    errors: errorsFor(field),
    onChange: (event: { target: { value: string } }) => update(field, event.target.value),
    onBlur: () => touch(field),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-describedby="identitas-wajib">
      <ErrorSummary items={summary} focusKey={focusKey} />
      <p id="identitas-wajib" className="text-sm text-slate-700">
        Semua isian wajib diisi.
      </p>

      <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold">Data kependudukan</legend>
        <TextField
          {...common("nik")}
          label="NIK (Nomor Induk Kependudukan)"
          hint="16 digit angka, sesuai KTP."
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          spellCheck={false}
        />
        {nik.ok ? (
          <TextField
            name="gender"
            label="Jenis Kelamin"
            hint="Ditentukan otomatis dari NIK."
            value={GENDER_LABELS[nik.value.gender]}
            readOnly
          />
        ) : null}
        <TextField
          {...common("kk")}
          label="Nomor Kartu Keluarga (KK)"
          hint="16 digit angka, sesuai Kartu Keluarga."
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          spellCheck={false}
        />
        <TextField
          {...common("fullName")}
          label="Nama Lengkap"
          hint="Sesuai KTP, tanpa gelar."
          autoComplete="name"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <TextField {...common("birthPlace")} label="Tempat Lahir" hint="Sesuai KTP." autoComplete="off" spellCheck={false} />
        <TextField
          {...common("birthDate")}
          type="date"
          label="Tanggal Lahir"
          hint="Sesuai KTP."
          autoComplete="bday"
          min="1900-01-01"
          warning={age?.ok && age.warning ? age.warning : undefined}
        />
      </fieldset>

      <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold">Kontak</legend>
        <TextField
          {...common("phone")}
          type="tel"
          label="Nomor HP"
          hint="Nomor yang aktif, contoh: 081234567890."
          autoComplete="tel"
          inputMode="tel"
        />
        <TextField
          {...common("email")}
          type="email"
          label="Email"
          hint="Alamat email yang aktif; informasi seleksi dikirim ke sini."
          autoComplete="email"
          spellCheck={false}
        />
      </fieldset>

      <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold">Instansi tujuan</legend>
        <AgencySelect
          agencies={wizard.config.agencies}
          value={values.agencyCode}
          errors={errorsFor("agencyCode")}
          onChange={(code) => update("agencyCode", code)}
          onBlur={() => touch("agencyCode")}
        />
      </fieldset>

      <StepActions submitting={submitting} />
    </form>
  );
}
