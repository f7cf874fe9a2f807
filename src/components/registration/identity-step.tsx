"use client";

import { useEffect, useMemo } from "react";
import { NotifyMeForm } from "@/components/notify-me-form";
import { AgencyPicker, NOTIFY_SECTION_ID } from "@/components/registration/agency-picker";
import { TextField } from "@/components/registration/form-field";
import { FormSection, StepActions, StepForm, StepFrame } from "@/components/registration/step-frame";
import { useStepForm } from "@/components/registration/use-step-form";
import { useWizard } from "@/components/registration/wizard-provider";
import { parseIsoDate } from "@/domain/calendar";
import { checkAge } from "@/domain/registration/age";
import { GENDER_LABELS, parseNik } from "@/domain/registration/nik";
import { IDENTITY_FIELDS, makeIdentitySchema } from "@/schemas/identity";

/** NIK and KK: sixteen digits, never corrected or remembered by the browser. */
const SIXTEEN_DIGITS = { inputMode: "numeric", autoComplete: "off", maxLength: 16, spellCheck: false } as const;

export function IdentityStep() {
  return (
    <StepFrame step="identity" intro={INTRO}>
      <IdentityForm />
    </StepFrame>
  );
}

const INTRO = (
  <p>
    Isi data diri sesuai KTP dan Kartu Keluarga. Data dicocokkan dengan data kependudukan (Dukcapil) dan{" "}
    <strong>tidak dapat diubah</strong> setelah akun dibuat.
  </p>
);

function IdentityForm() {
  const wizard = useWizard();
  const values = wizard.identityDraft;
  const schema = useMemo(() => makeIdentitySchema({ closingDate: wizard.closingDate }), [wizard.closingDate]);
  // The draft lives in the wizard, so it survives a reload; a message about no field links to the NIK.
  const form = useStepForm({
    step: "identity",
    fields: IDENTITY_FIELDS,
    values,
    setValues: wizard.setIdentityDraft,
    schema,
    anchorField: "nik",
    commit: (identity) => wizard.commit("identity", identity),
  });

  // The notify mail's link (/daftar/identitas?instansi=KODE) chooses the agency, unless one already is.
  useEffect(() => {
    const code = new URLSearchParams(window.location.search).get("instansi");
    if (code && !values.agencyCode && wizard.config.agencies.some((agency) => agency.code === code)) form.set("agencyCode", code, { touch: true });
    // Once, when the step opens.
  }, []);

  const nik = parseNik(values.nik, wizard.closingDate);
  const agency = wizard.config.agencies.find((a) => a.code === values.agencyCode);
  const inVerification = agency !== undefined && agency.formationStatus !== "VERIFIED";
  const gender = nik.ok ? GENDER_LABELS[nik.value.gender] : null;
  const birthDate = parseIsoDate(values.birthDate);
  const age = birthDate ? checkAge(birthDate, wizard.closingDate) : null;

  return (
    <>
      <StepForm form={form} describedBy="identitas-wajib">
        <p id="identitas-wajib" className="text-sm text-slate-700">
          Semua isian wajib diisi.
        </p>

        <FormSection title="Data kependudukan">
          <TextField
            {...form.textField("nik")}
            {...SIXTEEN_DIGITS}
            label="NIK (Nomor Induk Kependudukan)"
            hint="16 digit angka, sesuai KTP."
          />
          {gender ? <TextField name="gender" label="Jenis Kelamin" hint="Ditentukan otomatis dari NIK." value={gender} readOnly /> : null}
          <TextField
            {...form.textField("kk")}
            {...SIXTEEN_DIGITS}
            label="Nomor Kartu Keluarga (KK)"
            hint="16 digit angka, sesuai Kartu Keluarga."
          />
          <TextField
            {...form.textField("fullName")}
            label="Nama Lengkap"
            hint="Sesuai KTP, tanpa gelar."
            autoComplete="name"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField {...form.textField("birthPlace")} label="Tempat Lahir" hint="Sesuai KTP." autoComplete="off" spellCheck={false} />
          <TextField
            {...form.textField("birthDate")}
            type="date"
            label="Tanggal Lahir"
            hint="Sesuai KTP."
            autoComplete="bday"
            min="1900-01-01"
            warning={age?.ok && age.warning ? age.warning : undefined}
          />
        </FormSection>

        <FormSection title="Kontak">
          <TextField
            {...form.textField("phone")}
            type="tel"
            label="Nomor HP"
            hint="Nomor yang aktif, contoh: 081234567890."
            autoComplete="tel"
            inputMode="tel"
          />
          <TextField
            {...form.textField("email")}
            type="email"
            label="Email"
            hint="Alamat email yang aktif; informasi seleksi dikirim ke sini."
            autoComplete="email"
            spellCheck={false}
          />
        </FormSection>

        <FormSection title="Instansi tujuan">
          <AgencyPicker
            agencies={wizard.config.agencies}
            value={values.agencyCode}
            errors={form.errorsFor("agencyCode")}
            // A choice from a list: its message (none chosen) shows at once, as a select's did.
            onChange={(code) => form.set("agencyCode", code, { touch: true })}
            onBlur={() => form.touch("agencyCode")}
          />
        </FormSection>

        <StepActions submitting={form.submitting} />
      </StepForm>
      {inVerification ? (
        <section
          id={NOTIFY_SECTION_ID}
          aria-labelledby={`${NOTIFY_SECTION_ID}-judul`}
          className="space-y-2 rounded-md border border-slate-200 bg-white p-4 sm:p-6"
        >
          <h2 id={`${NOTIFY_SECTION_ID}-judul`} className="text-lg font-semibold">
            Beri tahu saya saat formasi {agency.name} diverifikasi
          </h2>
          <NotifyMeForm agencyCode={agency.code} agencyName={agency.name} />
        </section>
      ) : null}
    </>
  );
}
