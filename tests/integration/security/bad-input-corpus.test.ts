/**
 * Issue 9's bad-input corpus: hundreds of hostile requests across every route under src/app/api
 * (the test fails when a route file is not reached),
 * in-process against the real route handlers and a real database: malformed JSON and multipart,
 * wrong types, oversized fields, unicode tricks (RTL override, zero-width, NUL, homoglyph digits),
 * SQL/HTML injection in every text field, image bombs, files that lie about their type, empty
 * and huge files, part of it generated with fast-check. Every answer of our routes must be a 4xx
 * with a documented code (src/domain/errors.ts), next-auth's own answers anything but a 5xx (and
 * no session), and the server must be healthy afterwards.
 *
 * next-auth runs for real: it reads the request through `next/headers`, which only works inside a
 * Next request, so this file puts a stand-in for that module (answering from the request being
 * sent) into Node's module cache, where next-auth's own `require` finds it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as adminAgencyRoute from "@/app/api/admin/agencies/[code]/route";
import * as adminScheduleRoute from "@/app/api/admin/schedule/route";
import * as agenciesRoute from "@/app/api/agencies/route";
import * as notifyRoute from "@/app/api/agency-notifications/route";
import * as unsubscribeRoute from "@/app/api/agency-notifications/unsubscribe/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as captchaAudioRoute from "@/app/api/captcha/[id]/audio/route";
import * as captchaRoute from "@/app/api/captcha/route";
import * as openApiRoute from "@/app/api/openapi.json/route";
import * as recoveryRoute from "@/app/api/password-recovery/route";
import * as windowRoute from "@/app/api/registration-window/route";
import * as cardRoute from "@/app/api/registrations/[registrationNumber]/card/route";
import * as photoRoute from "@/app/api/registrations/[registrationNumber]/photos/[kind]/route";
import * as summaryRoute from "@/app/api/registrations/[registrationNumber]/route";
import * as submitRoute from "@/app/api/registrations/route";
import * as validateRoute from "@/app/api/registrations/validate/route";
import { ERROR_STATUS } from "@/domain/errors";
import { authorizeApplicant } from "@/server/auth/authorize";
import { hashSecret } from "@/server/auth/password-hash";
import { emailKeyFor, unsubscribeTokenFor } from "@/server/notifications/unsubscribe-token";
import { makeJpeg, makePdfBytes, makePixelBombPng, makePng, makeTruncatedJpeg } from "../../fixtures/photos";
import { BUDI, PASSWORD_STEP, SITI, registrationForm, solveCaptcha } from "../../setup/registration-harness";
import { at, useTestServer } from "../../setup/test-server";

// ---------------------------------------------------------------------------------------------
// next/headers for next-auth, answered from the request in flight
const inFlight = new AsyncLocalStorage<Request>();
function installNextHeadersStandIn(): void {
  const require = createRequire(import.meta.url);
  const file = require.resolve("next/headers");
  const request = () => inFlight.getStore() ?? new Request("http://localhost/");
  const cookieList = () =>
    (request().headers.get("cookie") ?? "")
      .split(";")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: decodeURIComponent(pair.slice(pair.indexOf("=") + 1)) }));
  const exports = {
    headers: async () => new Headers(request().headers),
    cookies: async () => ({
      getAll: () => cookieList(),
      get: (name: string) => cookieList().find((cookie) => cookie.name === name),
      has: (name: string) => cookieList().some((cookie) => cookie.name === name),
    }),
  };
  require.cache[file] = { id: file, filename: file, loaded: true, exports } as unknown as NodeJS.Module;
}

// ---------------------------------------------------------------------------------------------
// The routes, dispatched by path as Next would
type Handler = (request: NextRequest, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type RouteModule = Record<string, unknown>;

function dispatch(pathname: string): { module: RouteModule; params: Record<string, unknown> } | null {
  const fixed: Record<string, RouteModule> = {
    "/api/registration-window": windowRoute,
    "/api/agencies": agenciesRoute,
    "/api/captcha": captchaRoute,
    "/api/registrations": submitRoute,
    "/api/registrations/validate": validateRoute,
    "/api/password-recovery": recoveryRoute,
    "/api/admin/schedule": adminScheduleRoute,
    "/api/agency-notifications": notifyRoute,
    "/api/agency-notifications/unsubscribe": unsubscribeRoute,
    "/api/openapi.json": openApiRoute,
  };
  if (fixed[pathname]) return { module: fixed[pathname]!, params: {} };
  const segments = pathname.split("/").slice(1).map((segment) => decodeURIComponent(segment));
  if (segments[0] !== "api") return null;
  if (segments[1] === "auth" && segments.length > 2) return { module: authRoute, params: { nextauth: segments.slice(2) } };
  if (segments[1] === "admin" && segments[2] === "agencies" && segments.length === 4) return { module: adminAgencyRoute, params: { code: segments[3] } };
  if (segments[1] === "captcha" && segments[3] === "audio" && segments.length === 4) return { module: captchaAudioRoute, params: { id: segments[2] } };
  if (segments[1] === "registrations" && segments.length === 3) return { module: summaryRoute, params: { registrationNumber: segments[2] } };
  if (segments[1] === "registrations" && segments[3] === "card" && segments.length === 4) return { module: cardRoute, params: { registrationNumber: segments[2] } };
  if (segments[1] === "registrations" && segments[3] === "photos" && segments.length === 5) {
    return { module: photoRoute, params: { registrationNumber: segments[2], kind: segments[4] } };
  }
  return null;
}

/** Every route file under src/app/api: the corpus must reach each one. */
function routeFileCount(): number {
  const apiDir = path.resolve(__dirname, "../../../src/app/api");
  return (fs.readdirSync(apiDir, { recursive: true }) as string[]).filter((file) => path.basename(file) === "route.ts").length;
}

