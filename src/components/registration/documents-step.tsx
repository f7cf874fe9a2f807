"use client";

import { useState } from "react";
import { KtpPhotoInput } from "@/components/registration/ktp-photo-input";
import { SelfieCapture } from "@/components/registration/selfie-capture";
import { StepActions, StepForm, StepFrame } from "@/components/registration/step-frame";
import { useStepForm } from "@/components/registration/use-step-form";
import { type Photo, useWizard } from "@/components/registration/wizard-provider";
import { type BrowserSchemas } from "@/lib/load-schemas";
import { DOCUMENT_FIELDS } from "@/schemas/facts/documents";

type Photos = { ktpPhoto: Photo | null; selfie: Photo | null };

const documentsSchema = (schemas: BrowserSchemas) => schemas.documentsSchema;

/** What the browser says about each photo; the server judges the bytes when they are sent. */
function describe(photos: Photos) {
  const descriptor = (photo: Photo | null) => (photo ? { size: photo.blob.size, type: photo.blob.type } : undefined);
  return { ktpPhoto: descriptor(photos.ktpPhoto), selfie: descriptor(photos.selfie) };
}

export function DocumentsStep() {
  return (
    <StepFrame step="documents" intro={INTRO}>
      <DocumentsForm />
    </StepFrame>
  );
}

const INTRO = (
  <p>
    Unggah foto KTP dan ambil swafoto dengan kamera. Foto hanya disimpan di browser Anda sampai pendaftaran dikonfirmasi.
  </p>
);

function DocumentsForm() {
  const wizard = useWizard();
  const [photos, setPhotos] = useState<Photos>({ ktpPhoto: wizard.ktpPhoto, selfie: wizard.selfie });
  const form = useStepForm({
    step: "documents",
    fields: DOCUMENT_FIELDS,
    values: photos,
    setValues: setPhotos,
    schema: documentsSchema,
    toData: describe,
    // Only reached once the schema found both photos.
    commit: ({ ktpPhoto, selfie }) => wizard.commit("documents", { ktpPhoto: ktpPhoto as Photo, selfie: selfie as Photo }),
  });

  return (
    <StepForm form={form}>
      <KtpPhotoInput
        photo={photos.ktpPhoto}
        errors={form.errorsFor("ktpPhoto")}
        onPhoto={(photo) => form.set("ktpPhoto", photo)}
        onError={(message) => form.reportError("ktpPhoto", message)}
      />
      <SelfieCapture
        photo={photos.selfie}
        errors={form.errorsFor("selfie")}
        onPhoto={(photo) => form.set("selfie", photo)}
        onError={(message) => form.reportError("selfie", message)}
      />
      <StepActions back="identity" submitting={form.submitting} />
    </StepForm>
  );
}
