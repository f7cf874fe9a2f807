/**
 * What the JSON API answers, as zod schemas. The route handlers' answers are typed by these, and
 * `GET /api/openapi.json` publishes them (src/server/openapi/), so the published contract and the
 * code cannot drift apart silently. Requests are described by the step schemas beside this file.
 */
import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/domain/errors";
import { GENDER_LABELS, type Gender } from "@/domain/registration/nik";
import { AGENCY_KINDS, FORMATION_STATUSES } from "@/domain/registration/readiness";

const instant = () => z.iso.datetime({ offset: true }).describe("ISO-8601 instant");

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
const GENDERS = Object.keys(GENDER_LABELS) as [Gender, ...Gender[]];

/** Every error answer (SPEC "HTTP API"): a stable code, an Indonesian message, field messages for 422. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().describe("For the applicant, in Indonesian; never personal data"),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Field name → its messages (e.g. "nik", "ktpPhoto"; "_form" for the request as a whole)'),
    }),
  })
  .describe("An error answer");
export type ApiError = z.output<typeof apiErrorSchema>;

/** `GET /api/registration-window` */
export const registrationWindowAnswerSchema = z.object({
  status: z.enum(["upcoming", "open", "closed"]),
  opensAt: instant(),
  closesAt: instant(),
  now: instant().describe("The server's clock (simulated outside production)"),
});
export type RegistrationWindowAnswer = z.output<typeof registrationWindowAnswerSchema>;

/** One agency, as `GET /api/agencies` lists it and `PATCH /api/admin/agencies/{code}` answers. */
export const agencySummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  formationStatus: z.enum(FORMATION_STATUSES),
});
export type AgencySummary = z.output<typeof agencySummarySchema>;

export const agencyListAnswerSchema = z.array(agencySummarySchema);

/** `POST /api/captcha` */
export const captchaChallengeSchema = z.object({
  id: z.string(),
  image: z.string().startsWith("data:image/").describe("The challenge as a data URL (SVG)"),
});
export type CaptchaChallenge = z.output<typeof captchaChallengeSchema>;

/** `POST /api/registrations/validate`, `POST /api/password-recovery` */
export const okAnswerSchema = z.object({ ok: z.literal(true) });
export type OkAnswer = z.output<typeof okAnswerSchema>;

/** `POST /api/agency-notifications` → 202: the same for a new and an already waiting address. */
export const acceptedAnswerSchema = z.object({ accepted: z.literal(true) });
export type AcceptedAnswer = z.output<typeof acceptedAnswerSchema>;

const registrationNumber = () => z.string().regex(/^\d{15}$/).describe("15 digits: 2023, 10 random digits, a Luhn check digit");

/** `POST /api/registrations` → 201 */
export const registrationReceiptSchema = z.object({
  registrationNumber: registrationNumber(),
  createdAt: instant(),
  cardToken: z.string().describe("Opens the card, summary and photos of this account for 2 hours (`?token=`)"),
});
export type RegistrationReceipt = z.output<typeof registrationReceiptSchema>;

/** `GET /api/registrations/{registrationNumber}`: what the print view of the account card shows. */
export const registrationSummarySchema = z.object({
  registrationNumber: registrationNumber(),
  createdAt: instant(),
  nik: z.string().regex(/^\d{16}$/),
  fullName: z.string(),
  birthPlace: z.string(),
  birthDate: z.iso.date(),
  gender: z.enum(GENDERS),
  agency: z.object({ code: z.string(), name: z.string() }),
});
export type RegistrationSummary = z.output<typeof registrationSummarySchema>;

/** `PUT /api/admin/schedule` → the schedule as saved. */
export const scheduleAnswerSchema = z.object({ opensAt: instant(), closesAt: instant() });
export type ScheduleAnswer = z.output<typeof scheduleAnswerSchema>;