/**
 * What an answer must be: ours (a documented 4xx), next-auth's (no 5xx, a documented code where
 * ours), input a route ignores (2xx), a well-formed request whose answer may be either (no 5xx),
 * or the unsubscribe link's "that did not work" page (a 303 to /pemberitahuan/berhenti?hasil=tidak-valid).
 */
type Expect = "documented-4xx" | "next-auth" | "ignored" | "no-5xx" | "invalid-unsubscribe-page";
type Sent = {
  label: string;
  method: string;
  path: string;
  status: number;
  code?: string;
  expect: Expect;
  body: string;
  setCookies: string[];
  location: string | null;
};

// Mail of "Beri tahu saya" (an admin verifying an agency sends it) goes to a folder of this file's own.
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-corpus-outbox-"));
const server = useTestServer({ env: () => ({ MAIL_OUTBOX_DIR: outboxDir }) });
let adminCookie = "";
let cardNumber = "";
let cardToken = "";
const sent: Sent[] = [];

async function send(
  label: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit | null; expect?: Expect } = {},
): Promise<Sent> {
  const target = dispatch(new URL(`http://localhost${path}`).pathname);
  if (!target) throw new Error(`no route for ${path}`);
  const request = new NextRequest(`http://localhost${path}`, {
    method,
    headers: init.headers,
    body: init.body ?? null,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const handler = target.module[method] as Handler | undefined;
  // A method a route does not export is Next's own 405; nothing of ours runs.
  let response: Response;
  try {
    response = handler
      ? await inFlight.run(request, () => handler(request, { params: Promise.resolve(target.params) }))
      : new Response(JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED" } }), { status: 405 });
  } catch (error) {
    // What Next would answer for a handler that throws.
    response = new Response(`thrown: ${(error as Error).name}`, { status: 500 });
  }
  const body = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  const result: Sent = {
    label,
    method,
    path,
    status: response.status,
    code,
    expect: init.expect ?? "documented-4xx",
    body,
    setCookies: response.headers.getSetCookie(),
    location: response.headers.get("location"),
  };
  sent.push(result);
  return result;
}

const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
const withCookie = (cookie: string, init: { headers?: Record<string, string>; body?: BodyInit | null }) => ({ ...init, headers: { ...init.headers, cookie } });

// ---------------------------------------------------------------------------------------------
// Hostile values
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Account\";--",
  "1; SELECT * FROM Credential",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
];
const UNICODE_TRICKS = [
  "\u202E3273011205980001", // RTL override
  "3273011205980001\u200B", // zero-width space
  "32730112\u000005980001", // NUL
  "３２７３０１１２０５９８０００１", // full-width digits
  "٣٢٧٣٠١١٢٠٥٩٨٠٠٠١", // Arabic-Indic digits
  "Budi\u0301 Sa\u200Dntoso", // combining accent, zero-width joiner
  "ВUDI SАNTOSО", // Cyrillic look-alikes
  "\uFEFF\uD800", // BOM, lone surrogate
];
const HOSTILE = [...INJECTIONS, ...UNICODE_TRICKS, "", " ", "x".repeat(5_000)];
const IDENTITY_FIELDS = ["nik", "kk", "fullName", "birthPlace", "birthDate", "phone", "email", "agencyCode"] as const;
const RECOVERY_FIELDS = ["nik", "kk", "birthDate", "securityQuestion", "securityAnswer", "newPassword", "newPasswordConfirm", "captchaId", "captchaAnswer"] as const;
const SUBMISSION_TEXT_FIELDS = [...IDENTITY_FIELDS, ...Object.keys(PASSWORD_STEP), "captchaId", "captchaAnswer"];

/** A PNG whose header announces 100000×100000 pixels: valid signature and IHDR, almost no data. */
function headerOnlyPngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00])), chunk("IEND", Buffer.alloc(0))]);
}

/** A JPEG whose SOF0 announces 65000×65000 pixels, then ends. */
function headerOnlyJpegBomb(): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xfd, 0xe8, 0xfd, 0xe8, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
}

