"use client";

/**
 * Every wizard page's frame: waits for the stored progress, sends an applicant who is too early
 * to the latest step they may see, shows the step indicator and the heading, and moves focus to
 * the heading after an in-app navigation (so screen readers announce the new step). A step open to
 * everyone (the first) does not wait: it comes with the page's HTML, so its text paints at once
 * and nothing below it moves when the scripts have run (issue 8: Lighthouse's LCP and CLS).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { ErrorSummary, type SummaryItem } from "@/components/registration/error-summary";
import { PrimaryButton } from "@/components/registration/form-field";
import { StepIndicator } from "@/components/registration/step-indicator";
import { useWizard } from "@/components/registration/wizard-provider";
import { type WizardStepId, isStepAllowed, latestAllowedStep, stepInfo, stepPath } from "@/domain/registration/steps";

let navigatedWithinApp = false;

export function StepFrame({ step, intro, children }: { step: WizardStepId; intro?: ReactNode; children: ReactNode }) {
  const { hydrated, completed } = useWizard();
  const router = useRouter();
  const allowed = isStepAllowed(step, completed);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (hydrated && !allowed) router.replace(stepPath(latestAllowedStep(completed)));
  }, [hydrated, allowed, completed, router]);

  // A step that needs no earlier step is allowed whatever the stored progress says.
  const ready = allowed && (hydrated || isStepAllowed(step, []));
  useEffect(() => {
    if (!ready) return;
    if (navigatedWithinApp) heading.current?.focus();
    navigatedWithinApp = true;
  }, [ready]);

  const info = stepInfo(step);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <StepIndicator current={step} completed={completed} />
      {ready ? (
        <>
          <div className="space-y-2">
            <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold sm:text-3xl">
              {info.title}
            </h1>
            {intro ? <div className="text-slate-700">{intro}</div> : null}
          </div>
          {children}
        </>
      ) : (
        <p role="status" className="text-slate-700">
          Memuat…
        </p>
      )}
    </div>
  );
}

/**
 * The foot of a step's form: the way back to the previous step (none on the first), "Lanjutkan"
 * (aria-disabled, not disabled, so it keeps focus) and a live status while the server checks the
 * step. On a phone (below 640 px) the link has its row and "Lanjutkan" spans the form's full width
 * below it, the status under the button; from 640 px they share one row, "Lanjutkan" on the right.
 */
export function StepActions({ back, submitting = false }: { back?: WizardStepId; submitting?: boolean }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
      {back ? (
        <Link href={stepPath(back)} className="self-start font-medium text-brand-700 underline underline-offset-2 sm:self-auto">
          Kembali ke {stepInfo(back).title}
        </Link>
      ) : null}
      <div className="flex flex-col gap-2 sm:ml-auto sm:flex-row-reverse sm:items-center sm:gap-3">
        <PrimaryButton aria-disabled={submitting || undefined} className="w-full sm:w-auto">
          Lanjutkan
        </PrimaryButton>
        <span role="status" className="text-slate-700 empty:hidden">
          {submitting ? "Memeriksa…" : ""}
        </span>
      </div>
    </div>
  );
}

/**
 * A step's form (from useStepForm) with its error summary on top. Its controls stay disabled until
 * the stored progress is read (the first step is drawn with the page, before its scripts run): an
 * answer typed earlier would not reach the form's state, and "Lanjutkan" would submit the form
 * natively, answers in the URL.
 */
export function StepForm({
  form,
  describedBy,
  children,
}: {
  form: { onSubmit: (event: FormEvent) => void; summary: SummaryItem[]; advice: string[]; focusKey: number };
  describedBy?: string;
  children: ReactNode;
}) {
  const { hydrated } = useWizard();
  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-6" aria-describedby={describedBy}>
      <ErrorSummary items={form.summary} advice={form.advice} focusKey={form.focusKey} />
      <fieldset disabled={!hydrated} className="min-w-0 space-y-6">
        {children}
      </fieldset>
    </form>
  );
}

/** A titled group of fields in a step's form. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}
