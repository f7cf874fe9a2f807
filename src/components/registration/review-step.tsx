"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { fetchCaptcha } from "@/components/registration/captcha-step";
import { ConfirmDialog } from "@/components/registration/confirm-dialog";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { StepFrame } from "@/components/registration/step-frame";
import { adviceFor } from "@/components/registration/step-errors";
import { useWizard } from "@/components/registration/wizard-provider";
import { type FieldErrors } from "@/domain/errors";
import { GENDER_LABELS } from "@/domain/registration/nik";
import { type WizardStepId, stepInfo, stepPath } from "@/domain/registration/steps";
import { type ApiError, apiRequest } from "@/lib/api-client";
import { formatIsoDateId } from "@/lib/format";
import { randomUuid } from "@/lib/uuid";
import { saveDone } from "@/lib/wizard-storage";
import { errorPlace } from "@/schemas/error-places";
import { IDENTITY_FIELDS, makeIdentitySchema } from "@/schemas/identity";
import { stepOfField } from "@/schemas/index";
import { SECURITY_QUESTIONS } from "@/schemas/password";

type Created = { registrationNumber: string; createdAt: string; cardToken: string };

export function ReviewStep() {
  return (
    <StepFrame
      step="review"
      intro={<p>Periksa kembali semua data Anda. Pilih &ldquo;Ubah&rdquo; untuk memperbaiki data pada langkahnya.</p>}
    >
      <ReviewView />
    </StepFrame>
  );
}