async function multipart(fields: Record<string, string | undefined>, photos: { ktpPhoto?: Uint8Array | null; selfie?: Uint8Array | null } = {}, names = { ktp: "ktp.png", selfie: "swafoto.jpg" }) {
  const form = await registrationForm(fields, photos);
  if (names.ktp !== "ktp.png" && photos.ktpPhoto) {
    form.delete("ktpPhoto");
    form.append("ktpPhoto", new File([new Uint8Array(photos.ktpPhoto)], names.ktp, { type: "image/jpeg" }));
  }
  return { body: form };
}

// ---------------------------------------------------------------------------------------------
beforeAll(async () => {
  // next-auth reads its public URL from process.env itself (the server's own configuration is
  // deps().env): stubbed for this file and restored after it.
  vi.stubEnv("NEXTAUTH_URL", "http://localhost");
  installNextHeadersStandIn();
  // Budi has an account (card, photos, recovery and sign-in have something real to refuse).
  const created = await send("setup: register Budi", "POST", "/api/registrations", {
    body: await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) }),
    expect: "ignored",
  });
  expect(created.status).toBe(201);
  ({ registrationNumber: cardNumber, cardToken } = JSON.parse(created.body) as { registrationNumber: string; cardToken: string });
  sent.length = 0;

  // An admin, signed in through next-auth itself.
  await server.prisma.adminUser.create({ data: { id: "admin-corpus", username: "admin", passwordHash: await hashSecret("admin-corpus-password") } });
  const csrf = await send("setup: csrf", "GET", "/api/auth/csrf", { expect: "next-auth" });
  const csrfCookie = csrf.setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
  const signIn = await send("setup: admin sign-in", "POST", "/api/auth/callback/admin", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ username: "admin", password: "admin-corpus-password", csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, json: "true" }).toString(),
    expect: "next-auth",
  });
  adminCookie = signIn.setCookies.filter((cookie) => cookie.startsWith("next-auth.session-token=")).map((cookie) => cookie.split(";")[0]).join("; ");
  expect(adminCookie, "the admin signs in through next-auth in-process").not.toBe("");
  sent.length = 0;
}, 120_000);

