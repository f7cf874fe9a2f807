import { describe, expect, it } from "vitest";
import {
  STEPS,
  WIZARD_STEP_IDS,
  type WizardStepId,
  completeChangedStep,
  completeStep,
  invalidateDependents,
  invalidatedSteps,
  isStepAllowed,
  isWizardStepId,
  latestAllowedStep,
  normalizeCompleted,
  requiredSteps,
  stepBySlug,
  stepIndex,
  stepInfo,
  stepPath,
  uncompleteStep,
} from "@/domain/registration/steps";

/** Every subset of the wizard's steps (2^6 = 64). */
const SUBSETS: WizardStepId[][] = Array.from({ length: 2 ** WIZARD_STEP_IDS.length }, (_, mask) =>
  WIZARD_STEP_IDS.filter((_, i) => (mask >> i) & 1),
);

/** The wizard is linear: a step counts as complete only when every earlier step does. */
function expectedValid(completed: WizardStepId[]): WizardStepId[] {
  const valid: WizardStepId[] = [];
  for (const id of WIZARD_STEP_IDS) {
    if (!completed.includes(id)) break;
    valid.push(id);
  }
  return valid;
}

/** The first step not (validly) complete, or "done" once everything before it is. */
function expectedLatest(completed: WizardStepId[]): WizardStepId {
  const valid = expectedValid(completed);
  return WIZARD_STEP_IDS[Math.min(valid.length, WIZARD_STEP_IDS.length - 1)] as WizardStepId;
}

const label = (set: readonly WizardStepId[]) => `{${set.join(", ")}}`;

describe("the step data", () => {
  it("lists the six steps in wizard order with their Indonesian slugs and titles", () => {
    expect(STEPS.map((s) => [s.id, s.slug, s.title])).toEqual([
      ["identity", "identitas", "Identitas"],
      ["documents", "dokumen", "Dokumen"],
      ["password", "kata-sandi", "Kata Sandi"],
      ["captcha", "captcha", "Captcha"],
      ["review", "cek-ulang", "Cek Ulang"],
      ["done", "selesai", "Selesai"],
    ]);
    expect(STEPS.map((s) => s.id)).toEqual([...WIZARD_STEP_IDS]);
  });

  it("has unique slugs, found back by slug, and paths under /daftar", () => {
    expect(new Set(STEPS.map((s) => s.slug)).size).toBe(STEPS.length);
    for (const step of STEPS) {
      expect(stepBySlug(step.slug)).toBe(step);
      expect(stepInfo(step.id)).toBe(step);
      expect(stepPath(step.id)).toBe(`/daftar/${step.slug}`);
      expect(stepIndex(step.id)).toBe(STEPS.indexOf(step));
    }
    expect(stepBySlug("tidak-ada")).toBeUndefined();
    expect(() => stepInfo("nope" as WizardStepId)).toThrow();
  });

  it("recognizes step ids", () => {
    for (const id of WIZARD_STEP_IDS) expect(isWizardStepId(id)).toBe(true);
    for (const value of ["", "Identity", "identitas", 1, null, undefined, {}]) expect(isWizardStepId(value)).toBe(false);
  });

  it("only needs and invalidates steps that exist, needs only earlier steps, invalidates only later ones", () => {
    for (const step of STEPS) {
      for (const need of step.needs) {
        expect(WIZARD_STEP_IDS).toContain(need);
        expect(stepIndex(need)).toBeLessThan(stepIndex(step.id));
      }
      for (const target of step.invalidates) {
        expect(WIZARD_STEP_IDS).toContain(target);
        expect(stepIndex(target)).toBeGreaterThan(stepIndex(step.id));
      }
    }
  });

  it("makes every step need all the steps before it (one thing per page, in order)", () => {
    for (const id of WIZARD_STEP_IDS) {
      expect([...requiredSteps(id)].sort()).toEqual(WIZARD_STEP_IDS.slice(0, stepIndex(id)).sort());
    }
  });

  it("invalidates what depends on the changed answers", () => {
    // The password's context rules use the identity; the captcha and the review follow.
    expect([...invalidatedSteps("identity")].sort()).toEqual(["captcha", "password", "review"]);
    expect([...invalidatedSteps("documents")]).toEqual(["review"]);
    expect([...invalidatedSteps("password")]).toEqual(["review"]);
    expect([...invalidatedSteps("captcha")]).toEqual(["review"]);
    expect([...invalidatedSteps("review")]).toEqual([]);
    expect([...invalidatedSteps("done")]).toEqual([]);
  });

  it("never lets a step invalidate a step it needs (the graph would never settle)", () => {
    for (const id of WIZARD_STEP_IDS) {
      for (const invalid of invalidatedSteps(id)) expect(requiredSteps(id).has(invalid)).toBe(false);
    }
  });
});

