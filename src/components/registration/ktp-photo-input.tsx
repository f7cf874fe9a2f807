"use client";

import { useRef, useState } from "react";
import { FieldMessages, fieldId, secondaryButtonClass } from "@/components/registration/form-field";
import { type PhotoInputProps, preparePhoto } from "@/components/registration/photo";
import { ProgressBar } from "@/components/registration/progress-bar";
import { MAX_PHOTO_BYTES, PHOTO_ACCEPT, formatBytes } from "@/schemas/documents";

/**
 * The KTP photo: a file input (JPG/PNG), and on touch devices a second button that opens the
 * back camera. The chosen photo is decoded, judged (a file that is no image, a black or washed-out
 * photo is refused at once, with what to do), compressed and previewed; choosing again replaces it.
 */
export function KtpPhotoInput({
  photo,
  errors,
  onPhoto,
  onError,
}: PhotoInputProps) {
  const [busy, setBusy] = useState(false);
  const cameraInput = useRef<HTMLInputElement>(null);
  const id = fieldId("ktpPhoto");

  async function handle(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    onError(null);
    const prepared = await preparePhoto(file, { requireAcceptedType: true });
    setBusy(false);
    if (prepared.ok) onPhoto(prepared.photo);
    else onError(prepared.message);
  }

  const invalid = Boolean(errors?.length);
  return (
    <section aria-labelledby="judul-foto-ktp" className="space-y-3 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="judul-foto-ktp" className="text-lg font-semibold">
        Foto KTP
      </h2>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        Format JPG atau PNG. Foto diperkecil otomatis di perangkat Anda menjadi JPG paling besar{" "}
        {formatBytes(MAX_PHOTO_BYTES)} sebelum dikirim. Pastikan seluruh KTP terlihat, tulisan terbaca, tidak buram, dan
        tidak terpotong.
      </p>
      {photo ? (
        <figure className="space-y-1">
          <img src={photo.url} alt="Pratinjau foto KTP yang dipilih" className="max-h-56 w-auto max-w-full rounded border border-slate-300" />
          <figcaption className="text-sm text-slate-700">Foto KTP terpilih ({formatBytes(photo.blob.size)}).</figcaption>
        </figure>
      ) : null}
      <div>
        <label htmlFor={id} className="block font-medium">
          {photo ? "Ganti foto KTP" : "Pilih file foto KTP"}
        </label>
        <input
          id={id}
          name="ktpPhoto"
          type="file"
          accept={PHOTO_ACCEPT}
          aria-invalid={invalid || undefined}
          aria-describedby={[`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(" ")}
          onChange={(event) => {
            void handle(event.target.files?.[0]);
            event.target.value = "";
          }}
          className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-brand-600 file:bg-white file:px-4 file:py-2 file:font-semibold file:text-brand-700 hover:file:bg-brand-50"
        />
      </div>
      <div className="hidden pointer-coarse:block">
        <button type="button" className={secondaryButtonClass} onClick={() => cameraInput.current?.click()}>
          Foto KTP dengan kamera
        </button>
        <input
          ref={cameraInput}
          type="file"
          accept={PHOTO_ACCEPT}
          capture="environment"
          tabIndex={-1}
          aria-hidden="true"
          className="hidden"
          onChange={(event) => {
            void handle(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
      </div>
      {busy ? <ProgressBar id="kemajuan-foto-ktp" label="Memproses foto KTP" value={null} /> : null}
      <p role="status" className="text-sm text-slate-700">
        {busy ? "Memproses foto… Foto diperiksa dan diperkecil di perangkat Anda." : ""}
      </p>
      <FieldMessages name="ktpPhoto" errors={errors} />
    </section>
  );
}
