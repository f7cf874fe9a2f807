import "server-only";
import { PDFDocument, type PDFFont, type PDFPage, PageSizes, StandardFonts, rgb } from "pdf-lib";
import { type AccountSummary, genderLabel } from "@/domain/registration/account";
import { formatWib, formatWibDate } from "@/domain/registration/window";

/**
 * The "Kartu Informasi Akun" (SPEC "The wizard", step 6): an A5 PDF with the account's identity,
 * registration number, creation time (WIB) and selfie, and the reminders an applicant needs.
 * Standard Helvetica keeps the text extractable and the file small; it encodes WinAnsi only, so
 * other characters are transliterated or replaced (see `toWinAnsi`).
 */
export type AccountCardData = AccountSummary;

export const CARD_TITLE = "KARTU INFORMASI AKUN";
export const CARD_REMINDERS = [
  // The card is a record of the account, not a recovery key: recovery asks for NIK, KK, birth date,
  // a security answer and a captcha (SPEC "Immutability"), never for the card.
  "Simpan kartu ini sebagai bukti bahwa akun Anda sudah dibuat.",
  "Jika lupa kata sandi, gunakan menu Lupa Kata Sandi dengan NIK, Nomor KK, tanggal lahir, dan jawaban pertanyaan keamanan Anda.",
  "Data akun yang sudah disimpan tidak dapat diubah.",
  "Masuk ke SSCASN menggunakan NIK dan kata sandi Anda. Jangan berikan kata sandi kepada siapa pun.",
] as const;

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A5;
const MARGIN = 32;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.04, 0.27, 0.55);

export async function renderAccountCard(card: AccountCardData, selfieJpeg: Uint8Array | null): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Kartu Informasi Akun ${card.registrationNumber}`);
  doc.setSubject("Kartu Informasi Akun SSCASN CPNS 2023");
  doc.setProducer("SSCASN Buat Akun");
  doc.setCreationDate(card.createdAt);
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const text = (value: string, font: PDFFont) => toWinAnsi(value, font);

  // Header band
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - 78, width: PAGE_WIDTH, height: 78, color: ACCENT });
  page.drawText(text(CARD_TITLE, bold), { x: MARGIN, y: PAGE_HEIGHT - 40, size: 16, font: bold, color: rgb(1, 1, 1) });
  page.drawText(text("Seleksi CPNS 2023 - SSCASN, Badan Kepegawaian Negara", regular), {
    x: MARGIN,
    y: PAGE_HEIGHT - 60,
    size: 9,
    font: regular,
    color: rgb(0.9, 0.93, 0.98),
  });

  // Selfie, top right, fitted into a passport-like box
  const photoBox = { width: 96, height: 128 };
  const photoTop = PAGE_HEIGHT - 100;
  const photoX = PAGE_WIDTH - MARGIN - photoBox.width;
  page.drawRectangle({ x: photoX, y: photoTop - photoBox.height, ...photoBox, borderColor: MUTED, borderWidth: 0.75 });
  if (selfieJpeg) {
    const image = await doc.embedJpg(selfieJpeg);
    const scale = Math.min(photoBox.width / image.width, photoBox.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    page.drawImage(image, { x: photoX + (photoBox.width - width) / 2, y: photoTop - photoBox.height + (photoBox.height - height) / 2, width, height });
  }

  // Registration number, prominent
  let y = PAGE_HEIGHT - 112;
  page.drawText(text("Nomor Pendaftaran", regular), { x: MARGIN, y, size: 9, font: regular, color: MUTED });
  y -= 20;
  page.drawText(text(card.registrationNumber, bold), { x: MARGIN, y, size: 18, font: bold, color: INK });
  y -= 30;

  const birthDate = formatWibDate(new Date(`${card.birthDate}T00:00:00+07:00`));
  const rows: [string, string][] = [
    ["NIK", card.nik],
    ["Nama Lengkap", card.fullName],
    ["Tempat/Tanggal Lahir", `${card.birthPlace}, ${birthDate}`],
    ["Jenis Kelamin", genderLabel(card.gender)],
    ["Instansi", card.agency.name],
    ["Waktu Pembuatan Akun", formatWib(card.createdAt)],
  ];
  const valueWidth = photoX - MARGIN - 12;
  for (const [label, value] of rows) {
    page.drawText(text(label, regular), { x: MARGIN, y, size: 9, font: regular, color: MUTED });
    y -= 14;
    // Rows beside the photo are narrower than those below it.
    const width = y > photoTop - photoBox.height ? valueWidth : PAGE_WIDTH - 2 * MARGIN;
    y = drawWrapped(page, text(value, bold), { x: MARGIN, y, size: 11, font: bold, maxWidth: width, lineHeight: 14 });
    y -= 10;
  }

  // Reminders
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_WIDTH - MARGIN, y }, thickness: 0.5, color: MUTED });
  y -= 18;
  page.drawText(text("Penting", bold), { x: MARGIN, y, size: 10, font: bold, color: ACCENT });
  y -= 14;
  for (const reminder of CARD_REMINDERS) {
    page.drawText("-", { x: MARGIN, y, size: 9, font: regular, color: INK });
    y = drawWrapped(page, text(reminder, regular), { x: MARGIN + 10, y, size: 9, font: regular, maxWidth: PAGE_WIDTH - 2 * MARGIN - 10, lineHeight: 12 });
    y -= 4;
  }

  return doc.save();
}

/** Draws text word-wrapped within maxWidth; returns the baseline below the last line. */
function drawWrapped(
  page: PDFPage,
  value: string,
  options: { x: number; y: number; size: number; font: PDFFont; maxWidth: number; lineHeight: number },
): number {
  const { x, size, font, maxWidth, lineHeight } = options;
  let y = options.y;
  let line = "";
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      page.drawText(line, { x, y, size, font, color: INK });
      y -= lineHeight;
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) {
    page.drawText(line, { x, y, size, font, color: INK });
    y -= lineHeight;
  }
  return y;
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/** Letters that NFKD does not take apart into a base letter and an accent. */
const TRANSLITERATIONS: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", ʻ: "'", ʼ: "'" };

/**
 * Text the font can encode: characters outside its (WinAnsi) set lose their accents when that
 * helps (NFKD: "ā" → "a") and otherwise become "?", instead of making pdf-lib throw.
 */
export function toWinAnsi(value: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    characterSets.set(font, supported);
  }
  const set = supported;
  let out = "";
  for (const char of value.replace(/[\r\n\t]+/g, " ")) {
    if (set.has(char.codePointAt(0) ?? 0)) {
      out += char;
      continue;
    }
    const base = (TRANSLITERATIONS[char] ?? char).normalize("NFKD").replace(/\p{M}/gu, "");
    out += base.length > 0 && [...base].every((c) => set.has(c.codePointAt(0) ?? 0)) ? base : "?";
  }
  return out;
}