// One test per property, each checked for all 64 subsets (the message names the failing subset):
// the count of tests says how many behaviours are covered, not how many inputs.
describe("for every subset of completed steps", () => {
  it("normalizeCompleted keeps exactly the steps whose needs are all complete, in wizard order", () => {
    for (const completed of SUBSETS) {
      const valid = expectedValid(completed);
      const set = label(completed);
      expect(normalizeCompleted(completed), set).toEqual(valid);
      expect(normalizeCompleted([...completed].reverse()), set).toEqual(valid);
      expect(normalizeCompleted(normalizeCompleted(completed)), set).toEqual(valid);
    }
  });

  it("latestAllowedStep is the first step not validly complete", () => {
    for (const completed of SUBSETS) {
      const set = label(completed);
      const latest = latestAllowedStep(completed);
      expect(latest, set).toBe(expectedLatest(completed));
      expect(isStepAllowed(latest, completed), set).toBe(true);
      // Nothing after it is reachable, everything before it is.
      for (const id of WIZARD_STEP_IDS) {
        expect(isStepAllowed(id, completed), `${set}: ${id}`).toBe(stepIndex(id) <= stepIndex(latest));
      }
    }
  });

  it("completing the latest allowed step moves the applicant forward by one (or keeps them on done)", () => {
    for (const completed of SUBSETS) {
      // Stale claims of later steps do not start counting when the gap is filled.
      const latest = latestAllowedStep(completed);
      const next = latestAllowedStep(completeStep(completed, latest));
      expect(stepIndex(next), label(completed)).toBe(Math.min(stepIndex(latest) + 1, WIZARD_STEP_IDS.length - 1));
    }
  });

  it("changing a step drops what it invalidates, nothing else", () => {
    for (const completed of SUBSETS) {
      const valid = expectedValid(completed);
      for (const id of WIZARD_STEP_IDS) {
        const at = `${label(completed)}, changing ${id}`;
        const invalid = invalidatedSteps(id);
        const after = invalidateDependents(completed, id);
        expect(after, at).toEqual(normalizeCompleted(valid.filter((s) => !invalid.has(s))));
        // Completing it with new answers: the step counts (when reachable), what it invalidated is to redo.
        const redone = completeChangedStep(completed, id);
        for (const step of invalid) expect(redone, at).not.toContain(step);
        expect(redone.includes(id), at).toBe(isStepAllowed(id, completed));
        expect(redone, at).toEqual(normalizeCompleted([...valid.filter((s) => !invalid.has(s)), id]));
      }
    }
  });

  it("uncompleting a step drops it and every step after it", () => {
    for (const completed of SUBSETS) {
      const valid = expectedValid(completed);
      for (const id of WIZARD_STEP_IDS) {
        expect(uncompleteStep(completed, id), `${label(completed)}, uncompleting ${id}`).toEqual(valid.filter((s) => stepIndex(s) < stepIndex(id)));
      }
    }
  });
});

describe("the journeys the wizard relies on", () => {
  const ALL_BUT_REVIEW: WizardStepId[] = ["identity", "documents", "password", "captcha"];

  it("starts at the identity step", () => {
    expect(latestAllowedStep([])).toBe("identity");
  });

  it("returns to the review after an unchanged or document-only edit from the review page", () => {
    expect(latestAllowedStep(completeStep(ALL_BUT_REVIEW, "identity"))).toBe("review");
    expect(latestAllowedStep(completeChangedStep(ALL_BUT_REVIEW, "documents"))).toBe("review");
    expect(latestAllowedStep(completeChangedStep(ALL_BUT_REVIEW, "password"))).toBe("review");
    expect(latestAllowedStep(completeChangedStep(ALL_BUT_REVIEW, "captcha"))).toBe("review");
  });

  it("sends the applicant to the password again after a changed identity, keeping the documents", () => {
    const after = completeChangedStep(ALL_BUT_REVIEW, "identity");
    expect(after).toEqual(["identity", "documents"]);
    expect(latestAllowedStep(after)).toBe("password");
  });

  it("after a reload that lost photos, password and captcha, only the identity still counts", () => {
    // The stored list may claim more; steps whose data is gone are dropped by the caller, and the
    // rest by the graph.
    expect(normalizeCompleted(["identity", "password", "captcha"])).toEqual(["identity"]);
    expect(latestAllowedStep(["identity", "password", "captcha"])).toBe("documents");
  });

  it("reaches done only after the review was submitted", () => {
    expect(latestAllowedStep(ALL_BUT_REVIEW)).toBe("review");
    expect(latestAllowedStep([...ALL_BUT_REVIEW, "review"])).toBe("done");
  });
});
