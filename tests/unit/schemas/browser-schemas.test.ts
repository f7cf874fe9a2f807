/**
 * The browser loads the shared schemas after the page (src/lib/load-schemas.ts, ADR 0020): what it
 * loads must be the server's schemas themselves, each step's zod-free field list must match its
 * schema, and zod must keep adopting the settings src/instrumentation-client.ts leaves for it.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadSchemas, loadedSchemas } from "@/lib/load-schemas";
import { captchaSchema } from "@/schemas/captcha";
import { documentsSchema } from "@/schemas/documents";
import { IDENTITY_FIELDS, identitySchema, makeIdentitySchema } from "@/schemas/identity";
import { STEP_FIELDS, STEP_SCHEMAS, zodIssuesToFieldErrors } from "@/schemas/index";
import { makePasswordSchema, passwordContextFrom } from "@/schemas/password";
import { passwordRecoverySchema } from "@/schemas/password-recovery";
import { fieldsOf } from "@/schemas/shared";

const CLOSING_DATE = { year: 2023, month: 10, day: 8 };
/** Every field wrong in its own way. */
const INVALID_ANSWERS = {
  identity: {
    nik: "31710117",
    kk: "32730225051200x3",
    fullName: " ",
    birthPlace: "",
    birthDate: "1899-12-31",
    phone: "12345",
    email: "budi@",
    agencyCode: "bkn kota",
  },
  password: {
    password: "3171011708950001",
    passwordConfirm: "lain",
    securityQuestion1: "SEKOLAH_DASAR",
    securityAnswer1: "a",
    securityQuestion2: "SEKOLAH_DASAR",
    securityAnswer2: "",
  },
};

describe("the schemas the browser loads", () => {
  it("are the server's own schemas, not copies", async () => {
    expect(loadedSchemas()).toBeNull();
    const schemas = await loadSchemas();
    expect(loadedSchemas()).toBe(schemas);
    expect(await loadSchemas()).toBe(schemas);
    expect(schemas.makeIdentitySchema).toBe(makeIdentitySchema);
    expect(schemas.documentsSchema).toBe(documentsSchema);
    expect(schemas.makePasswordSchema).toBe(makePasswordSchema);
    expect(schemas.captchaSchema).toBe(captchaSchema);
    expect(schemas.passwordRecoverySchema).toBe(passwordRecoverySchema);
  });

  it("give the same messages as the server's parse of the same answers", async () => {
    const schemas = await loadSchemas();
    const messages = (schema: z.ZodType, data: unknown) => {
      const result = schema.safeParse(data);
      return result.success ? {} : zodIssuesToFieldErrors(result.error);
    };
    const options = { closingDate: CLOSING_DATE };
    const browser = messages(schemas.makeIdentitySchema(options), INVALID_ANSWERS.identity);
    expect(Object.keys(browser)).toEqual([...IDENTITY_FIELDS]);
    expect(browser).toEqual(messages(makeIdentitySchema(options), INVALID_ANSWERS.identity));
    // The password is the NIK: judged against the identity it came with.
    const context = passwordContextFrom({ ...INVALID_ANSWERS.identity, nik: "3171011708950001" });
    expect(Object.keys(messages(schemas.makePasswordSchema(context), INVALID_ANSWERS.password)).sort()).toEqual(
      ["password", "passwordConfirm", "securityAnswer1", "securityAnswer2", "securityQuestion2"],
    );
    expect(messages(schemas.makePasswordSchema(context), INVALID_ANSWERS.password)).toEqual(
      messages(makePasswordSchema(context), INVALID_ANSWERS.password),
    );
    expect(messages(schemas.captchaSchema, { captchaId: "x", captchaAnswer: "" })).toEqual(messages(captchaSchema, { captchaId: "x", captchaAnswer: "" }));
  });
});

describe("each step's field list (facts/) and its schema", () => {
  it.each(Object.keys(STEP_SCHEMAS) as (keyof typeof STEP_SCHEMAS)[])("%s: the same fields, in the same order", (step) => {
    expect(fieldsOf(STEP_SCHEMAS[step])).toEqual([...STEP_FIELDS[step]]);
  });

  it("identity: the schema with any closing date has the listed fields", () => {
    expect(fieldsOf(identitySchema)).toEqual([...IDENTITY_FIELDS]);
  });
});

describe("zod's settings in the browser", () => {
  type ZodGlobal = { __zod_globalConfig?: Record<string, unknown> };

  it("are the global that src/instrumentation-client.ts sets before zod loads", async () => {
    const global = globalThis as ZodGlobal;
    expect(z.config()).toBe(global.__zod_globalConfig);
    // A fresh copy of zod's core module, loaded after the global was set (as in the browser), adopts it.
    const saved = global.__zod_globalConfig;
    try {
      global.__zod_globalConfig = { jitless: true };
      const corePath = path.join(path.dirname(createRequire(import.meta.url).resolve("zod/v4/core")), "core.js");
      const core = (await import(/* @vite-ignore */ `${pathToFileURL(corePath).href}?adopts-global`)) as typeof z.core;
      expect(core.config()).toBe(global.__zod_globalConfig);
      expect(core.config().jitless).toBe(true);
    } finally {
      global.__zod_globalConfig = saved;
    }
  });
});
