"use client";

/**
 * A yes/no question before an action that cannot be taken back lightly (the applicant's final
 * "Iya", an admin's toggle), as a real modal: the native <dialog> opened with showModal() makes the
 * page behind inert and keeps focus inside; Esc or "Batal" cancels, except while the action runs;
 * focus goes back to the control that opened it.
 */
import { type ReactNode, useEffect, useId, useRef } from "react";
import { secondaryButtonClass } from "@/components/registration/form-field";

export function ConfirmActionDialog({
  open,
  title,
  children,
  confirmLabel,
  busy = false,
  progress,
  busyStatus = "Menyimpan…",
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  /** Shown while busy (an upload's progress). */
  progress?: ReactNode;
  /** The action's stage in words while busy, announced from a live region that is always there. */
  busyStatus?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();

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
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onClose={() => {
        // Back to the opener, unless something else (an error summary) has taken focus meanwhile.
        const active = document.activeElement;
        const lost = !active || active === document.body || dialog.current?.contains(active);
        if (lost && opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
    >
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {title}
      </h2>
      <div id={`${id}-body`} className="mt-2 space-y-2 text-slate-700">
        {children}
      </div>
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
          {confirmLabel}
        </button>
      </div>
      <div className="mt-3">{busy && progress ? progress : null}</div>
      <p role="status" className="mt-2 min-h-6 text-sm text-slate-700">
        {busy ? busyStatus : ""}
      </p>
    </dialog>
  );
}
