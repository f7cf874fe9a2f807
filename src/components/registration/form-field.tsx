"use client";

/**
 * Labelled form controls with their hint, warning and error wired to `aria-describedby`, and
 * `aria-invalid` while an error shows. Ids are the field names prefixed with "f-", so the error
 * summary can link to them.
 */
import { type InputHTMLAttributes, type ReactNode } from "react";

export function fieldId(name: string): string {
  return `f-${name}`;
}

type Described = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  warning?: ReactNode;
  errors?: readonly string[] | undefined;
};

/** The ids of a field's hint, warning and error (those it has), and any `extra`, for `aria-describedby`. */
export function describedBy(name: string, { hint, warning, errors }: Omit<Described, "name" | "label">, extra?: string) {
  const ids = [
    hint ? `${fieldId(name)}-hint` : null,
    warning ? `${fieldId(name)}-warning` : null,
    errors?.length ? `${fieldId(name)}-error` : null,
    extra ?? null,
  ].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 read-only:bg-slate-100";

export function FieldMessages({ name, hint, warning, errors }: Omit<Described, "label">) {
  return (
    <>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <div id={`${fieldId(name)}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.map((message) => (
            <p key={message}>
              <span className="sr-only">Kesalahan: </span>
              {message}
            </p>
          ))}
        </div>
      ) : null}
      {warning ? (
        <div id={`${fieldId(name)}-warning`} className="mt-2 rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
          {warning}
        </div>
      ) : null}
    </>
  );
}

export function TextField({
  name,
  label,
  hint,
  warning,
  errors,
  describedByExtra,
  className,
  ...input
}: Described & { describedByExtra?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={fieldId(name)} className="block font-medium text-slate-900">
        {label}
      </label>
      <input
        id={fieldId(name)}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, { hint, warning, errors }, describedByExtra)}
        className={inputClass}
        {...input}
      />
      <FieldMessages name={name} hint={hint} warning={warning} errors={errors} />
    </div>
  );
}

export type RadioOption = { value: string; label: string; disabled?: boolean; note?: string };

/**
 * One choice among a few, as radios in a fieldset (not a native select, whose closed box cuts long
 * options at 360 px). The summary links to the chosen radio, or the first that can be chosen.
 */
export function RadioGroupField({
  name,
  label,
  hint,
  errors,
  options,
  value,
  onChange,
  className,
}: Omit<Described, "warning"> & { options: readonly RadioOption[]; value: string; onChange: (value: string) => void; className?: string }) {
  const invalid = Boolean(errors?.length);
  const target = options.find((option) => option.value === value && !option.disabled) ?? options.find((option) => !option.disabled);
  return (
    <fieldset className={className} aria-describedby={describedBy(name, { hint, errors })}>
      <legend className="font-medium text-slate-900">{label}</legend>
      <FieldMessages name={name} hint={hint} errors={errors} />
      <div className="mt-2 space-y-1">
        {options.map((option) => (
          <label
            key={option.value}
            className={`flex min-h-11 items-start gap-3 rounded-md border px-3 py-2 ${
              value === option.value ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"
            } ${option.disabled ? "cursor-not-allowed text-slate-600" : "cursor-pointer hover:border-brand-600"}`}
          >
            <input
              type="radio"
              id={option === target ? fieldId(name) : `${fieldId(name)}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              aria-invalid={invalid || undefined}
              onChange={() => onChange(option.value)}
              className="mt-0.5 size-5 shrink-0 accent-brand-600"
            />
            <span>
              {option.label}
              {option.note ? <span className="block text-sm">{option.note}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PrimaryButton({ children, className = "", ...props }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      // Keeps focus in the field being left, so its on-blur message cannot shift the button away
      // between mouse-down and mouse-up (the click would be lost); submitting validates every field.
      onMouseDown={(event) => event.preventDefault()}
      className={`inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60 ${className}`}
      {...props}
    >
      {children}
    </button>
  );
}

export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60";
