/**
 * The published API description against what the handlers really answer: each answer below, got
 * from the route handlers against a real database, must be documented for its operation and
 * status, and its JSON body must validate against the documented schema (JSON Schema 2020-12,
 * with Ajv). An error's code must be one of the codes documented under its status.
 */
import { dereference } from "@readme/openapi-parser";
import Ajv2020Module from "ajv/dist/2020.js";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as agencyRoute from "@/app/api/admin/agencies/[code]/route";
import * as scheduleRoute from "@/app/api/admin/schedule/route";
import * as agenciesRoute from "@/app/api/agencies/route";
import * as captchaRoute from "@/app/api/captcha/route";
import * as openapiRoute from "@/app/api/openapi.json/route";
import * as recoveryRoute from "@/app/api/password-recovery/route";
import * as windowRoute from "@/app/api/registration-window/route";
import * as cardRoute from "@/app/api/registrations/[registrationNumber]/card/route";
import * as photoRoute from "@/app/api/registrations/[registrationNumber]/photos/[kind]/route";
import * as summaryRoute from "@/app/api/registrations/[registrationNumber]/route";
import * as submitRoute from "@/app/api/registrations/route";
import * as validateRoute from "@/app/api/registrations/validate/route";
import { buildOpenApiDocument, type OpenApiDocument } from "@/server/openapi/build-openapi-document";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, submissionRequest } from "../setup/registration-harness";
import { session } from "../setup/session-mock";
import { jsonRequest, useTestServer } from "../setup/test-server";

// Route handlers run outside a Next request here: the session lookup is one the tests control.
vi.mock("@/server/auth/session", async (importOriginal) => (await import("../setup/session-mock")).mockSessionModule(importOriginal));

type Json = Record<string, any>;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
// Unknown keywords (x-status) are annotations; formats are backed by zod's own patterns.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

const server = useTestServer();
const routes = {
  window: windowRoute,
  agencies: agenciesRoute,
  captcha: captchaRoute,
  validate: validateRoute,
  submit: submitRoute,
  summary: summaryRoute,
  card: cardRoute,
  photo: photoRoute,
};
const admin = { agency: agencyRoute, schedule: scheduleRoute, recovery: recoveryRoute, openapi: openapiRoute };
let doc: OpenApiDocument;
const seen = new Set<string>();

beforeAll(async () => {
  doc = (await dereference(structuredClone(buildOpenApiDocument()) as never, { resolve: { external: false } })) as unknown as OpenApiDocument;
  await server.prisma.adminUser.create({ data: { id: "admin-1", username: "admin", passwordHash: "x" } });
});
beforeEach(() => {
  session.user = null;
});

/** Checks the answer against the document and returns its JSON body (null for other media). */
async function documented(apiPath: string, method: string, response: Response): Promise<Json | null> {
  const operation = (doc.paths[apiPath] as Json | undefined)?.[method] as Json | undefined;
  expect(operation, `${method} ${apiPath} is documented`).toBeDefined();
  const documentedResponse = operation!.responses[String(response.status)] as Json | undefined;
  expect(documentedResponse, `${method} ${apiPath} documents ${response.status}`).toBeDefined();
  seen.add(`${method} ${apiPath} ${response.status}`);
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const media = documentedResponse!.content as Record<string, Json>;
  expect(Object.keys(media), `${method} ${apiPath} ${response.status} content type`).toContain(type);
  if (type !== "application/json") return null;
  const body = (await response.json()) as Json;
  const validateBody = ajv.compile(media[type]!.schema as object);
  expect(validateBody(body), `${method} ${apiPath} ${response.status}: ${ajv.errorsText(validateBody.errors)}`).toBe(true);
  return body;
}

const validateStep = (body: unknown, headers: Record<string, string> = {}) => routes.validate.POST(jsonRequest("/api/registrations/validate", body, { headers }));

