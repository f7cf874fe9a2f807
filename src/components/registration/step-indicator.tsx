"use client";

import Link from "next/link";
import { STEPS, type WizardStepId, isStepAllowed, stepIndex, stepPath } from "@/domain/registration/steps";

/**
 * Where the applicant is: an ordered list of the steps, the current one `aria-current="step"`,
 * completed ones marked and linked. On narrow screens only the numbers show, with the current
 * step's title spelled out below.
 */
export function StepIndicator({ current, completed }: { current: WizardStepId; completed: readonly WizardStepId[] }) {
  const currentIndex = stepIndex(current);
  const currentStep = STEPS[currentIndex];
  return (
    <nav aria-label="Langkah pendaftaran" className="print:hidden">
      <ol className="flex items-start justify-between gap-1 sm:gap-2">
        {STEPS.map((step, index) => {
          const isCurrent = step.id === current;
          const isDone = completed.includes(step.id) && !isCurrent;
          const reachable = !isCurrent && step.id !== "done" && isStepAllowed(step.id, completed);
          const badge = (
            <span
              aria-hidden="true"
              className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${
                isCurrent
                  ? "border-brand-700 bg-brand-700 text-white"
                  : isDone
                    ? "border-green-700 bg-green-700 text-white"
                    : "border-slate-400 bg-white text-slate-700"
              }`}
            >
              {isDone ? "✓" : index + 1}
            </span>
          );
          const text = (
            <span aria-hidden="true" className={`hidden text-center text-xs leading-tight sm:block ${isCurrent ? "font-bold text-brand-800" : "text-slate-700"}`}>
              {step.title}
            </span>
          );
          const status = isCurrent ? " (langkah saat ini)" : isDone ? " (selesai)" : "";
          return (
            <li key={step.id} className="flex min-w-0 flex-1 flex-col items-center gap-1" aria-current={isCurrent ? "step" : undefined}>
              {reachable ? (
                <Link href={stepPath(step.id)} className="flex flex-col items-center gap-1 rounded-md p-1 hover:bg-brand-50">
                  {badge}
                  {text}
                  <span className="sr-only">
                    {`Langkah ${index + 1}: ${step.title}${status}`}
                  </span>
                </Link>
              ) : (
                <span className="flex flex-col items-center gap-1 p-1">
                  {badge}
                  {text}
                  <span className="sr-only">{`Langkah ${index + 1}: ${step.title}${status}`}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-center text-sm font-medium text-brand-800 sm:hidden" aria-hidden="true">
        Langkah {currentIndex + 1} dari {STEPS.length}: {currentStep?.title}
      </p>
    </nav>
  );
}
