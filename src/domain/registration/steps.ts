/**
 * The registration wizard's step graph as data (after login.gov's StepInfo / FlowPolicy).
 *
 * Each step declares the steps it needs (directly; needs are followed transitively) and the steps
 * whose answers it invalidates when its own answers change. One pure function,
 * `latestAllowedStep`, says where an applicant may be; every page of the wizard asks it.
 * A step counts as complete only while every step it needs is complete too (`normalizeCompleted`).
 */

/** The steps whose answers are validated (one zod schema each, in src/schemas), in wizard order. */
export const FORM_STEP_IDS = ["identity", "documents", "password", "captcha", "review"] as const;
export type FormStepId = (typeof FORM_STEP_IDS)[number];
/** Every step, in wizard order: the form steps, then the confirmation. */
export const WIZARD_STEP_IDS = [...FORM_STEP_IDS, "done"] as const;
export type WizardStepId = (typeof WIZARD_STEP_IDS)[number];

export type StepInfo = {
  id: WizardStepId;
  /** URL segment under /daftar. */
  slug: string;
  /** Shown in the step indicator and as the page heading. */
  title: string;
  /** Steps that must be complete before this one can be shown. */
  needs: readonly WizardStepId[];
  /** Steps whose answers are no longer valid once this step's answers change. */
  invalidates: readonly WizardStepId[];
};

export const STEPS: readonly StepInfo[] = [
  // The password's context rules (no NIK, KK, birth date or name inside) depend on the identity.
  { id: "identity", slug: "identitas", title: "Identitas", needs: [], invalidates: ["password", "captcha", "review"] },
  { id: "documents", slug: "dokumen", title: "Dokumen", needs: ["identity"], invalidates: ["review"] },
  { id: "password", slug: "kata-sandi", title: "Kata Sandi", needs: ["identity", "documents"], invalidates: ["review"] },
  { id: "captcha", slug: "captcha", title: "Captcha", needs: ["password"], invalidates: ["review"] },
  { id: "review", slug: "cek-ulang", title: "Cek Ulang", needs: ["identity", "documents", "password", "captcha"], invalidates: [] },
  // "review" is complete once the registration has been submitted and accepted.
  { id: "done", slug: "selesai", title: "Selesai", needs: ["review"], invalidates: [] },
];

const BY_ID = new Map(STEPS.map((step) => [step.id, step]));
const BY_SLUG = new Map(STEPS.map((step) => [step.slug, step]));

export function stepInfo(id: WizardStepId): StepInfo {
  const step = BY_ID.get(id);
  if (!step) throw new Error(`Unknown wizard step: ${id}`);
  return step;
}

export function stepBySlug(slug: string): StepInfo | undefined {
  return BY_SLUG.get(slug);
}

export function isWizardStepId(value: unknown): value is WizardStepId {
  return typeof value === "string" && (WIZARD_STEP_IDS as readonly string[]).includes(value);
}

/** The path of a step's page. */
export function stepPath(id: WizardStepId): string {
  return `/daftar/${stepInfo(id).slug}`;
}

/** 0-based position in the wizard. */
export function stepIndex(id: WizardStepId): number {
  return WIZARD_STEP_IDS.indexOf(id);
}

/** Every step `id` needs, directly or through the steps it needs. */
export function requiredSteps(id: WizardStepId): ReadonlySet<WizardStepId> {
  const required = new Set<WizardStepId>();
  const pending = [...stepInfo(id).needs];
  while (pending.length > 0) {
    const next = pending.pop() as WizardStepId;
    if (required.has(next)) continue;
    required.add(next);
    pending.push(...stepInfo(next).needs);
  }
  return required;
}

/** Every step whose answers become invalid when `id`'s answers change, directly or in turn. */
export function invalidatedSteps(id: WizardStepId): ReadonlySet<WizardStepId> {
  const invalid = new Set<WizardStepId>();
  const pending = [...stepInfo(id).invalidates];
  while (pending.length > 0) {
    const next = pending.pop() as WizardStepId;
    if (invalid.has(next)) continue;
    invalid.add(next);
    pending.push(...stepInfo(next).invalidates);
  }
  return invalid;
}

/** Whether every step `id` needs is complete. */
export function isStepAllowed(id: WizardStepId, completed: Iterable<WizardStepId>): boolean {
  const done = new Set(completed);
  for (const required of requiredSteps(id)) if (!done.has(required)) return false;
  return true;
}

/**
 * The completed steps that really count: a step whose needs are not all complete is dropped
 * (e.g. after a reload lost the photos, the password step no longer counts either).
 * The result is in wizard order.
 */
export function normalizeCompleted(completed: Iterable<WizardStepId>): WizardStepId[] {
  const claimed = new Set(completed);
  const valid = new Set<WizardStepId>();
  // Wizard order puts every step after the steps it needs, so one pass settles it.
  for (const id of WIZARD_STEP_IDS) {
    if (claimed.has(id) && [...requiredSteps(id)].every((r) => valid.has(r))) valid.add(id);
  }
  return WIZARD_STEP_IDS.filter((id) => valid.has(id));
}

/**
 * The furthest step the applicant may be on: the last step, in wizard order, whose needs are all
 * complete. Where "Lanjutkan" leads after a step is completed, and where `/daftar` and any page
 * reached too early redirect to.
 */
export function latestAllowedStep(completed: Iterable<WizardStepId>): WizardStepId {
  const valid = normalizeCompleted(completed);
  let latest: WizardStepId = "identity";
  for (const id of WIZARD_STEP_IDS) if (isStepAllowed(id, valid)) latest = id;
  return latest;
}

/**
 * Completed steps after `id` is completed with unchanged answers. Claims that did not count before
 * (a later step whose needs were missing) do not start counting because of it.
 */
export function completeStep(completed: Iterable<WizardStepId>, id: WizardStepId): WizardStepId[] {
  return normalizeCompleted([...normalizeCompleted(completed), id]);
}

/** Completed steps after `id`'s answers changed: what it invalidates is no longer complete. */
export function invalidateDependents(completed: Iterable<WizardStepId>, id: WizardStepId): WizardStepId[] {
  const invalid = invalidatedSteps(id);
  return normalizeCompleted([...completed].filter((step) => !invalid.has(step)));
}

/** Completed steps after `id` is completed with answers that differ from the ones before. */
export function completeChangedStep(completed: Iterable<WizardStepId>, id: WizardStepId): WizardStepId[] {
  return completeStep(invalidateDependents(completed, id), id);
}

/**
 * What completing `id` leads to: the completed steps afterwards (what its answers invalidate is
 * dropped when they `changed`) and the step "Lanjutkan" goes to, the review again after an "Ubah"
 * when nothing that depends on the change is invalid.
 */
export function advance(
  completed: Iterable<WizardStepId>,
  id: WizardStepId,
  changed: boolean,
): { completed: WizardStepId[]; next: WizardStepId } {
  const after = changed ? completeChangedStep(completed, id) : completeStep(completed, id);
  return { completed: after, next: latestAllowedStep(after) };
}

/**
 * Completed steps once `id` no longer holds (its data was lost, or the server refused it, like a
 * consumed captcha): it and every step that needs it become incomplete.
 */
export function uncompleteStep(completed: Iterable<WizardStepId>, id: WizardStepId): WizardStepId[] {
  return normalizeCompleted([...completed].filter((step) => step !== id));
}
