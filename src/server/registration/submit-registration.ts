import "server-only";
import { z } from "zod";
import { AppError, type FieldErrors } from "@/domain/errors";
import { closingDate, type RegistrationPeriod } from "@/domain/registration/window";
import { makeRegistrationFieldsSchema, REGISTRATION_TEXT_FIELDS, zodIssuesToFieldErrors, type RegistrationFields } from "@/schemas";
import { PHOTO_MESSAGES } from "@/schemas/documents";
import type { RegistrationReceipt as PublishedReceipt } from "@/schemas/api-answers";
import { Busy, type Place } from "@/server/admission";
import { hashSecret } from "@/server/auth/password-hash";
import { consumeCaptcha } from "@/server/captcha/verify-captcha";
import { deps } from "@/server/deps";
import { inspectPhoto, processPhoto } from "@/server/photos/process-photo";
import { checkParsedIdentity } from "@/server/registration/check-identity";
import { createAccount } from "@/server/registration/create-account";
import { createCardToken } from "@/server/registration/card-token";
import { idempotencyRecordKey, parseIdempotencyKey, runIdempotently, sha256 } from "@/server/registration/run-idempotently";
import { reserveRegistrationAttempt } from "@/server/registration/reserve-registration-attempt";
import { normalizeSecurityAnswer } from "@/server/registration/security-answer";
import { claimPlace, PLACE_HEADER } from "@/server/shed-load";

/**
 * What the applicant gets back: `cardToken` opens the account card and print view for 2 hours;
 * `replayed` says this is the outcome of an earlier request with the same Idempotency-Key.
 */
export type RegistrationReceipt = PublishedReceipt & { replayed: boolean };

/** The facts of a created account that a retry is answered with (kept by runIdempotently). */
const createdRegistrationSchema = z.object({ registrationNumber: z.string(), createdAt: z.iso.datetime() });
type CreatedRegistration = z.infer<typeof createdRegistrationSchema>;

export type SubmitRegistrationOptions = {
  /** The open period, as `assertRegistrationIsOpen()` returned it: ages are judged on its closing day. */
  period: RegistrationPeriod;
  /** The `Idempotency-Key` header, if any. */
  idempotencyKey: string | null;
  /** The client's address (src/server/auth/client-ip.ts), for the per-address limit on attempts. */
  clientAddress: string;
  /** The place the request took in the admission limit as it arrived (`holdAdmissionPlace`). */
  place?: Place;
};

/**
 * `POST /api/registrations`: creates the applicant's account and returns its receipt, or throws
 * the AppError that says why not (a retry with the same Idempotency-Key gets the same outcome).
 *
 * Order, cheapest and least revealing first:
 * 1. every text field through the shared schema, and both photos present: all field errors at
 *    once (422); then each photo's size (413) and content type by magic bytes (415);
 * 2. the admission limit (SERVER_BUSY 503 with Retry-After past its short queue: nothing is spent);
 *    then the Idempotency-Key: a retry of an answered submission is answered from the record here;
 * 3. the captcha is consumed (wrong or expired: CAPTCHA_INVALID, the client fetches a new one),
 *    before anything that costs real work or reveals the registry, so neither can be had without
 *    solving a captcha each time; from here on the request is an attempt, counted per client
 *    address and per NIK (RATE_LIMITED past the limits: reserve-registration-attempt.ts);
 * 4. the photos are decoded and re-encoded (corrupt, bomb, too small: 422);
 * 5. agency readiness at this moment, the population registry and uniqueness (checkParsedIdentity);
 * 6. password and security answers hashed with argon2id; photos stored; account + credential
 *    written in one transaction (unique indexes settle races: 409).
 */
export async function submitRegistration(form: FormData, options: SubmitRegistrationOptions): Promise<RegistrationReceipt> {
  const clientKey = parseIdempotencyKey(options.idempotencyKey);

  const fields: FieldErrors = {};
  const parsed = makeRegistrationFieldsSchema({ closingDate: closingDate(options.period) }).safeParse(textFieldsOf(form));
  if (!parsed.success) Object.assign(fields, zodIssuesToFieldErrors(parsed.error));
  const ktpFile = photoFileOf(form, "ktpPhoto");
  const selfieFile = photoFileOf(form, "selfie");
  if (!ktpFile) fields.ktpPhoto = [PHOTO_MESSAGES.ktpPhotoMissing];
  if (!selfieFile) fields.selfie = [PHOTO_MESSAGES.selfieMissing];
  if (!parsed.success || !ktpFile || !selfieFile) throw new AppError("VALIDATION_FAILED", { fields });

  const ktpBytes = new Uint8Array(await ktpFile.arrayBuffer());
  const selfieBytes = new Uint8Array(await selfieFile.arrayBuffer());
  inspectPhoto(ktpBytes, "ktpPhoto");
  inspectPhoto(selfieBytes, "selfie");

  const values = parsed.data;
  const create = () => createRegistration(values, ktpBytes, selfieBytes, options.clientAddress);
  const { value: created, replayed } = await admitted(() =>
    clientKey === null
      ? create().then((value) => ({ value, replayed: false }))
      : runIdempotently(idempotencyRecordKey(clientKey, values.nik), requestFingerprint(values, ktpBytes, selfieBytes), create, {
          schema: createdRegistrationSchema,
        }),
    options.place,
  );
  // Signed from the account's creation time, so a replay hands out the very same token.
  const cardToken = createCardToken(created.registrationNumber, new Date(created.createdAt));
  return { registrationNumber: created.registrationNumber, createdAt: created.createdAt, cardToken, replayed };
}

