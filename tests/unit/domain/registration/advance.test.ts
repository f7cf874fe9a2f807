import { describe, expect, it } from "vitest";
import { FORM_STEP_IDS, WIZARD_STEP_IDS, advance, completeChangedStep, completeStep, latestAllowedStep } from "@/domain/registration/steps";

const ALL_BUT_REVIEW = ["identity", "documents", "password", "captcha"] as const;

describe("where Lanjutkan leads (advance)", () => {
  it("is the step graph's answer: completed steps and the latest allowed step, in one place", () => {
    for (const id of FORM_STEP_IDS) {
      for (const changed of [false, true]) {
        const completed = changed ? completeChangedStep(ALL_BUT_REVIEW, id) : completeStep(ALL_BUT_REVIEW, id);
        expect(advance(ALL_BUT_REVIEW, id, changed)).toEqual({ completed, next: latestAllowedStep(completed) });
      }
    }
  });

  it("goes on to the next step on the way through, and back to the review after an unchanged Ubah", () => {
    expect(advance([], "identity", true).next).toBe("documents");
    expect(advance(["identity"], "documents", true).next).toBe("password");
    expect(advance(ALL_BUT_REVIEW, "identity", false).next).toBe("review");
    // A changed identity invalidates the password (its rules depend on it) and what follows.
    expect(advance(ALL_BUT_REVIEW, "identity", true)).toEqual({ completed: ["identity", "documents"], next: "password" });
  });

  it("keeps one list of step ids: the form steps, then done", () => {
    expect(WIZARD_STEP_IDS).toEqual([...FORM_STEP_IDS, "done"]);
  });
});
