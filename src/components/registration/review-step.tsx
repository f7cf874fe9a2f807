"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { fetchCaptcha } from "@/components/registration/captcha-step";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { ProgressBar } from "@/components/registration/progress-bar";
import { StepFrame } from "@/components/registration/step-frame";
import { adviceFor } from "@/components/registration/step-errors";
import { useWizard } from "@/components/registration/wizard-provider";
import { type FieldErrors } from "@/domain/errors";
import { GENDER_LABELS } from "@/domain/registration/nik";
import { type WizardStepId, stepInfo, stepPath } from "@/domain/registration/steps";
import { type ApiError, type UploadProgress, postFormWithProgress } from "@/lib/api-client";
import { formatIsoDateId } from "@/lib/format";
import { randomUuid } from "@/lib/uuid";
import { saveDone } from "@/lib/wizard-storage";
import { errorPlace } from "@/schemas/error-places";
import { IDENTITY_FIELDS, makeIdentitySchema } from "@/schemas/identity";
import { stepOfField } from "@/schemas/index";
import { SECURITY_QUESTIONS } from "@/schemas/password";

type Created = { registrationNumber: string; createdAt: string };

/** When the server says it is busy without saying for how long. */
const DEFAULT_BUSY_WAIT_SECONDS = 10;
/** A Retry-After beyond this is shown as this: the applicant may always try again after a minute. */
const MAX_BUSY_WAIT_SECONDS = 60;

type ServerBusy = { message: string; retryAt: number };

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
  const [advice, setAdvice] = useState<string[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [serverBusy, setServerBusy] = useState<ServerBusy | null>(null);
  const [showAnswers, setShowAnswers] = useState(false);
  const inFlight = useRef(false);
  // One key per confirmed submission: a double click, a retry after a lost connection or after
  // "Server sedang sibuk" sends the same key, so the server makes one account; only a definite
  // refusal (4xx) the applicant then fixes gets a new key.
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
    setUpload({ loaded: 0, total: 0 });
    idempotencyKey.current ??= randomUuid();

    const form = new FormData();
    for (const field of IDENTITY_FIELDS) form.append(field, raw[field]);
    for (const [field, value] of Object.entries(password)) form.append(field, value);
    form.append("captchaId", captcha.id);
    form.append("captchaAnswer", wizard.captchaAnswer);
    form.append("ktpPhoto", ktpPhoto.blob, ktpPhoto.blob.type === "image/png" ? "ktp.png" : "ktp.jpg");
    form.append("selfie", selfie.blob, "swafoto.jpg");

    const response = await postFormWithProgress<Created>("/api/registrations", form, {
      headers: { "Idempotency-Key": idempotencyKey.current },
      onProgress: setUpload,
    });
    setUpload(null);
    if (response.ok) {
      // The card token came as an HttpOnly cookie for the registration's routes: nothing to keep here.
      saveDone({ registrationNumber: response.data.registrationNumber });
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
    if (error.code === "SERVER_BUSY") {
      // Nothing was saved and nothing is cleared: the same answers go again, with the same key.
      const wait = Math.min(MAX_BUSY_WAIT_SECONDS, error.retryAfterSeconds ?? DEFAULT_BUSY_WAIT_SECONDS);
      setSummary([]);
      setAdvice([]);
      setServerBusy({ message: error.message, retryAt: Date.now() + wait * 1000 });
      return;
    }
    setServerBusy(null);
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
    setSummary(items);
    setAdvice(advice ? [advice] : []);
    setFocusKey((k) => k + 1);
  }

  if (!identity || !wizard.password || !wizard.ktpPhoto || !wizard.selfie) return null;
  const password = wizard.password;
  const question = (id: string) => SECURITY_QUESTIONS.find((q) => q.id === id)?.label ?? id;

  return (
    <div className="space-y-6">
      <ErrorSummary items={summary} advice={advice} focusKey={focusKey} title="Akun belum dapat dibuat" />
      {serverBusy ? (
        <ServerBusyPanel busy={serverBusy} sending={submitting} upload={upload} onSendAgain={() => void submit()} />
      ) : null}

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
        <Thumbnail label="Foto KTP" url={wizard.ktpPhoto.url} />
        <Thumbnail label="Swafoto" url={wizard.selfie.url} />
      </ReviewSection>

      <ReviewSection
        step="password"
        title="Kata Sandi"
        footer={
          <div className="pt-2">
            {/* Answers are secrets like the password: hidden unless the applicant asks, e.g. to check a typo. */}
            <button
              type="button"
              aria-pressed={showAnswers}
              aria-controls="jawaban-keamanan-1 jawaban-keamanan-2"
              onClick={() => setShowAnswers((shown) => !shown)}
              className="inline-flex min-h-11 items-center rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              Tampilkan jawaban
            </button>
          </div>
        }
      >
        <Row label="Kata sandi" value={<Hidden label="Kata sandi disembunyikan" />} />
        <Row label="Pertanyaan keamanan 1" value={question(password.securityQuestion1)} />
        <Row
          label="Jawaban 1"
          value={<span id="jawaban-keamanan-1">{showAnswers ? password.securityAnswer1 : <Hidden label="Jawaban disembunyikan" />}</span>}
        />
        <Row label="Pertanyaan keamanan 2" value={question(password.securityQuestion2)} />
        <Row
          label="Jawaban 2"
          value={<span id="jawaban-keamanan-2">{showAnswers ? password.securityAnswer2 : <Hidden label="Jawaban disembunyikan" />}</span>}
        />
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

      {/* As every step's foot (StepActions): stacked and full width on a phone, one row from 640 px. */}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <Link href={stepPath("captcha")} className="self-start font-medium text-brand-700 underline underline-offset-2 sm:self-auto">
          Kembali ke Captcha
        </Link>
        <button
          type="button"
          onClick={() => setDialogOpen(true)}
          className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 sm:w-auto"
        >
          Simpan dan Buat Akun
        </button>
      </div>

      <ConfirmActionDialog
        open={dialogOpen}
        title="Apakah data Anda sudah benar?"
        confirmLabel="Iya"
        busy={submitting}
        onCancel={() => setDialogOpen(false)}
        onConfirm={() => void submit()}
        progress={upload ? <SubmissionProgress upload={upload} /> : null}
        busyStatus={submissionStage(upload) || "Menyimpan data… Jangan tutup halaman ini."}
      >
        <p>
          Setelah Anda memilih &ldquo;Iya&rdquo;, akun dibuat dan data yang sudah disimpan <strong>tidak dapat diubah</strong>.
        </p>
      </ConfirmActionDialog>
    </div>
  );
}