/**
 * The expensive part waits for its turn behind the admission limit; past the short queue the answer
 * is SERVER_BUSY at once, before any idempotency record is written or captcha consumed, so a retry
 * (with the same Idempotency-Key) loses nothing.
 */
async function admitted<T>(work: () => Promise<T>, place: Place | undefined): Promise<T> {
  try {
    return await deps().admission.run(work, place);
  } catch (error) {
    throw asServerBusy(error);
  }
}

/**
 * The request's place in the admission limit, taken as it arrived, before the handler reads the
 * body: the one the production server's front door took (its token in PLACE_HEADER), else one
 * taken now; SERVER_BUSY at once when there is none. Under a crowd the surplus is turned away in
 * milliseconds instead of after its upload is parsed. The place goes to `submitRegistration`
 * (options.place); the handler gives it back when the request ends, whatever happened. A request
 * whose place lapsed (a slow upload) may still meet a full queue later; `admitted` answers that one.
 */
export function holdAdmissionPlace(request: Request): Place {
  const handedOver = claimPlace(request.headers.get(PLACE_HEADER));
  if (handedOver) return handedOver;
  try {
    return deps().admission.hold();
  } catch (error) {
    throw asServerBusy(error);
  }
}

function asServerBusy(error: unknown): unknown {
  return error instanceof Busy ? new AppError("SERVER_BUSY", { headers: { "Retry-After": String(error.retryAfterSeconds) } }) : error;
}

async function createRegistration(
  values: RegistrationFields,
  ktpBytes: Uint8Array,
  selfieBytes: Uint8Array,
  clientAddress: string,
): Promise<CreatedRegistration> {
  await consumeCaptcha(values.captchaId, values.captchaAnswer);
  const attempt = await reserveRegistrationAttempt(values.nik, clientAddress);
  try {
    const created = await createCheckedRegistration(values, ktpBytes, selfieBytes);
    await attempt.settle();
    return created;
  } catch (error) {
    await attempt.settle(error);
    throw error;
  }
}

async function createCheckedRegistration(values: RegistrationFields, ktpBytes: Uint8Array, selfieBytes: Uint8Array): Promise<CreatedRegistration> {
  const ktpPhoto = await processPhoto(ktpBytes, "ktpPhoto");
  const selfie = await processPhoto(selfieBytes, "selfie");

  await checkParsedIdentity(values);

  const [passwordHash, securityAnswer1Hash, securityAnswer2Hash] = await Promise.all([
    hashSecret(values.password),
    hashSecret(normalizeSecurityAnswer(values.securityAnswer1)),
    hashSecret(normalizeSecurityAnswer(values.securityAnswer2)),
  ]);

  const account = await createAccount({
    identity: values,
    ktpPhotoJpeg: ktpPhoto.bytes,
    selfieJpeg: selfie.bytes,
    credential: {
      passwordHash,
      securityQuestion1: values.securityQuestion1,
      securityAnswer1Hash,
      securityQuestion2: values.securityQuestion2,
      securityAnswer2Hash,
    },
    createdAt: deps().clock.now(),
  });
  return { registrationNumber: account.registrationNumber, createdAt: account.createdAt.toISOString() };
}

/** Text fields as strings; a file sent in a text field counts as missing. */
function textFieldsOf(form: FormData): Record<string, string | undefined> {
  const data: Record<string, string | undefined> = {};
  for (const name of REGISTRATION_TEXT_FIELDS) {
    const value = form.get(name);
    data[name] = typeof value === "string" ? value : undefined;
  }
  return data;
}

/** An uploaded file with content; a text value or an empty file counts as missing. */
function photoFileOf(form: FormData, name: "ktpPhoto" | "selfie"): Blob | null {
  const value = form.get(name);
  return typeof value === "object" && value !== null && value.size > 0 ? value : null;
}

/**
 * What a retry must repeat to be the same submission: the identity as normalized, the security
 * questions and the photos' bytes. The captcha is left out (a retry may carry a fresh one), and so
 * are the password and security answers: the record must hold nothing a password could be guessed
 * from.
 */
function requestFingerprint(values: RegistrationFields, ktpBytes: Uint8Array, selfieBytes: Uint8Array): string {
  const { nik, kk, fullName, birthPlace, birthDate, phone, email, agencyCode, securityQuestion1, securityQuestion2 } = values;
  return sha256(
    JSON.stringify({
      nik,
      kk,
      fullName,
      birthPlace,
      birthDate,
      phone,
      email,
      agencyCode,
      securityQuestion1,
      securityQuestion2,
      ktpPhoto: sha256(ktpBytes),
      selfie: sha256(selfieBytes),
    }),
  );
}