function ReviewView() {
  const wizard = useWizard();
  const router = useRouter();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const inFlight = useRef(false);
  // One key per confirmed submission: a double click or a retry after a lost connection sends the
  // same key, so the server makes one account; a refusal the applicant fixes gets a new key.
  const idempotencyKey = useRef<string | null>(null);

  const identity = useMemo(() => {
    if (!wizard.identity) return null;
    const parsed = makeIdentitySchema({ closingDate: wizard.closingDate }).safeParse(wizard.identity);
    return parsed.success ? parsed.data : null;
  }, [wizard.identity, wizard.closingDate]);
  const agency = wizard.config.agencies.find((a) => a.code === wizard.identity?.agencyCode);

  async function submit() {
    if (inFlight.current) return;
    const { identity: raw, password, ktpPhoto, selfie, captcha } = wizard;
    if (!raw || !password || !ktpPhoto || !selfie || !captcha) return;
    inFlight.current = true;
    setSubmitting(true);
    idempotencyKey.current ??= randomUuid();

    const form = new FormData();
    for (const field of IDENTITY_FIELDS) form.append(field, raw[field]);
    for (const [field, value] of Object.entries(password)) form.append(field, value);
    form.append("captchaId", captcha.id);
    form.append("captchaAnswer", wizard.captchaAnswer);
    form.append("ktpPhoto", ktpPhoto.blob, ktpPhoto.blob.type === "image/png" ? "ktp.png" : "ktp.jpg");
    form.append("selfie", selfie.blob, "swafoto.jpg");

    const response = await apiRequest<Created>("/api/registrations", {
      method: "POST",
      body: form,
      headers: { "Idempotency-Key": idempotencyKey.current },
    });
    if (response.ok) {
      saveDone({ registrationNumber: response.data.registrationNumber, cardToken: response.data.cardToken });
      wizard.markSubmitted();
      router.replace(stepPath("done"));
      return;
    }
    const error = response.error;
    // A definite answer from the server: the next attempt is a new submission.
    if (error.status > 0 && error.status < 500) idempotencyKey.current = null;
    inFlight.current = false;
    setSubmitting(false);
    setDialogOpen(false);
    await handleRefusal(error);
  }

  async function handleRefusal(error: ApiError) {
    if (error.code === "CAPTCHA_INVALID") {
      // The captcha was consumed: a fresh one, and back to the captcha step with everything else kept.
      const next = await fetchCaptcha();
      wizard.setCaptcha(next);
      const messages = error.fields?.captchaAnswer ?? [error.message];
      wizard.reopenStep("captcha", { code: error.code, message: error.message, fields: { captchaAnswer: messages } });
      router.push(stepPath("captcha"));
      return;
    }
    const byStep = new Map<WizardStepId, FieldErrors>();
    for (const [field, messages] of Object.entries(error.fields ?? {})) {
      const step = stepOfField(field);
      if (!step) continue;
      byStep.set(step, { ...byStep.get(step), [field]: messages });
    }
    const place = errorPlace(error.code);
    if (byStep.size === 0 && place) byStep.set(place.step, place.field ? { [place.field]: [error.message] } : {});

    // The refusal first, linked to where it is fixed; then every other field message.
    const links: SummaryItem[] = [];
    for (const [step, fields] of byStep) {
      wizard.setProblem(step, { code: error.code, message: error.message, fields });
      const entries = Object.entries(fields);
      if (entries.length === 0) links.push({ message: `Perbaiki di langkah ${stepInfo(step).title}.`, href: stepPath(step) });
      for (const [field, messages] of entries) {
        for (const message of messages) {
          links.push({ message: `${stepInfo(step).title}: ${message}`, href: `${stepPath(step)}#f-${field}` });
        }
      }
    }
    const [firstStep] = byStep.keys();
    const first = links[0];
    const items: SummaryItem[] = [
      first && firstStep
        ? { message: `${error.message} Perbaiki di langkah ${stepInfo(firstStep).title}.`, href: first.href as string }
        : { message: error.message },
      ...links.filter((link) => !link.message.endsWith(error.message)),
    ];
    const advice = adviceFor(error.code);
    if (advice) items.push({ message: advice });
    setSummary(items);
    setFocusKey((k) => k + 1);
  }

  if (!identity || !wizard.password || !wizard.ktpPhoto || !wizard.selfie) return null;
  const password = wizard.password;
  const question = (id: string) => SECURITY_QUESTIONS.find((q) => q.id === id)?.label ?? id;

  return (
    <div className="space-y-6">
      <ErrorSummary items={summary} focusKey={focusKey} title="Akun belum dapat dibuat" />

      <ReviewSection step="identity" title="Identitas">
        <Row label="NIK" value={identity.nik} />
        <Row label="Nomor KK" value={identity.kk} />
        <Row label="Nama Lengkap" value={identity.fullName} />
        <Row label="Jenis Kelamin" value={GENDER_LABELS[identity.gender]} />
        <Row label="Tempat Lahir" value={identity.birthPlace} />
        <Row label="Tanggal Lahir" value={formatIsoDateId(identity.birthDate)} />
        <Row label="Nomor HP" value={identity.phone} />
        <Row label="Email" value={identity.email} />
        <Row label="Instansi" value={agency?.name ?? identity.agencyCode} />
      </ReviewSection>

      <ReviewSection step="documents" title="Dokumen" listClassName="grid gap-4 pt-2 sm:grid-cols-2">
        <Thumbnail label="Foto KTP" url={wizard.ktpPhoto.previewable ? wizard.ktpPhoto.url : null} />
        <Thumbnail label="Swafoto" url={wizard.selfie.previewable ? wizard.selfie.url : null} />
      </ReviewSection>

      <ReviewSection step="password" title="Kata Sandi">
        <Row label="Kata sandi" value={<span aria-label="Kata sandi disembunyikan">{"•".repeat(12)}</span>} />
        <Row label="Pertanyaan keamanan 1" value={question(password.securityQuestion1)} />
        <Row label="Jawaban 1" value={password.securityAnswer1} />
        <Row label="Pertanyaan keamanan 2" value={question(password.securityQuestion2)} />
        <Row label="Jawaban 2" value={password.securityAnswer2} />
      </ReviewSection>

      <ReviewSection step="captcha" title="Captcha">
        <Row label="Kode captcha" value="Sudah diisi" />
      </ReviewSection>

      <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-amber-950">
        <p className="font-semibold">Perhatian</p>
        <p>
          Data yang sudah disimpan <strong>tidak dapat diubah</strong>, termasuk NIK, nama, tanggal lahir, instansi, dan
          foto. Pastikan semuanya sudah benar sebelum membuat akun.
        </p>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-4">
        <Link href={stepPath("captcha")} className="font-medium text-brand-700 underline underline-offset-2">
          Kembali ke Captcha
        </Link>
        <button
          type="button"
          onClick={() => setDialogOpen(true)}
          className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          Simpan dan Buat Akun
        </button>
      </div>

      <ConfirmDialog
        open={dialogOpen}
        busy={submitting}
        onCancel={() => setDialogOpen(false)}
        onConfirm={() => void submit()}
      />
    </div>
  );
}

function ReviewSection({
  step,
  title,
  listClassName = "mt-2 divide-y divide-slate-100",
  children,
}: {
  step: WizardStepId;
  title: string;
  listClassName?: string;
  children: ReactNode;
}) {
  const headingId = `cek-${step}`;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex items-center justify-between gap-4">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        <Link href={stepPath(step)} className="font-medium text-brand-700 underline underline-offset-2">
          Ubah<span className="sr-only"> {title}</span>
        </Link>
      </div>
      <dl className={listClassName}>{children}</dl>
    </section>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="font-medium break-words sm:col-span-2">{value}</dd>
    </div>
  );
}

function Thumbnail({ label, url }: { label: string; url: string | null }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1">
        {url ? (
          <img src={url} alt={label} className="max-h-40 w-auto max-w-full rounded border border-slate-300" />
        ) : (
          <span className="text-sm">Pratinjau tidak tersedia; foto akan diperiksa oleh server.</span>
        )}
      </dd>
    </div>
  );
}

