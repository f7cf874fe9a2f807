/**
 * Where each refusal is fixed when the server names no field: the wizard step, and the field when
 * the refusal is about one field. `null`: nowhere in the form (wait, try again, sign in).
 * A `Record<ErrorCode, …>`, so a new error code does not compile until it is placed here.
 * Type-only imports: a step page reads this without loading every step's schema.
 */
import { type ErrorCode, isErrorCode } from "@/domain/errors";
import type { StepField, StepId } from "@/schemas/facts/index";

export type ErrorPlace = { [S in StepId]: { step: S; field?: StepField<S> } }[StepId];

export const ERROR_PLACES: Readonly<Record<ErrorCode, ErrorPlace | null>> = {
  // Carries `fields`, which name their own places.
  VALIDATION_FAILED: null,
  REGISTRATION_NOT_OPEN: null,
  REGISTRATION_CLOSED: null,
  AGENCY_FORMATION_NOT_VERIFIED: { step: "identity", field: "agencyCode" },
  AGENCY_NOT_FOUND: { step: "identity", field: "agencyCode" },
  // Answered only by "Beri tahu saya" (the agency is open already), never by a wizard step.
  AGENCY_ALREADY_VERIFIED: null,
  CAPTCHA_INVALID: { step: "captcha", field: "captchaAnswer" },
  NIK_NOT_FOUND: { step: "identity", field: "nik" },
  // Which answer differs is not revealed (the registry must not be mined): the step as a whole.
  DUKCAPIL_MISMATCH: { step: "identity" },
  NIK_ALREADY_REGISTERED: { step: "identity", field: "nik" },
  EMAIL_ALREADY_REGISTERED: { step: "identity", field: "email" },
  PHONE_ALREADY_REGISTERED: { step: "identity", field: "phone" },
  // The server names the photo; without that (a proxy's 413), the first photo of the step.
  PAYLOAD_TOO_LARGE: { step: "documents", field: "ktpPhoto" },
  UNSUPPORTED_MEDIA_TYPE: { step: "documents", field: "ktpPhoto" },
  RATE_LIMITED: null,
  // About no field: wait and send again (Retry-After).
  SERVER_BUSY: null,
  UNAUTHORIZED: null,
  FORBIDDEN: null,
  NOT_FOUND: null,
  // The database stayed locked past its busy timeout: try again in a moment, nothing to fix.
  INTERNAL_ERROR: null,
};

/** Where a refusal with this code is fixed; codes the server does not send (a lost connection) have no place. */
export function errorPlace(code: string): ErrorPlace | null {
  return isErrorCode(code) ? ERROR_PLACES[code] : null;
}
