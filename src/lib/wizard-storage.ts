/**
 * What of the wizard survives a reload: the identity answers, the chosen security questions and
 * which steps were complete, never the password, the security answers, the captcha or the photos.
 * After the registration, only its number and card token. All of it in sessionStorage: it
 * survives a reload but not the closing of the tab, so a NIK and KK typed on a shared computer
 * (an internet café, an office) are not left behind for the next person.
 */
import { isWizardStepId, type WizardStepId } from "@/domain/registration/steps";
import type { IdentityField } from "@/schemas/facts/identity";

export const PROGRESS_KEY = "sscasn:daftar:v1";
export const DONE_KEY = "sscasn:daftar:selesai";

/** The identity step's answers as typed; the compiler holds its keys to the schema's fields. */
export type IdentityForm = Record<IdentityField, string>;

export const EMPTY_IDENTITY: Readonly<IdentityForm> = {
  nik: "",
  kk: "",
  fullName: "",
  birthPlace: "",
  birthDate: "",
  phone: "",
  email: "",
  agencyCode: "",
};

export type StoredProgress = {
  /** As typed, submitted or not. */
  identityDraft: IdentityForm;
  /** As last accepted by the server (null before that). */
  identity: IdentityForm | null;
  securityQuestion1: string;
  securityQuestion2: string;
  completed: WizardStepId[];
};

/**
 * What the done page needs after a reload: the registration number only. The card token is an
 * HttpOnly cookie the server set with the 201 (scripts cannot read it, and it never goes in a URL).
 */
export type DoneRecord = { registrationNumber: string };

function readIdentity(value: unknown): IdentityForm | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const identity = { ...EMPTY_IDENTITY };
  for (const field of Object.keys(EMPTY_IDENTITY) as IdentityField[]) {
    const text = record[field];
    if (typeof text === "string") identity[field] = text.slice(0, 200);
  }
  return identity;
}

function storage(kind: "sessionStorage"): Storage | null {
  try {
    return typeof window === "undefined" ? null : window[kind];
  } catch {
    // Storage can be disabled (private modes, strict settings): the wizard then simply forgets.
    return null;
  }
}

export function loadProgress(): StoredProgress | null {
  const raw = storage("sessionStorage")?.getItem(PROGRESS_KEY);
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    return {
      identityDraft: readIdentity(data.identityDraft) ?? { ...EMPTY_IDENTITY },
      identity: readIdentity(data.identity),
      securityQuestion1: typeof data.securityQuestion1 === "string" ? data.securityQuestion1 : "",
      securityQuestion2: typeof data.securityQuestion2 === "string" ? data.securityQuestion2 : "",
      completed: Array.isArray(data.completed) ? data.completed.filter(isWizardStepId) : [],
    };
  } catch {
    return null;
  }
}

export function saveProgress(progress: StoredProgress): void {
  try {
    storage("sessionStorage")?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // A full or disabled storage only costs the reload convenience.
  }
}

export function clearProgress(): void {
  try {
    storage("sessionStorage")?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing to clear.
  }
}

export function saveDone(record: DoneRecord): void {
  try {
    storage("sessionStorage")?.setItem(DONE_KEY, JSON.stringify(record));
  } catch {
    // The done page then shows what it got in memory only.
  }
}

export function loadDone(): DoneRecord | null {
  const raw = storage("sessionStorage")?.getItem(DONE_KEY);
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    if (typeof data.registrationNumber === "string") return { registrationNumber: data.registrationNumber };
  } catch {
    // Fall through.
  }
  return null;
}
