"use client";

/**
 * The final question, "Apakah data Anda sudah benar?", as a real modal: the native <dialog> opened
 * with showModal() makes the rest of the page inert (focus stays inside) and Esc closes it, unless
 * the registration is being sent. Focus returns to the button that opened it.
 */
import { type ReactNode, useEffect, useRef } from "react";
import { secondaryButtonClass } from "@/components/registration/form-field";

export function ConfirmDialog({
  open,
  busy,
  onCancel,
  onConfirm,
  progress,
  status,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  /** Shown while the registration is being sent (the upload's progress). */
  progress?: ReactNode;
  /** The stage of the submission in words, announced from a live region that is always there. */
  status?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="konfirmasi-judul"
      aria-describedby="konfirmasi-isi"
      onCancel={(event) => {
        // Esc: closes, except while the registration is being sent.
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onClose={() => {
        // Back to the opener, unless something else (the error summary) has taken focus meanwhile.
        const active = document.activeElement;
        const lost = !active || active === document.body || dialog.current?.contains(active);
        if (lost && opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
    >
      <h2 id="konfirmasi-judul" className="text-xl font-bold">
        Apakah data Anda sudah benar?
      </h2>
      <p id="konfirmasi-isi" className="mt-2 text-slate-700">
        Setelah Anda memilih &ldquo;Iya&rdquo;, akun dibuat dan data yang sudah disimpan <strong>tidak dapat diubah</strong>.
      </p>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButtonClass} onClick={onCancel} disabled={busy}>
          Batal
        </button>
        <button
          type="button"
          onClick={onConfirm}
          aria-disabled={busy || undefined}
          className="inline-flex min-h-11 min-w-24 items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 aria-disabled:cursor-wait aria-disabled:opacity-70"
        >
          Iya
        </button>
      </div>
      <div className="mt-3">{busy && progress ? progress : null}</div>
      <p role="status" className="mt-2 min-h-6 text-sm text-slate-700">
        {busy ? status : ""}
      </p>
    </dialog>
  );
}
