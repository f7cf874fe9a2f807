/**
 * The published API description (`GET /api/openapi.json`) against the code: a valid OpenAPI 3.1
 * document, naming every route file under src/app/api with exactly its exported methods, every
 * ErrorCode with its status, and request and answer schemas equal to the zod schemas' JSON Schema.
 * A new route, method or error code fails here until it is documented.
 */
import fs from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/domain/errors";
import { CPNS_2023_PERIOD, closingDate } from "@/domain/registration/window";
import { STEP_IDS, STEP_SCHEMAS } from "@/schemas";
import { agencyFormationSchema, scheduleSchema } from "@/schemas/admin";
import * as answers from "@/schemas/api-answers";
import { captchaSchema } from "@/schemas/captcha";
import { makeIdentitySchema } from "@/schemas/identity";
import { passwordRecoverySchema } from "@/schemas/password-recovery";
import { makePasswordSchema } from "@/schemas/password";
import { buildOpenApiDocument, type OpenApiDocument } from "@/server/openapi/build-openapi-document";
import { REGISTRATION_TEXT_FIELDS } from "@/schemas";

const API_DIR = path.resolve(__dirname, "../../../src/app/api");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type Json = Record<string, any>;

/** What a zod schema looks like in JSON Schema, computed here independently of the document's builder. */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

/** Every route.ts under src/app/api as its OpenAPI path: `[param]` and `[...param]` → `{param}`. */
function routeFiles(): { file: string; path: string }[] {
  return (fs.readdirSync(API_DIR, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      const openApiPath = segments.map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
      return { file: path.join(API_DIR, file), path: `/api/${openApiPath}` };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

let doc: OpenApiDocument;
beforeAll(() => {
  doc = buildOpenApiDocument();
});

function component(reference: Json): Json {
  const name = String(reference.$ref).replace("#/components/schemas/", "");
  const found = doc.components.schemas[name];
  if (!found) throw new Error(`missing component ${name}`);
  return found;
}

function operations(): { path: string; method: string; operation: Json }[] {
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item ?? {}).map(([method, operation]) => ({ path: p, method, operation: operation as Json })));
}

/** The codes an operation documents under one status (a single $ref or a oneOf of them). */
function documentedCodes(response: Json): ErrorCode[] {
  const schema = response.content["application/json"].schema as Json;
  const refs = (schema.oneOf ?? [schema]) as Json[];
  return refs.map((r) => component(r).properties.error.properties.code.const as ErrorCode);
}

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (checked by @readme/openapi-parser)", async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(doc) as never, { resolve: { external: false } });
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("and the validator does catch a broken document", async () => {
    const broken = structuredClone(doc) as Json;
    delete broken.paths["/api/agencies"].get.responses["200"].description;
    broken.paths["/api/agencies"].get.operationId = broken.paths["/api/captcha"].post.operationId;
    expect((await validate(broken as never, { resolve: { external: false } })).valid).toBe(false);
  });

  it("is what the route serves, to any origin", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("every route handler is documented, and nothing else", () => {
  it("names each route.ts under src/app/api with exactly its exported methods", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(12);
    const fromFiles: Record<string, string[]> = {};
    for (const { file, path: apiPath } of files) {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      fromFiles[apiPath] = HTTP_METHODS.filter((method) => typeof module[method] === "function").map((m) => m.toLowerCase());
      expect(fromFiles[apiPath], `${apiPath} exports a handler`).not.toEqual([]);
    }
    const documented = Object.fromEntries(Object.entries(doc.paths).map(([p, item]) => [p, Object.keys(item ?? {}).sort()]));
    expect(documented).toEqual(Object.fromEntries(Object.entries(fromFiles).map(([p, methods]) => [p, methods.sort()])));
  }, 30_000); // it imports every route module: seconds on a busy 2-core machine

  it("gives each operation a unique id, a success answer (2xx, or a 303 redirect) and a 500", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path: p, method, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((s) => /^2\d\d$/.test(s) || s === "303"), `${method} ${p} answers 2xx or 303`).toBe(true);
      expect(statuses, `${method} ${p}`).toContain("500");
    }
  });
});

