import "server-only";
import { z } from "zod";
import { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorCode } from "@/domain/errors";
import { STEP_IDS, STEP_SCHEMAS, type StepId } from "@/schemas";
import { agencyFormationSchema, applicantSearchSchema, scheduleSchema } from "@/schemas/admin";
import { agencyNotificationSchema } from "@/schemas/agency-notification";
import {
  acceptedAnswerSchema,
  agencyListAnswerSchema,
  agencySummarySchema,
  apiErrorSchema,
  applicantSearchAnswerSchema,
  captchaChallengeSchema,
  okAnswerSchema,
  registrationReceiptSchema,
  registrationSummarySchema,
  registrationWindowAnswerSchema,
  scheduleAnswerSchema,
} from "@/schemas/api-answers";
import { ACCEPTED_PHOTO_TYPES, MAX_UPLOAD_BYTES } from "@/schemas/documents";
import { passwordRecoverySchema } from "@/schemas/password-recovery";
import { RATE_LIMITS } from "@/server/rate-limit";
import { CARD_TOKEN_COOKIE } from "@/server/registration/card-token";
import { IDENTITY_REFUSAL_CODES } from "@/server/registration/check-identity";

/**
 * The OpenAPI 3.1 description of the JSON API (`GET /api/openapi.json`), generated from the very
 * zod schemas the handlers parse requests with and type their answers by (zod 4's own
 * `z.toJSONSchema`, whose default dialect, JSON Schema 2020-12, is OpenAPI 3.1's). Only what zod
 * cannot know is written here: paths, methods, which errors an operation can answer, prose.
 * tests/unit/openapi/ checks it against the route files on disk, ERROR_STATUS and the schemas.
 */

type JsonSchema = Record<string, unknown>;
type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A zod schema as an OpenAPI 3.1 schema: what a client sends (`input`) or receives (`output`). */
export function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // Transforms and refinements are checks the server runs; the document shows the shape they accept.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The wizard's step schemas, by component name (`IdentityStep`, `DocumentsStep`, …). */
export function stepComponentName(step: StepId): string {
  return `${step.charAt(0).toUpperCase()}${step.slice(1)}Step`;
}

/** Request bodies: parsed with these schemas by the handlers (see each operation). */
export const REQUEST_COMPONENTS: Record<string, z.ZodType> = {
  ...Object.fromEntries(STEP_IDS.map((step) => [stepComponentName(step), STEP_SCHEMAS[step]])),
  AgencyFormationChange: agencyFormationSchema,
  ScheduleChange: scheduleSchema,
  PasswordRecovery: passwordRecoverySchema,
  AgencyNotification: agencyNotificationSchema,
  ApplicantSearch: applicantSearchSchema,
};

/** Answers: the handlers' answers are typed by these (src/schemas/api-answers.ts). */
export const ANSWER_COMPONENTS: Record<string, z.ZodType> = {
  Error: apiErrorSchema,
  RegistrationWindow: registrationWindowAnswerSchema,
  Agency: agencySummarySchema,
  AgencyList: agencyListAnswerSchema,
  CaptchaChallenge: captchaChallengeSchema,
  Ok: okAnswerSchema,
  Accepted: acceptedAnswerSchema,
  RegistrationReceipt: registrationReceiptSchema,
  RegistrationSummary: registrationSummarySchema,
  Schedule: scheduleAnswerSchema,
  ApplicantSearchAnswer: applicantSearchAnswerSchema,
};

/** Component name of the error answer with this code. */
export function errorComponentName(code: ErrorCode): string {
  return `Error.${code}`;
}

/** Headers that come with an error code. */
const ERROR_HEADERS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  RATE_LIMITED: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
  SERVER_BUSY: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
};

type Answer =
  | { status: number; description: string; json: string; headers?: Record<string, unknown> }
  /** A redirect: no body, the headers say where. */
  | { status: number; description: string; headers: Record<string, unknown> }
  | { status: number; description: string; media: string; schema: JsonSchema; headers?: Record<string, unknown> };

