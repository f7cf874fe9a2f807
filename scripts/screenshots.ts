/**
 * Saves a PNG of each step of the "Buat Akun" wizard to docs/screenshots/ (desktop width, and the
 * agency picker on a 360 px phone) by
 * walking through it in Debian's Chromium with the fake camera, against a server that is already
 * running:
 *
 *   npx tsx scripts/screenshots.ts [--base-url http://localhost:3000] [--db data/sscasn.db] [--out docs/screenshots] [--only 01,03]
 *
 * It creates a real account for the first sample citizen (from the 20th on, old enough) whose NIK
 * has none yet, and reads the captcha's answer from the server's SQLite file (the app has no
 * captcha bypass), so the server must run on this machine and be open for registration (the
 * default `npm start` clock is).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { type Browser, type Page, chromium } from "@playwright/test";
import { writeFaceY4m } from "../tests/fixtures/faces";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    "base-url": { type: "string", default: "http://localhost:3000" },
    db: { type: "string", default: "data/sscasn.db" },
    out: { type: "string", default: "docs/screenshots" },
    // Comma-separated name prefixes ("01,02,13"): write only those pictures (the walk is the same).
    only: { type: "string" },
  },
});
const only = args.only ? args.only.split(",").map((prefix) => prefix.trim()).filter(Boolean) : null;
const baseUrl = (args["base-url"] ?? "http://localhost:3000").replace(/\/$/, "");
const dbFile = path.resolve(root, args.db ?? "data/sscasn.db");
const outDir = path.resolve(root, args.out ?? "docs/screenshots");

type Citizen = { nik: string; kk: string; fullName: string; birthPlace: string; birthDate: string };
const titleCase = (text: string) => text.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

function withDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

function pickCitizen(): Citizen & { index: number } {
  const citizens = JSON.parse(fs.readFileSync(path.join(root, "prisma/data/citizens.json"), "utf8")) as Citizen[];
  const registered = new Set(withDb((db) => (db.prepare('SELECT nik FROM "Account"').all() as { nik: string }[]).map((r) => r.nik)));
  for (let index = 20; index < citizens.length; index += 1) {
    const citizen = citizens[index];
    // 18 or older on the closing day, and not over 35 (no warning in the pictures).
    if (citizen && !registered.has(citizen.nik) && citizen.birthDate <= "2005-10-08" && citizen.birthDate >= "1988-01-01") {
      return { ...citizen, index };
    }
  }
  throw new Error("Every sample citizen already has an account in this database");
}

const captchaAnswer = (id: string) =>
  withDb((db) => (db.prepare('SELECT answer FROM "Captcha" WHERE id = ?').get(id) as { answer: string } | undefined)?.answer ?? "");

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    permissions: ["camera"],
  });
  return context.newPage();
}

async function shot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (only && !only.some((prefix) => name.startsWith(prefix))) return;
  // Let focus rings, previews and fonts settle.
  await page.waitForTimeout(300);
  // The camera plays a real person's portrait (from the face detector's package): never in our docs.
  const faces = page.locator('video, img[alt*="swafoto" i]');
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage, mask: [faces], maskColor: "#94a3b8" });
  console.log(`screenshots: ${name}.png`);
}

/** Types the agency's name in the picker and taps it in the list. */
async function chooseAgency(page: Page, name: string): Promise<void> {
  const box = page.getByRole("combobox", { name: "Instansi" });
  await box.fill("");
  await box.fill(name);
  await page.getByRole("listbox", { name: "Daftar instansi" }).getByRole("option", { name }).first().click();
}

