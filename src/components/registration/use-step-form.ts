"use client";

/**
 * The one flow of the identity, documents, password and captcha steps: the browser checks the
 * step's zod schema (messages by a field once it was left filled in, every field on "Lanjutkan"),
 * then POST /api/registrations/validate runs the same schema and the server-only checks; a
 * refusal becomes messages by the fields and an error summary that takes the focus; accepted
 * answers are committed to the wizard, which says where to go next. A refusal the review handed
 * back to this step (`wizard.problems`) is shown the same way when the step opens.
 */
import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { type z } from "zod";
import { type SummaryItem } from "@/components/registration/error-summary";
import {
  type StepRefusal,
  clientFieldErrors,
  fieldMessages,
  isFilled,
  refusalFromApiError,
  summaryFromFields,
  withFieldErrors,
} from "@/components/registration/step-errors";
import { type AnsweredStepId, useWizard } from "@/components/registration/wizard-provider";
import { type FieldErrors } from "@/domain/errors";
import { type WizardStepId, stepPath } from "@/domain/registration/steps";
import { type ApiError, postJson } from "@/lib/api-client";
import { type BrowserSchemas, loadSchemas, useSchemas } from "@/lib/load-schemas";

export type StepFormOptions<F extends string, V extends Record<F, unknown>> = {
  step: AnsweredStepId;
  /** The fields the form shows, in their order: the summary's order, all touched on "Lanjutkan". */
  fields: readonly F[];
  values: V;
  /** Takes an update of the answers (a photo arrives after an await: never from a stale copy). */
  setValues: (update: (current: V) => V) => void;
  /**
   * The step's schema, picked from the shared schemas once they have loaded (src/lib/load-schemas.ts).
   * The messages are worked out again when it changes: pass a stable function (module-level or
   * `useCallback`).
   */
  schema: (schemas: BrowserSchemas) => z.ZodType;
  /** The step's `data` as parsed and sent (default: the values). */
  toData?: (values: V) => unknown;
  /** More of the request body (the password step sends the identity its rules depend on). */
  extra?: Record<string, unknown>;
  /** Where a message about no particular field links to. */
  anchorField?: F;
  /** Keeps the accepted answers in the wizard; returns the step to go to. */
  commit: (values: V) => WizardStepId;
  /** After the server refused the step and the refusal is shown (the captcha step fetches a fresh captcha). */
  onRefused?: (error: ApiError) => void;
};

export function useStepForm<F extends string, V extends Record<F, unknown>>(options: StepFormOptions<F, V>) {
  const { step, fields, values, setValues, schema, toData = (v: V): unknown => v, anchorField } = options;
  const wizard = useWizard();
  const router = useRouter();
  const [initial] = useState<StepRefusal | null>(() => {
    const problem = wizard.problems[step];
    return problem ? refusalFromApiError(problem, fields, anchorField) : null;
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverFields, setServerFields] = useState<FieldErrors>(initial?.fields ?? {});
  const [summary, setSummary] = useState<SummaryItem[]>(initial?.summary ?? []);
  const [advice, setAdvice] = useState<string[]>(initial?.advice ?? []);
  const [focusKey, setFocusKey] = useState(initial ? 1 : 0);
  const [submitting, setSubmitting] = useState(false);
  const { schemas } = useSchemas();
  // `toData` is a plain function of the answers (often a new arrow each render): not a dependency.
  // Until the schemas arrive (a moment after the page) there is nothing to say yet.
  const clientFields = useMemo(() => (schemas ? clientFieldErrors(schema(schemas), toData(values)) : {}), [schemas, schema, values]);

  const show = (refusal: StepRefusal) => {
    setServerFields(refusal.fields);
    setSummary(refusal.summary);
    setAdvice(refusal.advice);
    setFocusKey((key) => key + 1);
  };

  const errorsFor = (field: F) => fieldMessages(field, { touched, clientFields, serverFields });

  const touch = (field: F) => {
    if (!touched.has(field) && isFilled(values[field])) setTouched(new Set(touched).add(field));
  };

  /** A new answer: the server's message about the old one goes. `touch`: show the browser's at once (a select). */
  const set = <K extends F>(field: K, value: V[K], opts: { touch?: boolean } = {}) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerFields((current) => (current[field] ? withFieldErrors(current, field) : current));
    if (opts.touch) setTouched((current) => new Set(current).add(field));
  };

  /** A control's own message (a photo it could not use), or none; it stands until the next "Lanjutkan". */
  const reportError = (field: F, message: string | null) => {
    setServerFields((current) => withFieldErrors(current, field, message ? [message] : []));
    setTouched((current) => {
      const next = new Set(current);
      next.delete(field);
      return next;
    });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setTouched(new Set(fields));
    const data = toData(values);
    setSubmitting(true);
    // Already loaded in practice; if they cannot be loaded, the server's check (the same schema) speaks.
    const loaded = schemas ?? (await loadSchemas().catch(() => null));
    const errors = loaded ? clientFieldErrors(schema(loaded), data) : {};
    if (Object.keys(errors).length > 0) {
      setSubmitting(false);
      // A control's own message (a file that is no photo) or the server's about an unchanged answer
      // says more than the schema's "required": it stays, and the summary names it instead.
      show({ fields: serverFields, summary: summaryFromFields({ ...errors, ...serverFields }, fields), advice: [] });
      return;
    }
    const response = await postJson("/api/registrations/validate", { step, data, ...options.extra });
    setSubmitting(false);
    if (!response.ok) {
      show(refusalFromApiError(response.error, fields, anchorField));
      options.onRefused?.(response.error);
      return;
    }
    router.push(stepPath(options.commit(values)));
  }

  /** The props every text field of a step takes. */
  const textField = (field: F) => ({
    name: field,
    value: String(values[field] ?? ""),
    errors: errorsFor(field),
    onChange: (event: { target: { value: string } }) => set(field, event.target.value as V[F]),
    onBlur: () => touch(field),
  });

  return { errorsFor, touch, set, reportError, onSubmit, textField, summary, advice, focusKey, submitting };
}

export type StepFormState<F extends string, V extends Record<F, unknown>> = ReturnType<typeof useStepForm<F, V>>;
