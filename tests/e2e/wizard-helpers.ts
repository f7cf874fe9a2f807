/**
 * Helpers for the wizard's end-to-end tests: filling each step as an applicant would (by label and
 * role) with an identity from the `newCitizen` fixture, and solving the captcha by reading its
 * answer from the open server's SQLite file (the app has no bypass).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type APIRequestContext, type Page, expect } from "@playwright/test";
import { OPEN_DB, PASSWORD, type Identity } from "./citizens";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const KTP_FIXTURE = path.join(ROOT, "tests/fixtures/ktp-sample.jpg");
export { NEW_PASSWORD, OPEN_DB, PASSWORD, type Identity } from "./citizens";

export async function fillIdentity(page: Page, identity: Identity): Promise<void> {
  await fillPersonalData(page, identity);
  await chooseAgency(page, identity.agencyCode);
}

/** Every field of the identity step but the agency. */
export async function fillPersonalData(page: Page, identity: Identity): Promise<void> {
  await page.getByLabel("NIK (Nomor Induk Kependudukan)").fill(identity.nik);
  await page.getByLabel("Nomor Kartu Keluarga (KK)").fill(identity.kk);
  await page.getByLabel("Nama Lengkap").fill(identity.fullName);
  await page.getByLabel("Tempat Lahir").fill(identity.birthPlace);
  await page.getByLabel("Tanggal Lahir").fill(identity.birthDate);
  await page.getByLabel("Nomor HP").fill(identity.phone);
  await page.getByLabel("Email").fill(identity.email);
}

const AGENCY_NAMES = new Map(
  (JSON.parse(fs.readFileSync(path.join(ROOT, "prisma/data/agencies.json"), "utf8")) as { code: string; name: string }[]).map((a) => [a.code, a.name]),
);

/** The seeded name of the agency `code` (prisma/data/agencies.json). */
export function agencyName(code: string): string {
  const name = AGENCY_NAMES.get(code);
  if (!name) throw new Error(`No agency ${code} in the seed`);
  return name;
}

/** The identity step's agency picker (a combobox: a search box and its list). */
export function agencyBox(page: Page) {
  return page.getByRole("combobox", { name: "Instansi" });
}

/** An option of the open agency list, by the agency's whole name (its status badge, if any, after it). */
export function agencyOption(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByRole("listbox", { name: "Daftar instansi" }).getByRole("option", { name: new RegExp(`^${escaped}( Formasi .*)?$`) });
}

/** Chooses the agency `code` as a phone user would: types its name and taps it in the list. */
export async function chooseAgency(page: Page, code: string): Promise<void> {
  const name = agencyName(code);
  // Emptied first: the same name typed over itself is no change, and opens no list.
  await agencyBox(page).fill("");
  await agencyBox(page).fill(name);
  await agencyOption(page, name).click();
  await expect(agencyBox(page)).toHaveValue(name);
}