async function next(page: Page, slug: string): Promise<void> {
  await page.getByRole("button", { name: "Lanjutkan" }).click();
  await page.waitForURL(`**/daftar/${slug}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const citizen = pickCitizen();
  // The fake camera plays a portrait, so the selfie's face check passes (as in the e2e tests).
  const faceCamera = path.join(root, "data", "screenshots-face-camera.y4m");
  await writeFaceY4m(faceCamera);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${faceCamera}`,
    ],
  });
  try {
    // The agency picker on a 360 px phone, its list open on a search (just what is on screen).
    const phone = await newPage(browser, { width: 360, height: 740 });
    await phone.goto("/daftar/identitas");
    const picker = phone.getByRole("combobox", { name: "Instansi" });
    await picker.click();
    await phone.keyboard.type("pemerintah kota");
    await phone.keyboard.press("ArrowDown");
    await phone.keyboard.press("ArrowDown");
    await picker.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 180));
    await shot(phone, "13-identitas-cari-instansi", { fullPage: false });
    await phone.context().close();

    const page = await newPage(browser);
    let captchaId: string | null = null;
    page.on("response", async (response) => {
      if (response.request().method() === "POST" && response.url().endsWith("/api/captcha")) {
        captchaId = ((await response.json()) as { id: string }).id;
      }
    });

    await page.goto("/daftar");
    await page.waitForURL("**/daftar/identitas");
    await shot(page, "01-identitas");
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await page.getByRole("alert").first().waitFor();
    await shot(page, "02-identitas-kesalahan");

    await page.getByLabel("NIK (Nomor Induk Kependudukan)").fill(citizen.nik);
    await page.getByLabel("Nomor Kartu Keluarga (KK)").fill(citizen.kk);
    await page.getByLabel("Nama Lengkap").fill(titleCase(citizen.fullName));
    await page.getByLabel("Tempat Lahir").fill(titleCase(citizen.birthPlace));
    await page.getByLabel("Tanggal Lahir").fill(citizen.birthDate);
    await page.getByLabel("Nomor HP").fill(`0819${String(citizen.index).padStart(8, "0")}`);
    await page.getByLabel("Email").fill(`contoh.${citizen.index}@contoh.id`);
    // The agency picker: a search narrows the list; ↓ and Enter choose.
    const agency = page.getByRole("combobox", { name: "Instansi" });
    await agency.fill("pertahanan");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await agency.blur();
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await page.getByText("Formasi instansi ini masih dalam proses verifikasi").first().waitFor();
    await shot(page, "03-identitas-instansi-diverifikasi");
    await chooseAgency(page, "Badan Kepegawaian Negara");
    await next(page, "dokumen");
    await shot(page, "04-dokumen");

    await page.getByLabel("Pilih file foto KTP").setInputFiles(path.join(root, "tests/fixtures/ktp-sample.jpg"));
    await page.getByRole("button", { name: "Aktifkan Kamera" }).click();
    await page.getByRole("button", { name: "Ambil Foto", disabled: false }).waitFor();
    await page.waitForTimeout(500);
    await shot(page, "05-dokumen-kamera");
    await page.getByRole("button", { name: "Ambil Foto" }).click();
    await page.getByRole("button", { name: "Gunakan Foto" }).click();
    await page.getByRole("img", { name: "Swafoto yang akan dikirim" }).waitFor();
    await shot(page, "06-dokumen-siap");
    await next(page, "kata-sandi");

    const password = "kuda lari di sawah hijau pagi";
    await page.getByLabel("Kata Sandi", { exact: true }).fill(password);
    await page.getByLabel("Ulangi Kata Sandi", { exact: true }).fill(password);
    await page.getByRole("group", { name: "Pertanyaan keamanan 1" }).getByRole("radio", { name: "Apa nama sekolah dasar (SD) Anda?" }).check();
    await page.getByLabel("Jawaban 1").fill("SD Negeri 3 Sukamaju");
    await page.getByRole("group", { name: "Pertanyaan keamanan 2" }).getByRole("radio", { name: "Apa makanan favorit Anda?" }).check();
    await page.getByLabel("Jawaban 2").fill("nasi goreng kambing");
    await page.getByText(/Kekuatan kata sandi: (Kuat|Sangat kuat|Cukup)/).waitFor();
    await shot(page, "07-kata-sandi");
    await next(page, "captcha");

    await page.getByRole("img", { name: /Gambar kode captcha/ }).waitFor();
    while (!captchaId) await page.waitForTimeout(100);
    await page.getByLabel("Kode captcha").fill(captchaAnswer(captchaId));
    await shot(page, "08-captcha");
    await next(page, "cek-ulang");
    await shot(page, "09-cek-ulang");
    await page.getByRole("button", { name: "Simpan dan Buat Akun" }).click();
    await page.getByRole("dialog").waitFor();
    await shot(page, "10-konfirmasi");
    await page.getByRole("dialog").getByRole("button", { name: "Iya" }).click();
    await page.waitForURL("**/daftar/selesai");
    await page.getByText("Akun dibuat pada").waitFor();
    await page.locator("#kartu-informasi-akun img").evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
    await shot(page, "11-selesai");

    // The camera refused: what the applicant sees instead of the live view.
    // The fake-UI flag accepts every camera request, so the refusal is simulated as the browser
    // reports it after "Block": getUserMedia rejects with NotAllowedError.
    const denied = await newPage(browser);
    await denied.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    await denied.goto("/daftar/identitas");
    await denied.getByLabel("NIK (Nomor Induk Kependudukan)").waitFor();
    // The stored progress of the first page is gone after the registration: fill the identity again.
    const other = pickCitizen();
    await denied.getByLabel("NIK (Nomor Induk Kependudukan)").fill(other.nik);
    await denied.getByLabel("Nomor Kartu Keluarga (KK)").fill(other.kk);
    await denied.getByLabel("Nama Lengkap").fill(titleCase(other.fullName));
    await denied.getByLabel("Tempat Lahir").fill(titleCase(other.birthPlace));
    await denied.getByLabel("Tanggal Lahir").fill(other.birthDate);
    await denied.getByLabel("Nomor HP").fill(`0819${String(other.index).padStart(8, "0")}`);
    await denied.getByLabel("Email").fill(`contoh.${other.index}@contoh.id`);
    await chooseAgency(denied, "Badan Kepegawaian Negara");
    await next(denied, "dokumen");
    await denied.getByRole("button", { name: "Aktifkan Kamera" }).click();
    await denied.getByRole("heading", { name: "Izin kamera ditolak" }).waitFor();
    await shot(denied, "12-dokumen-kamera-ditolak");
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
