/**
 * For the submission, captcha, account-card and sign-in tests (with tests/setup/test-server.ts):
 * sample identities, and helpers that build a multipart submission the way the browser wizard
 * sends it and send it to the route handler.
 */
import fs from "node:fs";
import path from "node:path";
import * as captchaRoute from "@/app/api/captcha/route";
import * as submitRoute from "@/app/api/registrations/route";
import type { PrismaClient } from "@/generated/prisma/client";
import { BUDI } from "../fixtures/identities";
import { makeJpeg, makePng } from "../fixtures/photos";

export { BUDI };

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

/** A fresh captcha through the API, answered by reading the answer from the database (no bypass). */
export async function solveCaptcha(prisma: PrismaClient): Promise<{ captchaId: string; captchaAnswer: string }> {
  const response = await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST" }));
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

export async function submit(form: FormData, headers: Record<string, string> = {}) {
  const response = await submitRoute.POST(submissionRequest(form, headers));
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
