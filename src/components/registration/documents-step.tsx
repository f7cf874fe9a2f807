"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { KtpPhotoInput } from "@/components/registration/ktp-photo-input";
import { SelfieCapture } from "@/components/registration/selfie-capture";
import { StepActions, StepFrame } from "@/components/registration/step-frame";
import { refusalFromApiError, summaryFromFields } from "@/components/registration/step-errors";
import { zodIssuesToFieldErrors } from "@/schemas/field-errors";
import { type Photo, useWizard } from "@/components/registration/wizard-provider";
import { type FieldErrors } from "@/domain/errors";
import { completeChangedStep, completeStep, latestAllowedStep, stepPath } from "@/domain/registration/steps";
import { postJson } from "@/lib/api-client";
import { documentsSchema } from "@/schemas/documents";

const FIELDS = ["ktpPhoto", "selfie"] as const;
type DocumentField = (typeof FIELDS)[number];

export function DocumentsStep() {
  return (
    <StepFrame
      step="documents"
      intro={
        <p>
          Unggah foto KTP dan ambil swafoto dengan kamera. Foto hanya disimpan di browser Anda sampai pendaftaran
          dikonfirmasi.
        </p>
      }
    >
      <DocumentsForm />
    </StepFrame>
  );
}

function DocumentsForm() {
  const wizard = useWizard();
  const router = useRouter();
  const [ktpPhoto, setKtpPhoto] = useState<Photo | null>(wizard.ktpPhoto);
  const [selfie, setSelfie] = useState<Photo | null>(wizard.selfie);
  const problem = wizard.problems.documents;
  const [fields, setFields] = useState<FieldErrors>(problem?.fields ?? {});
  const [summary, setSummary] = useState<SummaryItem[]>(
    problem ? [{ message: problem.message }, ...summaryFromFields(problem.fields, FIELDS)] : [],
  );
  const [focusKey, setFocusKey] = useState(problem ? 1 : 0);
  const [submitting, setSubmitting] = useState(false);

  const setFieldError = (field: DocumentField, message: string | null) => {
    setFields((current) => {
      const { [field]: _old, ...rest } = current;
      return message ? { ...rest, [field]: [message] } : rest;
    });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const descriptors = {
      ktpPhoto: ktpPhoto ? { size: ktpPhoto.blob.size, type: ktpPhoto.blob.type } : undefined,
      selfie: selfie ? { size: selfie.blob.size, type: selfie.blob.type } : undefined,
    };
    const result = documentsSchema.safeParse(descriptors);
    if (!result.success) {
      const errors = zodIssuesToFieldErrors(result.error);
      setFields(errors);
      setSummary(summaryFromFields(errors, FIELDS));
      setFocusKey((k) => k + 1);
      return;
    }
    setSubmitting(true);
    const response = await postJson("/api/registrations/validate", { step: "documents", data: descriptors });
    setSubmitting(false);
    if (!response.ok) {
      const refusal = refusalFromApiError(response.error, FIELDS);
      setFields(refusal.fields);
      setSummary(refusal.summary);
      setFocusKey((k) => k + 1);
      return;
    }
    if (!ktpPhoto || !selfie) return;
    const changed = ktpPhoto.url !== wizard.ktpPhoto?.url || selfie.url !== wizard.selfie?.url;
    wizard.commitDocuments({ ktpPhoto, selfie });
    const completed = changed ? completeChangedStep(wizard.completed, "documents") : completeStep(wizard.completed, "documents");
    router.push(stepPath(latestAllowedStep(completed)));
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6">
      <ErrorSummary items={summary} focusKey={focusKey} />
      <KtpPhotoInput
        photo={ktpPhoto}
        errors={fields.ktpPhoto}
        onPhoto={(photo) => {
          setKtpPhoto(photo);
          setFieldError("ktpPhoto", null);
        }}
        onError={(message) => setFieldError("ktpPhoto", message)}
      />
      <SelfieCapture
        photo={selfie}
        errors={fields.selfie}
        onPhoto={(photo) => {
          setSelfie(photo);
          setFieldError("selfie", null);
        }}
        onError={(message) => setFieldError("selfie", message)}
      />
      <StepActions back="identity" submitting={submitting} />
    </form>
  );
}