// next-auth logs a forged session cookie as an error (JWT_SESSION_ERROR): expected here. What
// may not appear is our own "unhandled error", the log line of a 500.
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
});
afterEach(() => {
  expect(logged.filter((line) => line.includes("unhandled error"))).toEqual([]);
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

describe("the bad-input corpus", () => {
  it("answers malformed JSON, wrong content types and oversized bodies on every JSON route", async () => {
    const malformed = ["", "{", "[", "null", "true", "123", '"text"', '{"step":', "\u0000", '{"a":1}{', "[".repeat(5_000) + "]".repeat(5_000), "\uFEFF{}", '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'];
    const targets: [string, string, Record<string, string>][] = [
      ["POST", "/api/registrations/validate", {}],
      ["POST", "/api/password-recovery", {}],
      ["PUT", "/api/admin/schedule", { cookie: adminCookie }],
      ["PATCH", "/api/admin/agencies/KOTA-3273", { cookie: adminCookie }],
      ["POST", "/api/agency-notifications", {}],
    ];
    for (const [method, path, headers] of targets) {
      for (const body of malformed) await send(`malformed JSON ${JSON.stringify(body.slice(0, 12))}`, method, path, { headers: { ...headers, "content-type": "application/json" }, body });
      await send("invalid UTF-8", method, path, { headers: { ...headers, "content-type": "application/json" }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
      for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) {
        await send(`content type ${type}`, method, path, { headers: { ...headers, "content-type": type }, body: "{}" });
      }
      await send("no content type", method, path, { headers, body: "{}" });
      await send("70 KB of JSON", method, path, { headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ step: "identity", data: { nik: "1".repeat(70_000) } }) });
      await send("Content-Length of 1 GB", method, path, { headers: { ...headers, "content-type": "application/json", "content-length": String(1024 ** 3) }, body: "{}" });
      expect(sent.filter((s) => s.path === path).every((s) => s.status >= 400 && s.status < 500)).toBe(true);
    }
    // Admin routes refuse anyone else before they read a byte.
    for (const [method, path] of targets.slice(2, 4)) {
      for (const cookie of ["", "next-auth.session-token=forged", "next-auth.session-token=" + "a".repeat(4000)]) {
        const answer = await send(`admin route as ${cookie ? "a forged session" : "no one"}`, method!, path!, { ...json({ formationStatus: "VERIFIED" }), headers: { "content-type": "application/json", cookie } });
        expect(answer.status).toBe(401);
      }
    }
  });

  it("refuses wrong types and unknown steps on validation", async () => {
    const bodies: unknown[] = [
      {},
      [],
      { step: 1 },
      { step: "IDENTITY", data: BUDI },
      { step: "__proto__", data: {} },
      { step: "identity" },
      { step: "identity", data: null },
      { step: "identity", data: [] },
      { step: "identity", data: "3273011205980001" },
      { step: "documents", data: { ktpPhoto: { size: -1, type: "image/jpeg" }, selfie: { size: 1e30, type: "image/svg+xml" } } },
      { step: "documents", data: { ktpPhoto: "ktp.jpg", selfie: null } },
      { step: "password", data: { password: ["a"], passwordConfirm: {} }, identity: "not an object" },
      { step: "password", data: { ...PASSWORD_STEP, securityQuestion1: "DROP TABLE", securityQuestion2: "DROP TABLE" }, identity: BUDI },
      { step: "captcha", data: { captchaId: 12, captchaAnswer: null } },
      { step: "review", data: { confirmed: "yes" } },
    ];
    for (const field of IDENTITY_FIELDS) {
      for (const wrong of [42, true, null, ["3273011205980001"], { $gt: "" }]) bodies.push({ step: "identity", data: { ...BUDI, [field]: wrong } });
    }
    for (const body of bodies) await send(`validate ${JSON.stringify(body).slice(0, 40)}`, "POST", "/api/registrations/validate", json(body));
    // Well-formed, with an unknown captcha: 422 once the captcha step checks the answer (SPEC
    // "Added contract"), 200 while it checks the format only.
    const unknownCaptcha = { step: "captcha", data: { captchaId: "00000000-0000-0000-0000-000000000000", captchaAnswer: "AAAAA" } };
    await send("validate an unknown captcha", "POST", "/api/registrations/validate", { ...json(unknownCaptcha), expect: "no-5xx" });
  });

  it("refuses injection strings and unicode tricks in every identity field", async () => {
    for (const field of IDENTITY_FIELDS) {
      for (const value of HOSTILE) await send(`identity.${field} = ${JSON.stringify(value.slice(0, 20))}`, "POST", "/api/registrations/validate", json({ step: "identity", data: { ...BUDI, [field]: value } }));
    }
  });

  it("refuses injection strings and unicode tricks in every password recovery field", async () => {
    const valid = { nik: BUDI.nik, kk: BUDI.kk, birthDate: BUDI.birthDate, securityQuestion: "SEKOLAH_DASAR", securityAnswer: "sdn merdeka 3", newPassword: "teh manis hangat sore hari", newPasswordConfirm: "teh manis hangat sore hari", captchaId: "x", captchaAnswer: "AAAAA" };
    for (const field of RECOVERY_FIELDS) {
      for (const value of [...INJECTIONS.slice(0, 4), ...UNICODE_TRICKS.slice(0, 4), 42, null]) {
        await send(`recovery.${field} = ${JSON.stringify(value)}`.slice(0, 60), "POST", "/api/password-recovery", json({ ...valid, [field]: value }));
      }
    }
  });

  it("refuses injection strings, unicode tricks and wrong types in \"Beri tahu saya\" (agency code and email)", async () => {
    const valid = { agencyCode: "BMKG", email: "pelamar.korpus@contoh.id" };
    for (const field of ["agencyCode", "email"] as const) {
      for (const value of [...HOSTILE, 42, true, null, ["BMKG"], { $gt: "" }]) {
        await send(`notify.${field} = ${JSON.stringify(value)}`.slice(0, 60), "POST", "/api/agency-notifications", json({ ...valid, [field]: value }));
      }
    }
    for (const body of [{}, [], { agencyCode: "BMKG" }, { email: valid.email }, { ...valid, agencyCode: "K".repeat(65) }]) {
      await send(`notify body ${JSON.stringify(body).slice(0, 40)}`, "POST", "/api/agency-notifications", json(body));
    }
    // Surplus fields are dropped by the schema: a well-formed request, whatever it answers.
    await send("notify with a surplus field", "POST", "/api/agency-notifications", { ...json({ ...valid, email: "lebih@contoh.id", extra: "<script>" }), expect: "no-5xx" });
    // An agency that takes registrations already, and one that does not exist.
    await send("notify for a verified agency", "POST", "/api/agency-notifications", json({ agencyCode: "KOTA-3273", email: "terverifikasi@contoh.id" }));
    await send("notify for no agency", "POST", "/api/agency-notifications", json({ agencyCode: "NOPE", email: "tidak.ada@contoh.id" }));
  });

  it("refuses hostile unsubscribe tokens: the link shows its \"did not work\" page, the one-click POST a documented 4xx", async () => {
    const real = unsubscribeTokenFor(emailKeyFor("pelamar.korpus@contoh.id"));
    const [key, signature] = real.split(".") as [string, string];
    const tokens = [
      "",
      "x",
      "a.b",
      "' OR 1=1--",
      "%00",
      "<script>alert(1)</script>",
      "x".repeat(10_000),
      `${key}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`, // a forged signature
      `${key}.${signature}.extra`,
      `${"A".repeat(43)}.${signature}`, // another key with this signature
      `\u202E${real}`,
    ];
    for (const token of tokens) {
      const query = `?token=${encodeURIComponent(token)}`;
      await send(`unsubscribe link ${JSON.stringify(token.slice(0, 16))}`, "GET", `/api/agency-notifications/unsubscribe${query}`, { expect: "invalid-unsubscribe-page" });
      await send(`one-click unsubscribe ${JSON.stringify(token.slice(0, 16))}`, "POST", `/api/agency-notifications/unsubscribe${query}`, {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    }
    await send("unsubscribe link without a token", "GET", "/api/agency-notifications/unsubscribe", { expect: "invalid-unsubscribe-page" });
    await send("unsubscribe link with two tokens", "GET", `/api/agency-notifications/unsubscribe?token=x&token=${encodeURIComponent(real)}`, { expect: "invalid-unsubscribe-page" });
    await send("one-click unsubscribe with 2 KB of body", "POST", `/api/agency-notifications/unsubscribe?token=${encodeURIComponent(real)}`, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=" + "x".repeat(2_048),
    });
    await send("one-click unsubscribe declaring 1 GB", "POST", `/api/agency-notifications/unsubscribe?token=${encodeURIComponent(real)}`, {
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(1024 ** 3) },
      body: "List-Unsubscribe=One-Click",
    });
  });

  it("refuses hostile captcha ids on the audio captcha", async () => {
    for (const id of ["x", "..%2F..%2Fetc%2Fpasswd", "' OR 1=1--", "%00", "%E2%80%AE" + "1".repeat(36), "1".repeat(10_000), "00000000-0000-0000-0000-000000000000", "%3Cscript%3E"]) {
      await send(`audio captcha ${id.slice(0, 20)}`, "GET", `/api/captcha/${id}/audio`);
    }
    // A captcha used up (by a recovery whose answer is wrong) or expired has no audio any more.
    const used = await solveCaptcha(server.prisma);
    const recovery = { nik: BUDI.nik, kk: BUDI.kk, birthDate: BUDI.birthDate, securityQuestion: "SEKOLAH_DASAR", securityAnswer: "bukan jawabannya", newPassword: "teh manis hangat sore hari", newPasswordConfirm: "teh manis hangat sore hari" };
    await send("a recovery that uses a captcha up", "POST", "/api/password-recovery", json({ ...recovery, ...used }));
    await send("audio of a used captcha", "GET", `/api/captcha/${used.captchaId}/audio`);
    const expiring = await solveCaptcha(server.prisma);
    await at("2023-09-25T12:00:00+07:00", () => send("audio of an expired captcha", "GET", `/api/captcha/${expiring.captchaId}/audio`));
  });

  it("refuses malformed multipart, hostile text fields, lying, empty, huge and bomb files on submission", async () => {
    const multipartType = { "content-type": "multipart/form-data; boundary=----corpus" };
    const raw = [
      "",
      "garbage without any boundary",
      "------corpus\r\nContent-Disposition: form-data; name=\"nik\"\r\n\r\n3273011205980001", // truncated
      "------corpus\r\nContent-Disposition: form-data\r\n\r\nno name\r\n------corpus--\r\n",
      "------corpus--\r\n",
      "------corpus\r\nContent-Disposition: form-data; name=\"ktpPhoto\"; filename=\"../../x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u0000\u0000\r\n------corpus--\r\n",
    ];
    for (const body of raw) await send(`raw multipart ${JSON.stringify(body.slice(0, 20))}`, "POST", "/api/registrations", { headers: multipartType, body });
    for (const type of ["application/json", "text/plain", "multipart/form-data", "multipart/mixed; boundary=x"]) {
      await send(`submission as ${type}`, "POST", "/api/registrations", { headers: { "content-type": type }, body: "{}" });
    }
    await send("submission without a content type", "POST", "/api/registrations", { body: "nik=1" });
    await send("submission declaring 1 GB", "POST", "/api/registrations", { headers: { ...multipartType, "content-length": String(1024 ** 3) }, body: "x" });

    const fields = { ...BUDI, ...PASSWORD_STEP, captchaId: "00000000-0000-0000-0000-000000000000", captchaAnswer: "AAAAA" };
    for (const field of SUBMISSION_TEXT_FIELDS) {
      for (const value of [INJECTIONS[1]!, INJECTIONS[3]!, UNICODE_TRICKS[2]!]) {
        await send(`submission ${field} = ${JSON.stringify(value.slice(0, 16))}`, "POST", "/api/registrations", await multipart({ ...fields, [field]: value }));
      }
    }
    // Duplicated and surplus fields, a huge text field, thousands of tiny ones.
    const duplicated = await registrationForm({ ...fields, nik: "" });
    duplicated.set("nik", "3273011205980001");
    duplicated.append("nik", "3273014107990001");
    await send("two NIKs", "POST", "/api/registrations", { body: duplicated });
    await send("a 100 KB name", "POST", "/api/registrations", await multipart({ ...fields, fullName: "A".repeat(100_000) }));
    const many = await registrationForm(fields);
    for (let i = 0; i < 3_000; i++) many.append(`f${i}`, "x");
    await send("3000 extra fields", "POST", "/api/registrations", { body: many });

    // Files: no captcha is consumed before these are refused.
    const pdf = makePdfBytes();
    const files: [string, { ktpPhoto?: Uint8Array | null; selfie?: Uint8Array | null }, { ktp: string; selfie: string }?][] = [
      ["a PDF named ktp.jpg", { ktpPhoto: pdf }, { ktp: "ktp.jpg", selfie: "swafoto.jpg" }],
      ["an SVG as the selfie", { selfie: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }],
      ["HTML as the KTP photo", { ktpPhoto: Buffer.from("<html><script>alert(1)</script></html>") }],
      ["an empty KTP photo", { ktpPhoto: new Uint8Array() }],
      ["an empty selfie", { selfie: new Uint8Array() }],
      ["no photos at all", { ktpPhoto: null, selfie: null }],
      ["a 2.5 MB KTP photo", { ktpPhoto: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2.5 * 1024 * 1024)]) }],
      ["a 2.1 MB selfie", { selfie: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2.1 * 1024 * 1024)]) }],
    ];
    for (const [label, photos, names] of files) await send(label, "POST", "/api/registrations", await multipart(fields, photos, names));

    // Files that pass the cheap checks and reach the decoder: each needs a solved captcha, and
    // Siti (not yet registered) so that nothing else would refuse them.
    const decoded: [string, { ktpPhoto?: Uint8Array | null; selfie?: Uint8Array | null }][] = [
      ["a PNG announcing 100000×100000", { ktpPhoto: headerOnlyPngBomb() }],
      ["a JPEG announcing 65000×65000", { selfie: headerOnlyJpegBomb() }],
      ["a 20000×20000 PNG bomb that deflates to kilobytes", { ktpPhoto: makePixelBombPng() }],
      ["a truncated JPEG", { selfie: await makeTruncatedJpeg() }],
      ["a JPEG header followed by HTML", { selfie: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<script>alert(1)</script>")]) }],
      ["a 10×10 PNG", { ktpPhoto: await makePng(10, 10) }],
      ["a 1×4000 JPEG", { selfie: await makeJpeg(1, 4000) }],
    ];
    for (const [label, photos] of decoded) {
      const captcha = await solveCaptcha(server.prisma);
      await send(label, "POST", "/api/registrations", await multipart({ ...SITI, ...PASSWORD_STEP, ...captcha }, photos));
    }
    expect(await server.prisma.account.count()).toBe(1);
  }, 120_000);

  it("refuses hostile registration numbers, tokens, photo kinds and agency codes in paths", async () => {
    const numbers = ["abc", "..%2F..%2Fetc%2Fpasswd", "2023%00", "1".repeat(10_000), "%E2%80%AE202300000000000", "202300000000000", cardNumber.slice(0, -1) + ((Number(cardNumber.at(-1)) + 1) % 10)];
    for (const number of numbers) {
      await send(`summary ${number.slice(0, 20)}`, "GET", `/api/registrations/${number}?token=${encodeURIComponent(cardToken)}`);
      await send(`card ${number.slice(0, 20)}`, "GET", `/api/registrations/${number}/card`);
      await send(`photo ${number.slice(0, 20)}`, "GET", `/api/registrations/${number}/photos/ktp?token=x`);
    }
    for (const token of ["", "x", "a.b.c", cardToken + "x", cardToken.split("").reverse().join(""), "' OR 1=1--", "%00"]) {
      await send(`card with token ${token.slice(0, 12)}`, "GET", `/api/registrations/${cardNumber}/card?token=${encodeURIComponent(token)}`);
    }
    for (const kind of ["KTP", "..%2Fselfie", "selfie.jpg", "passport", "%00", "ktp%2F..%2F..%2F"]) {
      await send(`photo kind ${kind}`, "GET", `/api/registrations/${cardNumber}/photos/${kind}?token=${encodeURIComponent(cardToken)}`);
    }
    for (const code of ["NOPE", "' OR 1=1--", "%3Cscript%3E", "K".repeat(500), "%E2%80%AEKOTA-3273"]) {
      await send(`admin agency ${code.slice(0, 12)}`, "PATCH", `/api/admin/agencies/${code}`, withCookie(adminCookie, json({ formationStatus: "VERIFIED" })));
    }
    for (const body of [{ formationStatus: "verified" }, { formationStatus: 1 }, { formationStatus: null }, {}, { formationStatus: "VERIFIED' --" }]) {
      await send(`admin agency body ${JSON.stringify(body)}`, "PATCH", "/api/admin/agencies/KOTA-3273", withCookie(adminCookie, json(body)));
    }
    for (const body of [
      {},
      { opensAt: "2023-09-20", closesAt: "2023-10-08" },
      { opensAt: "2023-02-30T00:00:00+07:00", closesAt: "2023-10-08T23:59:59+07:00" },
      { opensAt: "2023-10-08T23:59:59+07:00", closesAt: "2023-09-20T00:00:00+07:00" },
      { opensAt: "+275760-09-13T00:00:00Z", closesAt: "+275760-09-14T00:00:00Z" },
      { opensAt: 1695142800000, closesAt: 1696784399000 },
      { opensAt: "<script>", closesAt: "' OR 1=1" },
    ]) {
      await send(`admin schedule ${JSON.stringify(body).slice(0, 40)}`, "PUT", "/api/admin/schedule", withCookie(adminCookie, json(body)));
    }
  });

  it("lets next-auth refuse hostile sign-ins without a 5xx and without a session", async () => {
    const form = (fields: Record<string, string>) => ({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString(), expect: "next-auth" as const });
    const csrf = await send("csrf", "GET", "/api/auth/csrf", { expect: "next-auth" });
    const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
    const csrfCookie = csrf.setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
    for (const nik of [...INJECTIONS, ...UNICODE_TRICKS]) {
      const attempt = form({ nik, password: "kuda lari di sawah hijau pagi", csrfToken, json: "true" });
      await send(`sign-in NIK ${JSON.stringify(nik.slice(0, 16))}`, "POST", "/api/auth/callback/applicant", { ...attempt, headers: { ...attempt.headers, cookie: csrfCookie } });
    }
    for (const username of ["admin' --", "<script>", "ADMIN\u0000"]) {
      const attempt = form({ username, password: "x' OR '1'='1", csrfToken, json: "true" });
      await send(`admin sign-in ${JSON.stringify(username)}`, "POST", "/api/auth/callback/admin", { ...attempt, headers: { ...attempt.headers, cookie: csrfCookie } });
    }
    await send("sign-in without CSRF", "POST", "/api/auth/callback/applicant", form({ nik: BUDI.nik, password: PASSWORD_STEP.password }));
    await send("sign-in as JSON", "POST", "/api/auth/callback/applicant", { ...json({ nik: BUDI.nik, password: PASSWORD_STEP.password, csrfToken }), expect: "next-auth" });
    await send("sign-in to an unknown provider", "POST", "/api/auth/callback/%3Cscript%3E", form({ csrfToken }));
    await send("a 20 KB sign-in", "POST", "/api/auth/callback/applicant", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "nik=" + "1".repeat(20_000) });
    await send("signout as JSON garbage", "POST", "/api/auth/signout", { headers: { "content-type": "application/json" }, body: "{", expect: "next-auth" });
    for (const path of [
      "/api/auth/session",
      "/api/auth/providers",
      "/api/auth/signin",
      "/api/auth/signin/applicant",
      "/api/auth/signout",
      "/api/auth/verify-request",
      "/api/auth/error?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "/api/auth/nothing-here",
      "/api/auth/callback/applicant",
      "/api/auth/callback/admin?code=x&state=y",
    ]) {
      await send(`GET ${path}`, "GET", path, { expect: "next-auth" });
    }
    for (const path of ["/api/auth/_log", "/api/auth/signin/applicant", "/api/auth/session", "/api/auth/nothing-here"]) {
      await send(`POST ${path}`, "POST", path, { ...form({ csrfToken, message: "<script>" }), headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie } });
    }
    for (const cookie of ["next-auth.session-token=forged", "next-auth.session-token=" + "x".repeat(3000), "next-auth.session-token=e30.e30.e30"]) {
      await send("session with a forged cookie", "GET", "/api/auth/session", { headers: { cookie }, expect: "next-auth" });
    }
    const signedIn = sent.filter((s) => s.expect === "next-auth" && s.setCookies.some((cookie) => /^(__Secure-)?next-auth\.session-token=[^;]+/.test(cookie) && !/^[^=]+=;/.test(cookie)));
    expect(signedIn.map((s) => s.label)).toEqual([]);
  });

  it("ignores hostile input on the routes that take none", async () => {
    for (const path of ["/api/registration-window", "/api/agencies"]) {
      await send(`${path} with a query`, "GET", `${path}?status=closed&now=1970-01-01&%00=1`, { expect: "ignored" });
      await send(`${path} with a forged forwarded address`, "GET", path, { headers: { "x-forwarded-for": "<script>, 127.0.0.1", "x-real-ip": "::1" }, expect: "ignored" });
    }
    await send("captcha with an empty JSON body", "POST", "/api/captcha", { ...json({}), expect: "ignored" });
    await send("captcha with 2 KB of body", "POST", "/api/captcha", json("x".repeat(2_048)));
    await send("captcha declaring 1 GB", "POST", "/api/captcha", { headers: { "content-length": String(1024 ** 3) }, body: "{}" });
    for (const query of ["", "?format=yaml&%00=1", "?" + "x".repeat(5_000)]) {
      await send(`the OpenAPI document ${query.slice(0, 20)}`, "GET", `/api/openapi.json${query}`, {
        headers: { "x-forwarded-for": "<script>", origin: "https://evil.example", cookie: "next-auth.session-token=forged" },
        expect: "ignored",
      });
    }
    const { captchaId } = await solveCaptcha(server.prisma);
    await send("audio captcha with a hostile query", "GET", `/api/captcha/${captchaId}/audio?id=%00&format=mp3`, { headers: { range: "bytes=0-10" }, expect: "ignored" });
  });

  it("holds for generated input too (fast-check)", async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...HOSTILE), fc.stringMatching(/^[0-9]{10,20}$/));
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => {
        const answer = await send("generated validate body", "POST", "/api/registrations/validate", json(body));
        return answer.status >= 400 && answer.status < 500;
      }),
      { numRuns: 40, seed: 9 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, text])) as Record<(typeof IDENTITY_FIELDS)[number], typeof text>), async (identity) => {
        const answer = await send("generated identity", "POST", "/api/registrations/validate", json({ step: "identity", data: identity }));
        return answer.status >= 400 && answer.status < 500;
      }),
      { numRuns: 40, seed: 9 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(RECOVERY_FIELDS.map((field) => [field, text])) as Record<(typeof RECOVERY_FIELDS)[number], typeof text>), async (body) => {
        const answer = await send("generated recovery", "POST", "/api/password-recovery", json(body));
        return answer.status >= 400 && answer.status < 500;
      }),
      { numRuns: 30, seed: 9 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...SUBMISSION_TEXT_FIELDS, "ktpPhoto", "selfie", "x"), text, { maxKeys: 12 }), async (fields) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.append(name, value);
        const answer = await send("generated submission", "POST", "/api/registrations", { body: form });
        return answer.status >= 400 && answer.status < 500;
      }),
      { numRuns: 30, seed: 9 },
    );
    await fc.assert(
      fc.asyncProperty(text, text, async (agencyCode, email) => {
        const answer = await send("generated notify", "POST", "/api/agency-notifications", json({ agencyCode, email }));
        return answer.status >= 400 && answer.status < 500;
      }),
      { numRuns: 25, seed: 9 },
    );
    await fc.assert(
      fc.asyncProperty(text, text, async (number, token) => {
        // A browser cannot send a lone surrogate in a URL either (encodeURIComponent throws).
        const encode = (value: string) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
        const answer = await send("generated card request", "GET", `/api/registrations/${encode(number) || "x"}/card?token=${encode(token)}`);
        return answer.status >= 400 && answer.status < 500;
      }),
      { numRuns: 25, seed: 9 },
    );
  }, 120_000);

  it("answered every one of them with a documented 4xx (or next-auth's own refusal), never a 5xx", () => {
    const failures = sent.filter((s) => {
      if (s.status >= 500) return true;
      if (s.expect === "ignored") return s.status < 200 || s.status >= 300;
      if (s.expect === "no-5xx") return false;
      if (s.expect === "invalid-unsubscribe-page") return s.status !== 303 || s.location !== "/pemberitahuan/berhenti?hasil=tidak-valid";
      if (s.expect === "next-auth") return s.status >= 500 || (s.code !== undefined && s.code in ERROR_STATUS && ERROR_STATUS[s.code as keyof typeof ERROR_STATUS] !== s.status);
      return s.status < 400 || s.status >= 500 || !(s.code && s.code in ERROR_STATUS && ERROR_STATUS[s.code as keyof typeof ERROR_STATUS] === s.status);
    });
    const byStatus = sent.reduce<Record<string, number>>((counts, s) => ({ ...counts, [s.status]: (counts[s.status] ?? 0) + 1 }), {});
    const routesHit = new Set(sent.map((s) => dispatch(new URL(`http://localhost${s.path}`).pathname)?.module));
    console.info(`bad-input corpus: ${sent.length} requests to ${routesHit.size} routes; statuses ${JSON.stringify(byStatus)}`);
    expect(failures.map((s) => `${s.label} → ${s.status} ${s.code ?? s.body.slice(0, 80)}`)).toEqual([]);
    expect(sent.length).toBeGreaterThanOrEqual(200);
    // Every route file (16 since "Beri tahu saya", the audio captcha and the OpenAPI document).
    expect(routesHit.size).toBe(routeFileCount());
    expect(routesHit.size).toBeGreaterThanOrEqual(16);
  });

  it("is healthy afterwards: the window, a captcha, a validation, a sign-in and a new account all work", async () => {
    expect((await send("health: window", "GET", "/api/registration-window", { expect: "ignored" })).status).toBe(200);
    expect((await send("health: captcha", "POST", "/api/captcha", { expect: "ignored" })).status).toBe(200);
    expect((await send("health: validate", "POST", "/api/registrations/validate", { ...json({ step: "identity", data: SITI }), expect: "ignored" })).status).toBe(200);
    expect((await send("health: Beri tahu saya", "POST", "/api/agency-notifications", { ...json({ agencyCode: "BMKG", email: "sehat@contoh.id" }), expect: "ignored" })).status).toBe(202);
    await server.prisma.signInAttempt.deleteMany();
    expect(await authorizeApplicant({ identifier: BUDI.nik, password: PASSWORD_STEP.password }, null)).toMatchObject({ role: "APPLICANT" });
    const created = await send("health: register Siti", "POST", "/api/registrations", {
      body: await registrationForm({ ...SITI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) }),
      expect: "ignored",
    });
    expect(created.status).toBe(201);
    expect(logged).toEqual([]);
  }, 60_000);
});