export async function continueTo(page: Page, slug: string, heading: string): Promise<void> {
  await page.getByRole("button", { name: "Lanjutkan" }).click();
  await expect(page).toHaveURL(new RegExp(`/daftar/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

export async function uploadKtp(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer } = KTP_FIXTURE) {
  await page.getByLabel(/^(Pilih file|Ganti) foto KTP$/).setInputFiles(file);
}

export async function takeSelfie(page: Page): Promise<void> {
  const activate = page.getByRole("button", { name: "Aktifkan Kamera" });
  if (await activate.isVisible()) await activate.click();
  else await page.getByRole("button", { name: "Foto Ulang" }).click();
  const shoot = page.getByRole("button", { name: "Ambil Foto" });
  await expect(shoot).toBeEnabled({ timeout: 15_000 });
  await shoot.click();
  await page.getByRole("button", { name: "Gunakan Foto" }).click();
  await expect(page.getByRole("img", { name: "Swafoto yang akan dikirim" })).toBeVisible();
}

export async function fillDocuments(page: Page): Promise<void> {
  await uploadKtp(page);
  await expect(page.getByRole("img", { name: "Pratinjau foto KTP yang dipilih" })).toBeVisible();
  await takeSelfie(page);
}

/** The radio of security question `n` (1 or 2) whose text is `question`. */
export function securityQuestion(page: Page, n: 1 | 2, question: string | RegExp) {
  return page.getByRole("group", { name: `Pertanyaan keamanan ${n}` }).getByRole("radio", { name: question });
}

export const QUESTION_SD = "Apa nama sekolah dasar (SD) Anda?";
export const QUESTION_FOOD = "Apa makanan favorit Anda?";

export async function fillPassword(page: Page, password = PASSWORD): Promise<void> {
  await page.getByLabel("Kata Sandi", { exact: true }).fill(password);
  await page.getByLabel("Ulangi Kata Sandi", { exact: true }).fill(password);
  await securityQuestion(page, 1, QUESTION_SD).check();
  await page.getByLabel("Jawaban 1").fill("SD Negeri 3 Sukamaju");
  await securityQuestion(page, 2, QUESTION_FOOD).check();
  await page.getByLabel("Jawaban 2").fill("nasi goreng kambing");
}

/** Remembers the id of the last captcha the page asked for (POST /api/captcha). */
export function trackCaptcha(page: Page): { latest: () => string | null } {
  let latest: string | null = null;
  page.on("response", async (response) => {
    if (response.request().method() !== "POST" || !response.url().endsWith("/api/captcha")) return;
    try {
      latest = ((await response.json()) as { id: string }).id;
    } catch {
      // A failed captcha request: the page shows it; the test will time out on the answer.
    }
  });
  return { latest: () => latest };
}

/** One read of a server's SQLite file (the open server's unless another is named). */
function readDatabase<T>(databaseFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The answer, read from the server's database (the open server's unless another file is named). */
export function captchaAnswer(id: string, databaseFile = OPEN_DB): string {
  const row = readDatabase(databaseFile, (db) => db.prepare('SELECT answer FROM "Captcha" WHERE id = ?').get(id) as { answer: string } | undefined);
  if (!row) throw new Error(`No captcha ${id}`);
  return row.answer;
}

/** Whether the captcha is still there: not yet consumed (nor burnt, nor swept after expiring). */
export function captchaExists(id: string, databaseFile = OPEN_DB): boolean {
  return readDatabase(databaseFile, (db) => db.prepare('SELECT 1 FROM "Captcha" WHERE id = ?').get(id) !== undefined);
}

/** How many accounts hold this NIK in the server's database. */
export function accountsWithNik(nik: string, databaseFile = OPEN_DB): number {
  return readDatabase(databaseFile, (db) => (db.prepare('SELECT COUNT(*) AS n FROM "Account" WHERE nik = ?').get(nik) as { n: number }).n);
}

/** Types the right answer for the captcha on screen (waits for the page to have fetched it). */
export async function solveCaptcha(page: Page, tracker: { latest: () => string | null }, previous?: string | null, databaseFile = OPEN_DB) {
  await expect(page.getByRole("img", { name: /Gambar kode captcha/ })).toBeVisible();
  await expect.poll(() => tracker.latest()).not.toBe(previous ?? null);
  const id = tracker.latest() as string;
  await page.getByLabel("Kode captcha").fill(captchaAnswer(id, databaseFile));
  return id;
}

export async function confirmRegistration(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Simpan dan Buat Akun" }).click();
  const dialog = page.getByRole("dialog", { name: "Apakah data Anda sudah benar?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Iya" }).click();
}

/** Identity → documents → password: the password step filled in, not yet sent. */
export async function fillWizardToPassword(page: Page, identity: Identity) {
  await page.goto("/daftar");
  await expect(page).toHaveURL(/\/daftar\/identitas$/);
  await fillIdentity(page, identity);
  await continueTo(page, "dokumen", "Dokumen");
  await fillDocuments(page);
  await continueTo(page, "kata-sandi", "Kata Sandi");
  await fillPassword(page);
}

/**
 * Identity → documents → password → captcha → review, ready for "Simpan dan Buat Akun" (on the
 * open server unless the database file of another is named, for the captcha's answer).
 */
export async function fillWizardToReview(page: Page, identity: Identity, tracker = trackCaptcha(page), databaseFile = OPEN_DB) {
  await fillWizardToPassword(page, identity);
  await continueTo(page, "captcha", "Captcha");
  await solveCaptcha(page, tracker, null, databaseFile);
  await continueTo(page, "cek-ulang", "Cek Ulang");
  return tracker;
}

/**
 * The multipart body the wizard sends for `identity`, with a fresh captcha of the server behind
 * `request` solved from that server's database (the open server's unless another file is named).
 */
export async function registrationMultipart(request: APIRequestContext, identity: Identity, databaseFile = OPEN_DB) {
  const captcha = (await (await request.post("/api/captcha")).json()) as { id: string };
  const photo = fs.readFileSync(KTP_FIXTURE);
  return {
    nik: identity.nik,
    kk: identity.kk,
    fullName: identity.fullName,
    birthPlace: identity.birthPlace,
    birthDate: identity.birthDate,
    phone: identity.phone,
    email: identity.email,
    agencyCode: identity.agencyCode,
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    securityQuestion1: "SEKOLAH_DASAR",
    securityAnswer1: "SD Negeri 3 Sukamaju",
    securityQuestion2: "MAKANAN_FAVORIT",
    securityAnswer2: "nasi goreng kambing",
    captchaId: captcha.id,
    captchaAnswer: captchaAnswer(captcha.id, databaseFile),
    ktpPhoto: { name: "ktp.jpg", mimeType: "image/jpeg", buffer: photo },
    selfie: { name: "swafoto.jpg", mimeType: "image/jpeg", buffer: photo },
  };
}

/**
 * Creates an account straight through the API (for refusals that need one to exist); answers the
 * 201's receipt. With `page.request`, the card token cookie lands in the page's browser context.
 */
export async function registerViaApi(request: APIRequestContext, identity: Identity): Promise<{ registrationNumber: string; cardToken: string }> {
  const response = await request.post("/api/registrations", { multipart: await registrationMultipart(request, identity) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { registrationNumber: string; cardToken: string };
}
