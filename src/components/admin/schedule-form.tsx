"use client";

import { useState, type FormEvent } from "react";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { TextField } from "@/components/registration/form-field";
import { apiRequest } from "@/lib/api-client";

/** "2023-09-20T00:00:00" as typed in WIB → an ISO instant with the +07:00 offset. */
function wibInputToIso(value: string): string {
  const withSeconds = /T\d\d:\d\d$/.test(value) ? `${value}:00` : value;
  return `${withSeconds}+07:00`;
}

/** An ISO instant → the WIB wall-clock value of a datetime-local input. */
export function isoToWibInput(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 19);
}

export function ScheduleForm({ opensAt, closesAt }: { opensAt: string; closesAt: string }) {
  const [values, setValues] = useState({ opensAt: isoToWibInput(opensAt), closesAt: isoToWibInput(closesAt) });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved("");
    const missing: Record<string, string[]> = {};
    if (!values.opensAt) missing.opensAt = ["Waktu pembukaan wajib diisi."];
    if (!values.closesAt) missing.closesAt = ["Waktu penutupan wajib diisi."];
    if (Object.keys(missing).length === 0 && values.closesAt <= values.opensAt) {
      missing.closesAt = ["Waktu penutupan harus setelah waktu pembukaan."];
    }
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setSummary(Object.entries(missing).map(([field, messages]) => ({ field, message: messages[0] ?? "" })));
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    const result = await apiRequest<{ opensAt: string; closesAt: string }>("/api/admin/schedule", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ opensAt: wibInputToIso(values.opensAt), closesAt: wibInputToIso(values.closesAt) }),
    });
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors(fields);
      const items = Object.entries(fields).map(([field, messages]) => ({ field, message: messages[0] ?? "" }));
      setSummary(items.length ? items : [{ message: result.error.message }]);
      setFocusKey((k) => k + 1);
      return;
    }
    setErrors({});
    setSummary([]);
    setSaved("Jadwal tersimpan dan tercatat di log audit.");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary items={summary} focusKey={focusKey} />
      <TextField
        name="opensAt"
        label="Pendaftaran dibuka (WIB)"
        type="datetime-local"
        step={1}
        value={values.opensAt}
        errors={errors.opensAt}
        onChange={(event) => setValues((v) => ({ ...v, opensAt: event.target.value }))}
        hint="Contoh penundaan: dari 17 September 2023 pukul 00.00 menjadi 20 September 2023 pukul 00.00."
      />
      <TextField
        name="closesAt"
        label="Pendaftaran ditutup (WIB)"
        type="datetime-local"
        step={1}
        value={values.closesAt}
        errors={errors.closesAt}
        onChange={(event) => setValues((v) => ({ ...v, closesAt: event.target.value }))}
        hint="Pendaftaran masih dibuka pada detik ini dan ditutup sesudahnya, misalnya 8 Oktober 2023 pukul 23.59.59."
      />
      <p role="status" className="min-h-6 text-green-900">
        {saved}
      </p>
      <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? "Menyimpan…" : "Simpan jadwal"}
      </button>
    </form>
  );
}