type Operation = {
  path: string;
  method: HttpMethod;
  operationId: string;
  tag: "Pendaftaran" | "Akun" | "Admin" | "Dokumentasi";
  summary: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Record<string, unknown>[];
  requestBody?: Record<string, unknown>;
  answer: Answer;
  /** The errors this operation can answer, besides INTERNAL_ERROR (every operation can). */
  errors: ErrorCode[];
};

const jsonBody = (schema: unknown, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

const registrationNumberParameter = {
  name: "registrationNumber",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^\\d{15}$" },
};

const CARD_ACCESS: Record<string, string[]>[] = [{ cardToken: [] }, { cardTokenCookie: [] }, { session: [] }];
const ADMIN_ONLY: Record<string, string[]>[] = [{ session: [] }];

/**
 * What every operation that queries the database can answer when it stays locked past its busy
 * timeout (SQLite's write lock, src/server/sqlite-adapter.ts) or a query times out (PostgreSQL):
 * 503 with Retry-After, never a 500 (src/server/http.ts).
 */
const DATABASE_ERRORS: ErrorCode[] = ["SERVER_BUSY"];

/** Codes every body-reading JSON handler can answer before it parses anything. */
const JSON_BODY_ERRORS: ErrorCode[] = ["UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE", "VALIDATION_FAILED"];

/** `POST /api/registrations/validate`: one variant per wizard step, `data` parsed by that step's schema. */
function validateRequestSchema(): JsonSchema {
  return {
    oneOf: STEP_IDS.map((step) => ({
      type: "object",
      properties: {
        step: { const: step },
        data: ref(stepComponentName(step)),
        ...(step === "password"
          ? { identity: { ...ref(stepComponentName("identity")), description: "The identity step's answers, so the password is judged against them" } }
          : {}),
      },
      required: ["step", "data"],
    })),
  };
}

/** `POST /api/registrations`: the identity, password and captcha steps' fields, and both photos as files. */
function registrationFormSchema(): JsonSchema {
  const photo = (description: string) => ({ type: "string", contentMediaType: "application/octet-stream", description });
  return {
    allOf: [
      ref(stepComponentName("identity")),
      ref(stepComponentName("password")),
      ref(stepComponentName("captcha")),
      {
        type: "object",
        properties: {
          ktpPhoto: photo(`The KTP photo: JPEG or PNG by content, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; re-encoded to JPEG without metadata`),
          selfie: photo(`The selfie taken with the webcam: JPEG or PNG by content, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
        },
        required: ["ktpPhoto", "selfie"],
      },
    ],
  };
}

const OPERATIONS: Operation[] = [
  {
    path: "/api/registration-window",
    method: "get",
    operationId: "getRegistrationWindow",
    tag: "Pendaftaran",
    summary: "The registration window and the server's clock",
    answer: { status: 200, description: "The window as the server's clock sees it now", json: "RegistrationWindow" },
    errors: [...DATABASE_ERRORS],
  },
  {
    path: "/api/agencies",
    method: "get",
    operationId: "listAgencies",
    tag: "Pendaftaran",
    summary: "Every agency and whether its formation is verified",
    description: "Accounts are refused for an agency whose formation is still IN_VERIFICATION.",
    answer: { status: 200, description: "Agencies by name", json: "AgencyList" },
    errors: [...DATABASE_ERRORS],
  },
  {
    path: "/api/captcha",
    method: "post",
    operationId: "createCaptcha",
    tag: "Pendaftaran",
    summary: "A fresh captcha: single use, valid for 5 minutes, answered case-insensitively",
    description: "Limited per client address (600 per 10 minutes). Takes no body: at most 1 KiB of one is read (413 past it).",
    answer: { status: 200, description: "The challenge", json: "CaptchaChallenge" },
    errors: ["PAYLOAD_TOO_LARGE", "RATE_LIMITED", ...DATABASE_ERRORS],
  },
  {
    path: "/api/captcha/{id}/audio",
    method: "get",
    operationId: "getCaptchaAudio",
    tag: "Pendaftaran",
    summary: "The captcha's digits spoken in Indonesian (WCAG 1.1.1): listening does not use the captcha up",
    description: "Limited like new captchas (per client address). 404 once the captcha is used or expired.",
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    answer: { status: 200, description: "A WAV file", media: "audio/wav", schema: { type: "string", contentMediaType: "audio/wav" } },
    errors: ["NOT_FOUND", "RATE_LIMITED", ...DATABASE_ERRORS],
  },
  {
    path: "/api/agency-notifications",
    method: "post",
    operationId: "subscribeAgencyNotification",
    tag: "Pendaftaran",
    summary: "\"Beri tahu saya\": one email when an agency in verification is verified",
    description:
      "The same 202 whether or not the address was already waiting; the address is kept only until its mail is sent. Limited per client address and per email address.",
    requestBody: jsonBody(ref("AgencyNotification")),
    answer: { status: 202, description: "The address will be told once", json: "Accepted" },
    errors: [...JSON_BODY_ERRORS, "AGENCY_NOT_FOUND", "AGENCY_ALREADY_VERIFIED", "RATE_LIMITED", ...DATABASE_ERRORS],
  },
  ...(["get", "post"] as const).map(
    (method): Operation => ({
      path: "/api/agency-notifications/unsubscribe",
      method,
      operationId: method === "get" ? "unsubscribeAgencyNotificationsLink" : "unsubscribeAgencyNotificationsOneClick",
      tag: "Pendaftaran",
      summary:
        method === "get"
          ? "The unsubscribe link of a \"Beri tahu saya\" mail: forgets the address and shows a page that says so"
          : "One-click unsubscribe (RFC 8058 List-Unsubscribe-Post), sent by mail programs; its body (`List-Unsubscribe=One-Click`) is read within 1 KiB and not needed",
      parameters: [{ name: "token", in: "query", required: true, schema: { type: "string" }, description: "The signed token from the mail" }],
      answer:
        method === "get"
          ? { status: 303, description: "To /pemberitahuan/berhenti, which says whether it worked", headers: { Location: { schema: { type: "string" } } } }
          : { status: 200, description: "The address is forgotten", json: "Ok" },
      errors: method === "get" ? [...DATABASE_ERRORS] : ["PAYLOAD_TOO_LARGE", "VALIDATION_FAILED", ...DATABASE_ERRORS],
    }),
  ),
  {
    path: "/api/registrations/validate",
    method: "post",
    operationId: "validateRegistrationStep",
    tag: "Pendaftaran",
    summary: "Checks one wizard step with the same schema the browser uses, plus the server's own checks",
    description:
      "The window is checked before the body is read. `identity` also checks the agency, the population registry and uniqueness; `password` is judged against `identity` when given; `captcha` checks the answer: a right one stays valid for the submission (which consumes it once), a wrong or expired one is burnt (CAPTCHA_INVALID). Limited per client address (600 per 10 minutes).",
    requestBody: jsonBody(validateRequestSchema()),
    answer: { status: 200, description: "The step is valid", json: "Ok" },
    errors: ["REGISTRATION_NOT_OPEN", "REGISTRATION_CLOSED", "RATE_LIMITED", ...JSON_BODY_ERRORS, "CAPTCHA_INVALID", ...IDENTITY_REFUSAL_CODES, ...DATABASE_ERRORS],
  },
  {
    path: "/api/registrations",
    method: "post",
    operationId: "submitRegistration",
    tag: "Pendaftaran",
    summary: "Creates the account (the final \"Iya\")",
    description:
      "All or nothing; the captcha is consumed once. With an `Idempotency-Key`, a retry gets the first answer again (header `Idempotency-Replayed: true`). When the server is overloaded it answers SERVER_BUSY at once with `Retry-After`; sending again later with the same key is safe. Order of checks: docs/decisions/0002-registration-submission.md. " +
      `Attempts are limited per client address (${RATE_LIMITS.REGISTRATION.limit} per ${RATE_LIMITS.REGISTRATION.windowMs / 3_600_000} hour) and per NIK (${RATE_LIMITS.REGISTRATION_NIK.limit} per ${RATE_LIMITS.REGISTRATION_NIK.windowMs / 3_600_000} hours): ` +
      "an attempt is a submission with well-formed fields and a right captcha that is not a replay; past a limit, RATE_LIMITED with Retry-After.",
    parameters: [
      {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "1–100 visible ASCII characters, one per confirmation",
        schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,100}$" },
      },
    ],
    requestBody: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: registrationFormSchema(),
          encoding: {
            ktpPhoto: { contentType: ACCEPTED_PHOTO_TYPES.join(", ") },
            selfie: { contentType: ACCEPTED_PHOTO_TYPES.join(", ") },
          },
        },
      },
    },
    answer: {
      status: 201,
      description: "The account was created",
      json: "RegistrationReceipt",
      headers: {
        "Idempotency-Replayed": { description: "`true` when this is the stored answer to an earlier request with the same key", schema: { const: "true" } },
        "Set-Cookie": { description: `The card token as the \`${CARD_TOKEN_COOKIE}\` cookie (see the \`cardTokenCookie\` security scheme)`, schema: { type: "string" } },
      },
    },
    errors: ["REGISTRATION_NOT_OPEN", "REGISTRATION_CLOSED", ...JSON_BODY_ERRORS, "CAPTCHA_INVALID", ...IDENTITY_REFUSAL_CODES, "RATE_LIMITED", ...DATABASE_ERRORS],
  },
  {
    path: "/api/registrations/{registrationNumber}",
    method: "get",
    operationId: "getRegistrationSummary",
    tag: "Akun",
    summary: "What the account card's print view shows",
    description: "For the card token from the 201, the signed-in owner, or an admin (each admin view is audited).",
    security: CARD_ACCESS,
    parameters: [registrationNumberParameter],
    answer: { status: 200, description: "The account's card data", json: "RegistrationSummary" },
    errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", ...DATABASE_ERRORS],
  },
  {
    path: "/api/registrations/{registrationNumber}/card",
    method: "get",
    operationId: "getAccountCard",
    tag: "Akun",
    summary: "The Kartu Informasi Akun as a PDF download",
    security: CARD_ACCESS,
    parameters: [registrationNumberParameter],
    answer: {
      status: 200,
      description: "The card",
      media: "application/pdf",
      schema: { type: "string", contentMediaType: "application/pdf" },
      headers: { "Content-Disposition": { schema: { type: "string" } } },
    },
    errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", ...DATABASE_ERRORS],
  },
  {
    path: "/api/registrations/{registrationNumber}/photos/{kind}",
    method: "get",
    operationId: "getAccountPhoto",
    tag: "Akun",
    summary: "The account's KTP photo or selfie (JPEG)",
    security: CARD_ACCESS,
    parameters: [registrationNumberParameter, { name: "kind", in: "path", required: true, schema: { enum: ["ktp", "selfie"] } }],
    answer: { status: 200, description: "The photo", media: "image/jpeg", schema: { type: "string", contentMediaType: "image/jpeg" } },
    errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", ...DATABASE_ERRORS],
  },
  {
    path: "/api/password-recovery",
    method: "post",
    operationId: "recoverPassword",
    tag: "Akun",
    summary: "Sets a new password with NIK, KK, birth date, one security answer and a captcha",
    description: "One answer for every mismatch; throttled like sign-in. Ends every session of the account.",
    requestBody: jsonBody(ref("PasswordRecovery")),
    answer: { status: 200, description: "The password was changed", json: "Ok" },
    errors: [...JSON_BODY_ERRORS, "CAPTCHA_INVALID", "RATE_LIMITED", ...DATABASE_ERRORS],
  },
  ...(["get", "post"] as const).map(
    (method): Operation => ({
      path: "/api/auth/{nextauth}",
      method,
      operationId: method === "get" ? "authGet" : "authPost",
      tag: "Akun",
      summary: method === "get" ? "next-auth: session, csrf, providers" : "next-auth: sign in, sign out",
      description:
        "next-auth 4's own protocol (its answers are next-auth's, not described here); `{nextauth}` stands for one or more path segments, e.g. `session`, `csrf`, `callback/applicant`, `callback/admin`, `signout`. " +
        (method === "post"
          ? "Sign-in forms (`application/x-www-form-urlencoded`) carry `csrfToken` and, for `applicant`, `nik` and `password`, for `admin`, `username` and `password`; `captchaId` and `captchaAnswer` once a captcha is asked for. A throttled sign-in is answered 429 before next-auth runs. The body is read within 16 KiB (413 past it); a JSON body that does not parse is 422."
          : "`callback/…` is 404: every provider is a credentials one, which has no GET callback."),
      parameters: [{ name: "nextauth", in: "path", required: true, schema: { type: "string" } }],
      ...(method === "post"
        ? {
            requestBody: {
              required: false,
              content: { "application/x-www-form-urlencoded": { schema: { type: "object", additionalProperties: { type: "string" } } } },
            },
          }
        : {}),
      answer: { status: 200, description: "next-auth's answer (JSON, or a redirect)", media: "application/json", schema: {} },
      errors: method === "post" ? ["PAYLOAD_TOO_LARGE", "VALIDATION_FAILED", "RATE_LIMITED", ...DATABASE_ERRORS] : ["NOT_FOUND"],
    }),
  ),
  {
    path: "/api/admin/agencies/{code}",
    method: "patch",
    operationId: "setAgencyFormationStatus",
    tag: "Admin",
    summary: "Marks an agency's formation verified (or back in verification); effective at once, audit-logged",
    security: ADMIN_ONLY,
    parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
    requestBody: jsonBody(ref("AgencyFormationChange")),
    answer: { status: 200, description: "The agency as saved", json: "Agency" },
    errors: ["UNAUTHORIZED", "FORBIDDEN", ...JSON_BODY_ERRORS, "NOT_FOUND", ...DATABASE_ERRORS],
  },
  {
    path: "/api/admin/schedule",
    method: "put",
    operationId: "setSchedule",
    tag: "Admin",
    summary: "Moves the registration window (closing after opening), audit-logged",
    security: ADMIN_ONLY,
    requestBody: jsonBody(ref("ScheduleChange")),
    answer: { status: 200, description: "The schedule as saved", json: "Schedule" },
    errors: ["UNAUTHORIZED", "FORBIDDEN", ...JSON_BODY_ERRORS, ...DATABASE_ERRORS],
  },
  {
    path: "/api/admin/applicant-search",
    method: "post",
    operationId: "searchApplicant",
    tag: "Admin",
    summary: "Finds an applicant by NIK or registration number (\"Cari Pelamar\"); each applicant shown is audit-logged",
    description: "A POST, so that the NIK travels in the body and never in a URL (access logs, browser history).",
    security: ADMIN_ONLY,
    requestBody: jsonBody(ref("ApplicantSearch")),
    answer: { status: 200, description: "The applicant, or null when no account matches", json: "ApplicantSearchAnswer" },
    errors: ["UNAUTHORIZED", "FORBIDDEN", ...JSON_BODY_ERRORS, ...DATABASE_ERRORS],
  },
  {
    path: "/api/openapi.json",
    method: "get",
    operationId: "getOpenApiDocument",
    tag: "Dokumentasi",
    summary: "This document",
    answer: { status: 200, description: "The OpenAPI 3.1 document", media: "application/json", schema: { type: "object" } },
    errors: [],
  },
];

function errorResponses(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([...codes, "INTERNAL_ERROR"])) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, group]) => {
        const refs = group.map((code) => ref(errorComponentName(code)));
        const headers = Object.assign({}, ...group.map((code) => ERROR_HEADERS[code] ?? {})) as Record<string, unknown>;
        return [
          String(status),
          {
            description: group.join(", "),
            ...(Object.keys(headers).length ? { headers } : {}),
            content: { "application/json": { schema: refs.length === 1 ? refs[0] : { oneOf: refs } } },
          },
        ];
      }),
  );
}