describe("the public registration routes answer as documented", () => {
  it("window, agencies, captcha", async () => {
    expect(await documented("/api/registration-window", "get", await routes.window.GET())).toMatchObject({ status: "open" });
    const agencies = await documented("/api/agencies", "get", await routes.agencies.GET());
    expect(agencies?.length).toBeGreaterThan(10);
    const captcha = await documented("/api/captcha", "post", await routes.captcha.POST(new Request("http://localhost/api/captcha", { method: "POST" })));
    expect(captcha?.image).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("validation: ok, field errors, a refusal, a wrong content type", async () => {
    expect(await documented("/api/registrations/validate", "post", await validateStep({ step: "identity", data: BUDI }))).toEqual({ ok: true });
    const invalid = await documented("/api/registrations/validate", "post", await validateStep({ step: "identity", data: { ...BUDI, nik: "123" } }));
    expect(invalid?.error).toMatchObject({ code: "VALIDATION_FAILED", fields: { nik: expect.any(Array) } });
    const refused = await documented("/api/registrations/validate", "post", await validateStep({ step: "identity", data: { ...BUDI, agencyCode: "KEMHAN" } }));
    expect(refused?.error.code).toBe("AGENCY_FORMATION_NOT_VERIFIED");
    const wrongType = await routes.validate.POST(new Request("http://localhost/api/registrations/validate", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }));
    expect((await documented("/api/registrations/validate", "post", wrongType))?.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("a registration, its card, summary and photos, and the same NIK again", async () => {
    const form = async () => registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) });
    const receipt = await documented("/api/registrations", "post", await routes.submit.POST(submissionRequest(await form())));
    expect(receipt).toMatchObject({ registrationNumber: expect.stringMatching(/^\d{15}$/) });
    const n = receipt!.registrationNumber as string;
    const bearer = { headers: { authorization: `Bearer ${receipt!.cardToken as string}` } };
    const params = { params: Promise.resolve({ registrationNumber: n }) };

    const summary = await documented("/api/registrations/{registrationNumber}", "get", await routes.summary.GET(new Request(`http://localhost/api/registrations/${n}`, bearer), params));
    expect(summary).toMatchObject({ registrationNumber: n, gender: "LAKI_LAKI", agency: { code: BUDI.agencyCode } });
    await documented("/api/registrations/{registrationNumber}/card", "get", await routes.card.GET(new Request(`http://localhost/api/registrations/${n}/card`, bearer), params));
    await documented(
      "/api/registrations/{registrationNumber}/photos/{kind}",
      "get",
      await routes.photo.GET(new Request(`http://localhost/api/registrations/${n}/photos/selfie`, bearer), { params: Promise.resolve({ registrationNumber: n, kind: "selfie" }) }),
    );
    const anonymous = await documented("/api/registrations/{registrationNumber}", "get", await routes.summary.GET(new Request(`http://localhost/api/registrations/${n}`), params));
    expect(anonymous?.error.code).toBe("UNAUTHORIZED");

    const again = await documented("/api/registrations", "post", await routes.submit.POST(submissionRequest(await form())));
    expect(again?.error.code).toBe("NIK_ALREADY_REGISTERED");
  });

  it("password recovery that does not match", async () => {
    const body = {
      nik: BUDI.nik,
      kk: BUDI.kk,
      birthDate: BUDI.birthDate,
      securityQuestion: "SEKOLAH_DASAR",
      securityAnswer: "jawaban yang salah",
      newPassword: "sandi baru yang cukup panjang",
      newPasswordConfirm: "sandi baru yang cukup panjang",
      ...(await solveCaptcha(server.prisma)),
    };
    const answer = await documented("/api/password-recovery", "post", await admin.recovery.POST(jsonRequest("/api/password-recovery", body)));
    expect(answer?.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("the admin routes answer as documented", () => {
  const patch = (code: string, body: unknown) =>
    admin.agency.PATCH(
      new Request(`http://localhost/api/admin/agencies/${code}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      { params: Promise.resolve({ code }) },
    );
  const put = (body: unknown) =>
    admin.schedule.PUT(new Request("http://localhost/api/admin/schedule", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

  it("without a session, with an admin's, and for an unknown agency", async () => {
    expect((await documented("/api/admin/agencies/{code}", "patch", await patch("KEMHAN", { formationStatus: "VERIFIED" })))?.error.code).toBe("UNAUTHORIZED");
    session.user = { id: "admin-1", role: "ADMIN", name: "admin" };
    expect(await documented("/api/admin/agencies/{code}", "patch", await patch("KEMHAN", { formationStatus: "VERIFIED" }))).toMatchObject({ formationStatus: "VERIFIED" });
    expect((await documented("/api/admin/agencies/{code}", "patch", await patch("TIDAK-ADA", { formationStatus: "VERIFIED" })))?.error.code).toBe("NOT_FOUND");
    const schedule = await documented("/api/admin/schedule", "put", await put({ opensAt: "2023-09-20T00:00:00+07:00", closesAt: "2023-10-10T23:59:59+07:00" }));
    expect(schedule).toEqual({ opensAt: "2023-09-19T17:00:00.000Z", closesAt: "2023-10-10T16:59:59.000Z" });
    const backwards = await documented("/api/admin/schedule", "put", await put({ opensAt: "2023-10-10T00:00:00+07:00", closesAt: "2023-09-20T00:00:00+07:00" }));
    expect(backwards?.error).toMatchObject({ code: "VALIDATION_FAILED", fields: { closesAt: expect.any(Array) } });
  });
});

describe("GET /api/openapi.json", () => {
  it("answers as it documents itself", async () => {
    await documented("/api/openapi.json", "get", admin.openapi.GET());
  });

  it("and the schema check does catch a wrong answer", () => {
    const schemaOf = (apiPath: string, method: string, status: string) =>
      ((doc.paths[apiPath] as Json)[method].responses[status].content["application/json"].schema) as object;
    expect(ajv.validate(schemaOf("/api/registrations/validate", "post", "200"), { ok: false })).toBe(false);
    expect(ajv.validate(schemaOf("/api/registrations/validate", "post", "403"), { error: { code: "NIK_NOT_FOUND", message: "x" } })).toBe(false);
    expect(ajv.validate(schemaOf("/api/registrations/validate", "post", "422"), { error: { code: "NIK_NOT_FOUND", message: "x" } })).toBe(true);
    expect(ajv.validate(schemaOf("/api/agencies", "get", "200"), [{ code: "X", name: "X", kind: "DESA", formationStatus: "VERIFIED" }])).toBe(false);
  });

  it("(the answers above covered every success status the document names for these routes)", () => {
    expect([...seen].filter((entry) => / 2\d\d$/.test(entry)).sort()).toEqual(
      [
        "get /api/agencies 200",
        "get /api/openapi.json 200",
        "get /api/registration-window 200",
        "get /api/registrations/{registrationNumber} 200",
        "get /api/registrations/{registrationNumber}/card 200",
        "get /api/registrations/{registrationNumber}/photos/{kind} 200",
        "patch /api/admin/agencies/{code} 200",
        "post /api/captcha 200",
        "post /api/registrations 201",
        "post /api/registrations/validate 200",
        "put /api/admin/schedule 200",
      ].sort(),
    );
  });
});
