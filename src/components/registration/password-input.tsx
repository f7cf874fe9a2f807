"use client";

/**
 * A password field with a show/hide toggle: a "Tampilkan" button with aria-pressed. Paste and password
 * managers work: nothing is blocked, nothing trimmed.
 */
import { useState } from "react";
import { FieldMessages, fieldId, inputClass } from "@/components/registration/form-field";

export function PasswordInput({
  name,
  label,
  toggleLabel,
  value,
  errors,
  hint,
  describedByExtra,
  onChange,
  onBlur,
}: {
  name: string;
  label: string;
  toggleLabel: string;
  value: string;
  errors: string[] | undefined;
  hint?: string;
  describedByExtra?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const [shown, setShown] = useState(false);
  const id = fieldId(name);
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null, describedByExtra ?? null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          name={name}
          type={shown ? "text" : "password"}
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          className={`${inputClass} mt-0 min-w-0 flex-1`}
        />
        <button
          type="button"
          aria-pressed={shown}
          aria-label={toggleLabel}
          onClick={() => setShown((s) => !s)}
          className="min-h-11 shrink-0 rounded-md border border-slate-500 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-100 aria-pressed:border-slate-800 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          {/* The name stays "Tampilkan …"; aria-pressed (and the dark style) says whether it is on. */}
          <span aria-hidden="true">{shown ? "\u25C9 " : "\u25CB "}</span>
          Tampilkan
        </button>
      </div>
      <FieldMessages name={name} hint={hint} errors={errors} />
    </div>
  );
}