describe("every error code", () => {
  const codes = Object.keys(ERROR_STATUS) as ErrorCode[];

  it("has a component with its status and the error shape { error: { code, message, fields? } }", () => {
    const shape = doc.components.schemas.Error as Json;
    expect(shape).toEqual(jsonSchemaOf(answers.apiErrorSchema, "output"));
    expect(shape.properties.error.required).toEqual(["code", "message"]);
    expect(shape.properties.error.properties.code.enum).toEqual(codes);
    expect(Object.keys(shape.properties.error.properties)).toEqual(["code", "message", "fields"]);
    for (const code of codes) {
      const schema = doc.components.schemas[`Error.${code}`] as Json | undefined;
      expect(schema, code).toBeDefined();
      expect(schema?.["x-status"], code).toBe(ERROR_STATUS[code]);
      expect(schema?.properties.error.properties.code.const).toBe(code);
      expect(schema?.allOf).toEqual([{ $ref: "#/components/schemas/Error" }]);
      expect(doc.info.description as string).toContain(`| \`${code}\` | ${ERROR_STATUS[code]} |`);
    }
  });

  it("is answered by some operation, always under its own status", () => {
    const used = new Set<ErrorCode>();
    for (const { path: p, method, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        for (const code of documentedCodes(response)) {
          expect(ERROR_STATUS[code], `${method} ${p}: ${code} under ${status}`).toBe(Number(status));
          used.add(code);
        }
      }
    }
    expect([...used].sort()).toEqual([...codes].sort());
  });

  it("documents Retry-After wherever RATE_LIMITED can be answered", () => {
    for (const { operation } of operations()) {
      const response = operation.responses["429"] as Json | undefined;
      if (response) expect(response.headers?.["Retry-After"]).toEqual({ $ref: "#/components/headers/RetryAfter" });
    }
  });

  it("documents 503 SERVER_BUSY with Retry-After on every operation that queries the database", () => {
    // Only the document itself and next-auth's GETs (next-auth answers its own errors) never reach ours.
    const withoutDatabase = ["get /api/openapi.json", "get /api/auth/{nextauth}"];
    for (const { path: p, method, operation } of operations()) {
      const response = operation.responses["503"] as Json | undefined;
      if (withoutDatabase.includes(`${method} ${p}`)) {
        expect(response, `${method} ${p}`).toBeUndefined();
        continue;
      }
      expect(response, `${method} ${p} answers 503`).toBeDefined();
      expect(documentedCodes(response!)).toEqual(["SERVER_BUSY"]);
      expect(response!.headers?.["Retry-After"]).toEqual({ $ref: "#/components/headers/RetryAfter" });
    }
    for (const [p, method] of [["/api/captcha", "post"], ["/api/registrations", "post"]] as const) {
      expect(documentedCodes((doc.paths[p] as Json)[method].responses["503"]), `${method} ${p}`).toEqual(["SERVER_BUSY"]);
    }
  });
});

describe("request schemas are the zod schemas the handlers parse with", () => {
  const requestSchema = (p: string, method: string, media = "application/json"): Json => {
    const schema = (doc.paths[p] as Json)[method].requestBody.content[media].schema as Json;
    return schema.$ref ? component(schema) : schema;
  };

  it("POST /api/registrations/validate: one variant per wizard step, data as that step's schema", () => {
    const variants = requestSchema("/api/registrations/validate", "post").oneOf as Json[];
    expect(variants.map((v) => v.properties.step.const)).toEqual([...STEP_IDS]);
    for (const variant of variants) {
      const step = variant.properties.step.const as (typeof STEP_IDS)[number];
      expect(component(variant.properties.data), step).toEqual(jsonSchemaOf(STEP_SCHEMAS[step], "input"));
    }
    // The server judges the password against the identity; the shape it accepts is the same.
    expect(jsonSchemaOf(makePasswordSchema({ nik: "3273011205980001" }), "input")).toEqual(jsonSchemaOf(STEP_SCHEMAS.password, "input"));
  });

  it("POST /api/registrations: identity + password + captcha fields and both photos, exactly the fields the server reads", () => {
    const schema = requestSchema("/api/registrations", "post", "multipart/form-data");
    const [identity, password, captcha, photos] = schema.allOf as Json[];
    expect(component(identity!)).toEqual(jsonSchemaOf(makeIdentitySchema({ closingDate: closingDate(CPNS_2023_PERIOD) }), "input"));
    expect(component(password!)).toEqual(jsonSchemaOf(makePasswordSchema(), "input"));
    expect(component(captcha!)).toEqual(jsonSchemaOf(captchaSchema, "input"));
    const names = [identity, password, captcha].flatMap((part) => Object.keys(component(part!).properties));
    expect(names.sort()).toEqual([...REGISTRATION_TEXT_FIELDS].sort());
    expect(photos?.required).toEqual(["ktpPhoto", "selfie"]);
  });

  it("the admin routes and password recovery", () => {
    expect(requestSchema("/api/admin/agencies/{code}", "patch")).toEqual(jsonSchemaOf(agencyFormationSchema, "input"));
    expect(requestSchema("/api/admin/schedule", "put")).toEqual(jsonSchemaOf(scheduleSchema, "input"));
    expect(requestSchema("/api/password-recovery", "post")).toEqual(jsonSchemaOf(passwordRecoverySchema, "input"));
  });
});

describe("answer schemas are the zod schemas the handlers' answers are typed by", () => {
  const cases: [string, string, string, z.ZodType][] = [
    ["/api/registration-window", "get", "200", answers.registrationWindowAnswerSchema],
    ["/api/agencies", "get", "200", answers.agencyListAnswerSchema],
    ["/api/captcha", "post", "200", answers.captchaChallengeSchema],
    ["/api/registrations/validate", "post", "200", answers.okAnswerSchema],
    ["/api/registrations", "post", "201", answers.registrationReceiptSchema],
    ["/api/registrations/{registrationNumber}", "get", "200", answers.registrationSummarySchema],
    ["/api/password-recovery", "post", "200", answers.okAnswerSchema],
    ["/api/admin/agencies/{code}", "patch", "200", answers.agencySummarySchema],
    ["/api/admin/schedule", "put", "200", answers.scheduleAnswerSchema],
  ];
  for (const [p, method, status, schema] of cases) {
    it(`${method.toUpperCase()} ${p} → ${status}`, () => {
      const documented = (doc.paths[p] as Json)[method].responses[status].content["application/json"].schema as Json;
      expect(component(documented)).toEqual(jsonSchemaOf(schema, "output"));
    });
  }
});