/** A secret shown as dots, named for screen readers. */
function Hidden({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">{"•".repeat(12)}</span>
      <span className="sr-only">{label}</span>
    </>
  );
}

const uploaded = (upload: UploadProgress) => upload.total > 0 && upload.loaded >= upload.total;

/** The submission's upload, then (indeterminate) the wait for the server's answer. */
function SubmissionProgress({ upload }: { upload: UploadProgress }) {
  return (
    <ProgressBar
      id="kemajuan-kirim"
      label="Mengirim data pendaftaran"
      value={upload.total > 0 && !uploaded(upload) ? upload.loaded / upload.total : null}
    />
  );
}

/** The stage of a submission in words, for a live region. */
function submissionStage(upload: UploadProgress | null): string {
  if (!upload) return "";
  return uploaded(upload) ? "Data terkirim. Server sedang membuat akun Anda… Jangan tutup halaman ini." : "Mengirim foto dan data… Jangan tutup halaman ini.";
}

/**
 * "Server sedang sibuk" (SERVER_BUSY, 503): nothing was saved and nothing is lost. It counts down
 * the server's Retry-After, then "Kirim Lagi" sends the same answers with the same Idempotency-Key.
 * Focus moves here when it appears; the countdown itself is not announced every second.
 */
function ServerBusyPanel({
  busy,
  sending,
  upload,
  onSendAgain,
}: {
  busy: ServerBusy;
  sending: boolean;
  upload: UploadProgress | null;
  onSendAgain: () => void;
}) {
  const panel = useRef<HTMLElement>(null);
  const seconds = () => Math.max(0, Math.ceil((busy.retryAt - Date.now()) / 1000));
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds());
    const timer = setInterval(() => setLeft(seconds()), 250);
    return () => clearInterval(timer);
    // A new busy answer restarts the countdown.
  }, [busy.retryAt]);
  useEffect(() => {
    // After the current task, so the closing dialog's own focus restoration cannot take it back.
    const timer = setTimeout(() => panel.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [busy.retryAt]);

  const waiting = left > 0;
  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby="server-sibuk"
      aria-describedby="server-sibuk-isi"
      className="space-y-3 rounded-md border-4 border-amber-500 bg-amber-50 p-4 text-amber-950 focus:outline-offset-4"
    >
      <h2 id="server-sibuk" className="text-lg font-bold">
        Server sedang sibuk
      </h2>
      <div id="server-sibuk-isi" className="space-y-1">
        <p>{busy.message}</p>
        <p>Semua data yang Anda isi masih ada; akun belum dibuat dan tidak akan terbuat dua kali.</p>
        <p aria-live="off" className="font-semibold">
          {waiting ? `Silakan coba lagi dalam ${left} detik.` : "Silakan kirim lagi sekarang."}
        </p>
      </div>
      <p role="status" className="sr-only">
        {sending ? submissionStage(upload) : waiting ? "" : "Anda dapat mengirim lagi sekarang."}
      </p>
      <button
        type="button"
        aria-disabled={waiting || sending || undefined}
        onClick={() => {
          if (!waiting && !sending) onSendAgain();
        }}
        className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
      >
        Kirim Lagi
      </button>
      {sending && upload ? <SubmissionProgress upload={upload} /> : null}
    </section>
  );
}

function ReviewSection({
  step,
  title,
  listClassName = "mt-2 divide-y divide-slate-100",
  footer,
  children,
}: {
  step: WizardStepId;
  title: string;
  listClassName?: string;
  /** Below the list (a <dl> holds only its rows). */
  footer?: ReactNode;
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
      {footer}
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

function Thumbnail({ label, url }: { label: string; url: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1">
        <img src={url} alt={label} className="max-h-40 w-auto max-w-full rounded border border-slate-300" />
      </dd>
    </div>
  );
}

