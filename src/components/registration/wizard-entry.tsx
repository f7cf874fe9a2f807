"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useWizard } from "@/components/registration/wizard-provider";
import { latestAllowedStep, stepPath } from "@/domain/registration/steps";

/** /daftar itself: go to the latest step the applicant may be on, once the stored progress is read. */
export function WizardEntry() {
  const { hydrated, completed } = useWizard();
  const router = useRouter();
  useEffect(() => {
    if (!hydrated) return;
    const latest = latestAllowedStep(completed);
    // "done" is reached only by submitting; /daftar never lands there.
    router.replace(stepPath(latest === "done" ? "review" : latest));
  }, [hydrated, completed, router]);
  return (
    <p role="status" className="text-slate-700">
      Memuat…
    </p>
  );
}