function answerResponse(answer: Answer): Record<string, unknown> {
  const content =
    "json" in answer ? { "application/json": { schema: ref(answer.json) } } : "media" in answer ? { [answer.media]: { schema: answer.schema } } : null;
  return { description: answer.description, ...(answer.headers ? { headers: answer.headers } : {}), ...(content ? { content } : {}) };
}

function errorComponents(): Record<string, JsonSchema> {
  return Object.fromEntries(
    (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => [
      errorComponentName(code),
      {
        description: `HTTP ${ERROR_STATUS[code]}. ${DEFAULT_MESSAGES[code]}`,
        "x-status": ERROR_STATUS[code],
        allOf: [ref("Error")],
        properties: { error: { properties: { code: { const: code } } } },
      },
    ]),
  );
}

function errorTable(): string {
  const rows = (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${DEFAULT_MESSAGES[code]} |`);
  return ["| code | status | default message |", "|---|---|---|", ...rows].join("\n");
}

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Partial<Record<HttpMethod, Record<string, unknown>>>>;
  components: { schemas: Record<string, JsonSchema> } & Record<string, unknown>;
} & Record<string, unknown>;

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) {
    const { path, method, tag, answer, errors, ...rest } = operation;
    (paths[path] ??= {})[method] = {
      ...rest,
      tags: [tag],
      responses: { [String(answer.status)]: answerResponse(answer), ...errorResponses(errors) },
    };
  }
  const schemas: Record<string, JsonSchema> = {
    ...Object.fromEntries(Object.entries(REQUEST_COMPONENTS).map(([name, schema]) => [name, toOpenApiSchema(schema, "input")])),
    ...Object.fromEntries(Object.entries(ANSWER_COMPONENTS).map(([name, schema]) => [name, toOpenApiSchema(schema, "output")])),
    ...errorComponents(),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "SSCASN Buat Akun API",
      version: "1.0.0",
      description: [
        "The account registration (Buat Akun) of SSCASN for CPNS 2023. Generated from the zod schemas the server parses with.",
        "Every error is `{ \"error\": { \"code\", \"message\", \"fields\"? } }`; messages are Indonesian and carry no personal data.",
        errorTable(),
      ].join("\n\n"),
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "Pendaftaran", description: "The registration wizard" },
      { name: "Akun", description: "The account card, sign-in and password recovery" },
      { name: "Admin", description: "The admin console (an admin session is required)" },
      { name: "Dokumentasi", description: "This description" },
    ],
    paths,
    components: {
      schemas,
      headers: {
        RetryAfter: { description: "Seconds to wait before trying again", schema: { type: "string", pattern: "^\\d+$" } },
      },
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The next-auth session cookie (`__Secure-next-auth.session-token` in production), set by signing in through /api/auth",
        },
        cardToken: {
          type: "http",
          scheme: "bearer",
          description: "The `cardToken` of the registration's 201 answer, valid for 2 hours, as `Authorization: Bearer <cardToken>` (API clients). Never in the URL: `?token=` is not read",
        },
        cardTokenCookie: {
          type: "apiKey",
          in: "cookie",
          name: CARD_TOKEN_COOKIE,
          description:
            "The same token as the cookie the 201 sets for the browser: HttpOnly, SameSite=Strict, Path `/api/registrations/{registrationNumber}`, until the token expires",
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** Built once per process: it depends on the code only. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
