/**
 * Step 2, Dokumen, without zod, and the one home of the photo rules: limits, accepted types and
 * every message about a photo, for the browser (file chooser, camera, compression) and the server
 * (the multipart upload, decoding and re-encoding) alike. The schema (src/schemas/documents.ts)
 * builds on these; the browser imports them with the page and the schema later (ADR 0020).
 */

/** The documents step's fields, in the form's order; the schema's shape is held to this list. */
export const DOCUMENT_FIELDS = ["ktpPhoto", "selfie"] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** After client-side compression, as the real portal's 200 KB limit. */
export const MAX_PHOTO_BYTES = 200 * 1024;
/** What the server accepts before re-encoding, for browsers whose compression falls short. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_PHOTO_TYPES = ["image/jpeg", "image/png"] as const;
export type AcceptedPhotoType = (typeof ACCEPTED_PHOTO_TYPES)[number];
/** For `<input type="file" accept>`. */
export const PHOTO_ACCEPT = ACCEPTED_PHOTO_TYPES.join(",");
/** Shorter than this on either side, a KTP or a face cannot be read. */
export const MIN_PHOTO_DIMENSION = 200;

/**
 * Exposure rules, on the luminance (0 = black, 255 = white) of the whole photo, the same in the
 * browser (canvas) and on the server (sharp's stats): a photo with almost no variation (a covered
 * or not-yet-started camera gives an all-black frame, an overexposed one all white) or one far too
 * dark or too bright shows no readable KTP or face. Chromium's fake camera, a dim room and a KTP on
 * white paper all stay well inside these bounds (standard deviation ≥ 15, mean 40–220).
 */
export const PHOTO_LUMINANCE = {
  /** Below this standard deviation the photo is nearly one flat colour. */
  minStdev: 10,
  /** Mean luminance below this: too dark to read. */
  minMean: 32,
  /** Mean luminance above this: washed out. */
  maxMean: 230,
} as const;

export type LuminanceStats = { mean: number; stdev: number };
export type ExposureProblem = "uniform" | "tooDark" | "tooBright";

/** What is wrong with a photo's exposure, if anything; a flat frame is named before its brightness. */
export function exposureProblem({ mean, stdev }: LuminanceStats): ExposureProblem | null {
  if (stdev < PHOTO_LUMINANCE.minStdev) return "uniform";
  if (mean < PHOTO_LUMINANCE.minMean) return "tooDark";
  if (mean > PHOTO_LUMINANCE.maxMean) return "tooBright";
  return null;
}

/** "1 KB"-style sizes for photo limits and previews. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString("id-ID", { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("id-ID")} KB`;
}

export function isAcceptedPhotoType(type: string): type is AcceptedPhotoType {
  return (ACCEPTED_PHOTO_TYPES as readonly string[]).includes(type);
}

export const PHOTO_MESSAGES = {
  /** The wizard's step, before a photo is there. */
  ktpPhotoRequired: "Unggah atau ambil foto KTP.",
  selfieRequired: "Ambil swafoto dengan kamera.",
  /** A submission that arrives without the file. */
  ktpPhotoMissing: "Foto KTP wajib diunggah.",
  selfieMissing: "Swafoto wajib diambil.",
  empty: "File foto kosong. Silakan ambil atau unggah ulang.",
  /** The type the browser declares for a file. */
  declaredType: "Foto harus berformat JPG atau PNG.",
  notAPhoto: "Foto harus berformat JPG atau PNG. File yang dipilih bukan foto JPG atau PNG.",
  /** The type the bytes turn out to be (magic bytes, decoder), judged by the server. */
  type: "Foto harus berupa file JPG atau PNG.",
  tooLargeFor: (maxBytes: number) => `Ukuran foto maksimal ${formatBytes(maxBytes)}.`,
  tooLarge: `Ukuran foto maksimal ${formatBytes(MAX_UPLOAD_BYTES)}.`,
  cannotShrink: `Foto tidak dapat diperkecil hingga ${formatBytes(MAX_PHOTO_BYTES)}. Gunakan foto lain dengan resolusi lebih kecil.`,
  unreadable: "Foto rusak atau tidak dapat dibaca. Pastikan file adalah foto JPG atau PNG yang utuh, lalu ambil atau unggah ulang.",
  resolutionTooLarge: "Resolusi foto terlalu besar. Gunakan foto dengan resolusi lebih kecil.",
  tooSmall: `Foto terlalu kecil. Ukuran minimal ${MIN_PHOTO_DIMENSION}×${MIN_PHOTO_DIMENSION} piksel.`,
  /** The browser could not decode the chosen file as an image (a PDF renamed .jpg, a broken file). */
  notAnImage:
    "File yang dipilih bukan foto yang dapat dibaca (misalnya dokumen PDF yang namanya diganti menjadi .jpg). Pilih foto JPG atau PNG.",
  /** Exposure (PHOTO_LUMINANCE): each says what to do. */
  uniform:
    "Foto tampak polos, hampir satu warna (misalnya hitam atau putih seluruhnya). Pastikan kamera tidak tertutup dan gambar sudah tampil, lalu ambil atau unggah ulang foto.",
  tooDark: "Foto terlalu gelap. Ambil ulang di tempat yang lebih terang atau nyalakan lampu, dan pastikan kamera tidak tertutup.",
  tooBright: "Foto terlalu terang. Hindari cahaya yang menyilaukan atau lampu kilat langsung ke arah kamera, lalu ambil ulang foto.",
  /** The browser's face check of the selfie (src/lib/face-check.ts); advisory where it cannot run. */
  noFace:
    "Wajah tidak terdeteksi pada swafoto. Hadapkan wajah ke kamera dan pastikan seluruh wajah terlihat jelas dengan cahaya cukup, lalu ambil ulang foto.",
  severalFaces: "Terdeteksi lebih dari satu wajah pada swafoto. Pastikan hanya wajah Anda yang terlihat, lalu ambil ulang foto.",
} as const;

/** The message for a selfie with no face or several faces; null for exactly one. */
export function faceCountMessage(faces: number): string | null {
  if (faces === 0) return PHOTO_MESSAGES.noFace;
  return faces > 1 ? PHOTO_MESSAGES.severalFaces : null;
}

/** The message for an exposure problem, or null when the photo is fine. */
export function exposureMessage(stats: LuminanceStats): string | null {
  const problem = exposureProblem(stats);
  return problem ? PHOTO_MESSAGES[problem] : null;
}
