"use client";

/**
 * "Beri tahu saya": leave an email address and get one mail when this agency's formation is
 * verified (SPEC "Added contract"). Self-contained: give it the agency's code and name and place it
 * wherever an applicant meets an agency still in verification (the landing page, the identity step).
 * The browser only checks that an address was typed: the landing page is the most visited page, so
 * it does not load zod for this; the route checks the address with the shared schema and its
 * message is shown by the field.
 */
import { type FormEvent, useId, useRef, useState } from "react";
import { postJson } from "@/lib/api-client";
import { AGENCY_NOTIFICATION_MESSAGES } from "@/domain/agency-notification";

type State = { kind: "idle" } | { kind: "sending" } | { kind: "done" } | { kind: "error"; message: string; verified?: boolean };

export function NotifyMeForm({ agencyCode, agencyName }: { agencyCode: string; agencyName: string }) {
  const id = useId();
  const emailId = `${id}-email`;
  const input = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.kind === "sending") return;
    if (email.trim() === "") {
      setState({ kind: "error", message: AGENCY_NOTIFICATION_MESSAGES.emailRequired });
      input.current?.focus();
      return;
    }
    setState({ kind: "sending" });
    const result = await postJson<{ accepted: true }>("/api/agency-notifications", { agencyCode, email });
    if (result.ok) {
      setState({ kind: "done" });
      return;
    }
    const message = result.error.fields?.email?.[0] ?? result.error.message;
    setState({ kind: "error", message, verified: result.error.code === "AGENCY_ALREADY_VERIFIED" });
    input.current?.focus();
  }

  if (state.kind === "done") {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950">
        Terima kasih. Kami akan mengirim satu email ke <strong className="break-all">{email.trim()}</strong> saat formasi{" "}
        {agencyName} sudah diverifikasi. Alamat Anda dihapus setelah email itu terkirim.
      </p>
    );
  }

  const invalid = state.kind === "error";
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-2" aria-describedby={`${id}-about`}>
      <p id={`${id}-about`} className="text-sm text-slate-700">
        Kami kirim satu email saat formasi {agencyName} sudah diverifikasi, lalu alamat Anda kami hapus.
      </p>
      <label htmlFor={emailId} className="block text-sm font-medium text-slate-900">
        Email <span className="sr-only">untuk pemberitahuan {agencyName}</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={input}
          id={emailId}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          className="min-h-11 min-w-0 flex-1 basis-52 rounded-md border border-slate-500 bg-white px-3 py-2 text-base"
        />
        <button
          type="submit"
          aria-disabled={state.kind === "sending" || undefined}
          className="min-h-11 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 aria-disabled:cursor-wait aria-disabled:opacity-70"
        >
          Beri tahu saya
        </button>
      </div>
      <div aria-live="polite" className="text-sm">
        {state.kind === "sending" ? <p className="text-slate-700">Mengirim…</p> : null}
        {state.kind === "error" ? (
          <p id={`${id}-error`} className="font-medium text-red-800">
            {state.message}
            {state.verified ? (
              <>
                {" "}
                <a href={`/daftar/identitas?instansi=${encodeURIComponent(agencyCode)}`} className="underline">
                  Buat akun sekarang
                </a>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
