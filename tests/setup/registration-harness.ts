/**
 * For the submission, captcha and account-card route tests: the routes of route-harness.ts plus
 * ours, loaded against a fresh database and a fresh photo storage directory, and helpers that
 * build a multipart submission the way the browser wizard sends it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { makeJpeg, makePng } from "../fixtures/photos";
import { loadRoutes, startTestServer } from "./route-harness";
import type { TestDatabase } from "./test-database";

export const OPEN = "2023-09-25T10:00:00+07:00";
export const TEST_AUTH_SECRET = "test-secret-for-card-tokens-0123456789abcdef";

export const BUDI = {
  nik: "3273011205980001",
  kk: "3273011103190001",
  fullName: "Budi Santoso",
  birthPlace: "Bandung",
  birthDate: "1998-05-12",
  phone: "081234567890",
  email: "budi.santoso@example.com",
  agencyCode: "KOTA-3273",
};

export const SITI = {
  ...BUDI,
  nik: "3273014107990001",
  fullName: "Siti Rahayu",
  birthDate: "1999-07-01",
  phone: "081298765432",
  email: "siti.rahayu@example.com",
};

export const PASSWORD_STEP = {
  password: "kopi tubruk di teras pagi",
  passwordConfirm: "kopi tubruk di teras pagi",
  securityQuestion1: "SEKOLAH_DASAR",
  securityAnswer1: "  SDN   Merdeka 3 ",
  securityQuestion2: "HEWAN_PELIHARAAN",
  securityAnswer2: "Si Belang",
};

export type RegistrationTestEnv = {
  testDb: TestDatabase;
  storageDir: string;
  cleanup: () => Promise<void>;
};

export async function startRegistrationTestServer(): Promise<RegistrationTestEnv> {
  const testDb = await startTestServer();
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-storage-"));
  process.env.STORAGE_DIR = storageDir;
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  return {
    testDb,
    storageDir,
    cleanup: async () => {
      await testDb.cleanup();
      fs.rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

export async function loadRegistrationRoutes(appClock = OPEN) {
  const base = await loadRoutes(appClock); // resets the module registry first
  return {
    ...base,
    captcha: await import("@/app/api/captcha/route"),
    submit: await import("@/app/api/registrations/route"),
    summary: await import("@/app/api/registrations/[registrationNumber]/route"),
    card: await import("@/app/api/registrations/[registrationNumber]/card/route"),
    photo: await import("@/app/api/registrations/[registrationNumber]/photos/[kind]/route"),
    // Server modules from the same module graph as the routes, for tests that call them directly.
    submitRegistration: await import("@/server/registration/submit-registration"),
    createAccount: await import("@/server/registration/create-account"),
    runIdempotently: await import("@/server/registration/run-idempotently"),
    cardToken: await import("@/server/registration/card-token"),
    createCaptcha: await import("@/server/captcha/create-captcha"),
    verifyCaptcha: await import("@/server/captcha/verify-captcha"),
  };
}

export type RegistrationRoutes = Awaited<ReturnType<typeof loadRegistrationRoutes>>;

/** A fresh captcha through the API, answered by reading the answer from the database (no bypass). */
export async function solveCaptcha(routes: RegistrationRoutes, prisma: PrismaClient): Promise<{ captchaId: string; captchaAnswer: string }> {
  const response = await routes.captcha.POST(new Request("http://localhost/api/captcha", { method: "POST" }));
  const { id } = (await response.json()) as { id: string };
  const row = await prisma.captcha.findUniqueOrThrow({ where: { id } });
  return { captchaId: id, captchaAnswer: row.answer.toUpperCase() };
}

export type Photos = { ktpPhoto?: Uint8Array | null; selfie?: Uint8Array | null };

let defaultPhotos: Promise<{ ktpPhoto: Buffer; selfie: Buffer }> | undefined;
/** A PNG "KTP scan" and a JPEG "webcam selfie", made once per test file. */
export function samplePhotos(): Promise<{ ktpPhoto: Buffer; selfie: Buffer }> {
  defaultPhotos ??= Promise.all([makePng(856, 540), makeJpeg(640, 480)]).then(([ktpPhoto, selfie]) => ({ ktpPhoto, selfie }));
  return defaultPhotos;
}

export async function registrationForm(fields: Record<string, string | undefined>, photos: Photos = {}): Promise<FormData> {
  const defaults = await samplePhotos();
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  const ktpPhoto = photos.ktpPhoto === undefined ? defaults.ktpPhoto : photos.ktpPhoto;
  const selfie = photos.selfie === undefined ? defaults.selfie : photos.selfie;
  if (ktpPhoto) form.append("ktpPhoto", new File([new Uint8Array(ktpPhoto)], "ktp.png", { type: "image/png" }));
  if (selfie) form.append("selfie", new File([new Uint8Array(selfie)], "swafoto.jpg", { type: "image/jpeg" }));
  return form;
}

export function submissionRequest(form: FormData, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/registrations", { method: "POST", body: form, headers });
}

export async function submit(routes: RegistrationRoutes, form: FormData, headers: Record<string, string> = {}) {
  const response = await routes.submit.POST(submissionRequest(form, headers));
  // `any`: the assertions read whatever JSON came back, as a client would.
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** Every file under the storage directory, relative paths (temporary files included). */
export function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
