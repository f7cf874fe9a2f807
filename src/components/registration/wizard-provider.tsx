"use client";

/**
 * The wizard's answers, held in the browser for the whole of /daftar. Each step edits its own
 * copy and commits it here once the browser and the server accepted it; `commit` decides whether
 * the answers changed, and the step graph (domain/registration/steps.ts) which steps still count
 * and where "Lanjutkan" leads. Identity answers, the chosen security questions and the completed
 * steps are mirrored to sessionStorage; the password, the security answers, the captcha and the
 * photos live in memory only.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { type CalendarDate } from "@/domain/calendar";
import { type FieldErrors } from "@/domain/errors";
import { type WizardStepId, advance, completeStep, normalizeCompleted, uncompleteStep } from "@/domain/registration/steps";
import { closingDate } from "@/domain/registration/window";
import { type ApiError } from "@/lib/api-client";
import {
  EMPTY_IDENTITY,
  type IdentityForm,
  clearProgress,
  loadProgress,
  saveProgress,
} from "@/lib/wizard-storage";
import type { PasswordField } from "@/schemas/facts/password";

export type AgencyOption = { code: string; name: string; kind: string; formationStatus: string };

export type WizardConfig = { opensAt: string; closesAt: string; agencies: AgencyOption[] };

export type Photo = {
  blob: Blob;
  /** An object URL for previews. */
  url: string;
};

export type PasswordForm = Record<PasswordField, string>;

export const EMPTY_PASSWORD: Readonly<PasswordForm> = {
  password: "",
  passwordConfirm: "",
  securityQuestion1: "",
  securityAnswer1: "",
  securityQuestion2: "",
  securityAnswer2: "",
};

export type Captcha = { id: string; image: string };

/** A refusal the server gave for a step, shown when the applicant gets there. */
export type StepProblem = { code: ApiError["code"]; message: string; fields: FieldErrors };

/** What each step's "Lanjutkan" commits. */
export type StepAnswers = {
  identity: IdentityForm;
  documents: { ktpPhoto: Photo; selfie: Photo };
  password: PasswordForm;
  captcha: { captcha: Captcha; captchaAnswer: string };
};
export type AnsweredStepId = keyof StepAnswers;

type WizardData = {
  identityDraft: IdentityForm;
  identity: IdentityForm | null;
  ktpPhoto: Photo | null;
  selfie: Photo | null;
  password: PasswordForm | null;
  /** Chosen questions survive a reload even before the password step is complete. */
  securityQuestions: { securityQuestion1: string; securityQuestion2: string };
  captcha: Captcha | null;
  captchaAnswer: string;
  completed: WizardStepId[];
  problems: Partial<Record<WizardStepId, StepProblem>>;
};

const INITIAL: WizardData = {
  identityDraft: EMPTY_IDENTITY,
  identity: null,
  ktpPhoto: null,
  selfie: null,
  password: null,
  securityQuestions: { securityQuestion1: "", securityQuestion2: "" },
  captcha: null,
  captchaAnswer: "",
  completed: [],
  problems: {},
};

export type WizardContextValue = WizardData & {
  config: WizardConfig;
  closingDate: CalendarDate;
  /** False until sessionStorage has been read: pages wait for it before redirecting. */
  hydrated: boolean;
  setIdentityDraft: (update: (draft: IdentityForm) => IdentityForm) => void;
  setSecurityQuestions: (questions: { securityQuestion1: string; securityQuestion2: string }) => void;
  setCaptcha: (captcha: Captcha | null) => void;
  /**
   * Keeps a step's accepted answers: the step counts as complete, what depends on it no longer
   * does if they changed. Returns the step "Lanjutkan" leads to.
   */
  commit: <S extends AnsweredStepId>(step: S, answers: StepAnswers[S]) => WizardStepId;
  /** A step the server refused at submission: incomplete again, with the server's message. */
  reopenStep: (step: WizardStepId, problem: StepProblem | null) => void;
  setProblem: (step: WizardStepId, problem: StepProblem | null) => void;
  markSubmitted: () => void;
  reset: () => void;
};

const WizardContext = createContext<WizardContextValue | null>(null);

/**
 * The answers are compared as text: a changed answer invalidates the steps that depend on it.
 * Photos compare by their object URL (a new photo has a new one), not by their bytes.
 */
function sameAnswers(a: unknown, b: unknown): boolean {
  const text = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v instanceof Blob ? undefined : v));
  return text(a) === text(b);
}

/** Each step's answers as the wizard holds them (null before the step was completed), and how new ones are kept. */
const STEP_STORE: {
  [S in AnsweredStepId]: { read: (data: WizardData) => StepAnswers[S] | null; write: (answers: StepAnswers[S]) => Partial<WizardData> };
} = {
  identity: {
    read: (data) => data.identity,
    write: (identity) => ({ identity: { ...identity }, identityDraft: { ...identity } }),
  },
  documents: {
    read: ({ ktpPhoto, selfie }) => (ktpPhoto && selfie ? { ktpPhoto, selfie } : null),
    write: ({ ktpPhoto, selfie }) => ({ ktpPhoto, selfie }),
  },
  password: {
    read: (data) => data.password,
    write: (password) => ({
      password: { ...password },
      securityQuestions: { securityQuestion1: password.securityQuestion1, securityQuestion2: password.securityQuestion2 },
    }),
  },
  captcha: {
    read: ({ captcha, captchaAnswer }) => (captcha ? { captcha, captchaAnswer } : null),
    write: ({ captcha, captchaAnswer }) => ({ captcha, captchaAnswer }),
  },
};

export function WizardProvider({ config, children }: { config: WizardConfig; children: ReactNode }) {
  const [data, setData] = useState<WizardData>(INITIAL);
  const [hydrated, setHydrated] = useState(false);
  const objectUrls = useRef(new Set<string>());
  // What a step commits after its server check is compared with the answers held by then.
  const latest = useRef(data);
  useEffect(() => {
    latest.current = data;
  }, [data]);

  // Read the stored progress once; steps whose data is not stored are incomplete again.
  useEffect(() => {
    const stored = loadProgress();
    if (stored) {
      const kept = stored.completed.filter((step) => step === "identity" && stored.identity !== null);
      setData((current) => ({
        ...current,
        identityDraft: stored.identityDraft,
        identity: stored.identity,
        securityQuestions: { securityQuestion1: stored.securityQuestion1, securityQuestion2: stored.securityQuestion2 },
        completed: normalizeCompleted(kept),
      }));
    }
    setHydrated(true);
  }, []);

  useEffect(() => {
    if (!hydrated) return;
    const empty =
      data.identity === null &&
      data.completed.length === 0 &&
      sameAnswers(data.identityDraft, EMPTY_IDENTITY) &&
      !data.securityQuestions.securityQuestion1 &&
      !data.securityQuestions.securityQuestion2;
    // Nothing to keep (a fresh start, or just after the registration): leave no trace behind.
    if (empty) {
      clearProgress();
      return;
    }
    saveProgress({
      identityDraft: data.identityDraft,
      identity: data.identity,
      securityQuestion1: data.securityQuestions.securityQuestion1,
      securityQuestion2: data.securityQuestions.securityQuestion2,
      completed: data.completed,
    });
  }, [hydrated, data.identityDraft, data.identity, data.securityQuestions, data.completed]);

  useEffect(() => {
    const urls = objectUrls.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  const withoutProblem = (problems: WizardData["problems"], step: WizardStepId) => {
    const { [step]: _removed, ...rest } = problems;
    return rest;
  };

  const commit = useCallback(<S extends AnsweredStepId>(step: S, answers: StepAnswers[S]): WizardStepId => {
    const store = STEP_STORE[step] as (typeof STEP_STORE)[S];
    const before = store.read(latest.current);
    const { completed, next } = advance(latest.current.completed, step, before === null || !sameAnswers(before, answers));
    if (step === "documents") {
      const { ktpPhoto, selfie } = answers as StepAnswers["documents"];
      objectUrls.current.add(ktpPhoto.url).add(selfie.url);
    }
    setData((current) => ({ ...current, ...store.write(answers), problems: withoutProblem(current.problems, step), completed }));
    return next;
  }, []);

  const value = useMemo<WizardContextValue>(
    () => ({
      ...data,
      config,
      closingDate: closingDate({ opensAt: new Date(config.opensAt), closesAt: new Date(config.closesAt) }),
      hydrated,
      setIdentityDraft: (update) => setData((current) => ({ ...current, identityDraft: update(current.identityDraft) })),
      setSecurityQuestions: (questions) => setData((current) => ({ ...current, securityQuestions: questions })),
      setCaptcha: (captcha) => setData((current) => ({ ...current, captcha, captchaAnswer: "" })),
      commit,
      reopenStep: (step, problem) =>
        setData((current) => ({
          ...current,
          completed: uncompleteStep(current.completed, step),
          problems: problem ? { ...current.problems, [step]: problem } : withoutProblem(current.problems, step),
        })),
      setProblem: (step, problem) =>
        setData((current) => ({
          ...current,
          problems: problem ? { ...current.problems, [step]: problem } : withoutProblem(current.problems, step),
        })),
      markSubmitted: () => setData((current) => ({ ...current, completed: completeStep(current.completed, "review") })),
      reset: () => {
        clearProgress();
        setData(INITIAL);
      },
    }),
    [data, config, hydrated, commit],
  );

  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}

export function useWizard(): WizardContextValue {
  const context = useContext(WizardContext);
  if (!context) throw new Error("useWizard must be used inside <WizardProvider>");
  return context;
}
