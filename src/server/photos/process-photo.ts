import "server-only";
import sharp, { type SharpOptions } from "sharp";
import { AppError } from "@/domain/errors";
import {
  type DocumentField,
  type LuminanceStats,
  MAX_UPLOAD_BYTES,
  MIN_PHOTO_DIMENSION,
  PHOTO_MESSAGES,
  exposureMessage,
} from "@/schemas/documents";

/**
 * Server-side handling of an uploaded photo (SPEC "Photos"): judged by its content (magic bytes,
 * never the file name or the declared type), decoded with a decompression-bomb guard, turned
 * upright by its EXIF orientation, scaled down to bounded dimensions and re-encoded as a JPEG that
 * carries no metadata at all (EXIF, GPS, XMP, ICC and comments are dropped). A nearly uniform,
 * far too dark or far too bright photo is refused (PHOTO_LUMINANCE, shared with the browser).
 */

/** Exposure is judged on a thumbnail this size: enough for the statistics, cheap to decode (JPEG shrink-on-load). */
export const LUMINANCE_SAMPLE_DIMENSION = 256;

/** Pixels (width × height) a header may announce before we refuse to decode it: a bomb guard. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** The re-encoded photo fits within this box; smaller photos are never enlarged. */
export const MAX_OUTPUT_DIMENSION = 1600;
export const OUTPUT_JPEG_QUALITY = 82;

export type PhotoField = DocumentField;
export type PhotoFormat = "jpeg" | "png";

export type ProcessedPhoto = { bytes: Buffer; width: number; height: number };

/** JPEG: FF D8 FF. PNG: the 8-byte signature. Anything else is refused, whatever its name. */
export function detectPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((byte, i) => bytes[i] === byte)) return "png";
  return null;
}

function fieldError(code: "VALIDATION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE", field: PhotoField, message: string): AppError {
  return new AppError(code, { ...(code === "VALIDATION_FAILED" ? {} : { message }), fields: { [field]: [message] } });
}

/**
 * The cheap checks that need no decoding: not empty, within the upload limit (413), a JPEG or
 * PNG by content (415). Run before the captcha is consumed, so a wrong file costs no captcha.
 */
export function inspectPhoto(bytes: Uint8Array, field: PhotoField): PhotoFormat {
  if (bytes.length === 0) throw fieldError("VALIDATION_FAILED", field, PHOTO_MESSAGES.empty);
  if (bytes.length > MAX_UPLOAD_BYTES) throw fieldError("PAYLOAD_TOO_LARGE", field, PHOTO_MESSAGES.tooLarge);
  const format = detectPhotoFormat(bytes);
  if (!format) throw fieldError("UNSUPPORTED_MEDIA_TYPE", field, PHOTO_MESSAGES.type);
  return format;
}

/** Decodes, orients, bounds and re-encodes a photo; every refusal names the field. */
export async function processPhoto(bytes: Uint8Array, field: PhotoField): Promise<ProcessedPhoto> {
  inspectPhoto(bytes, field);
  const options = {
    // "error" refuses truncated and corrupt data; "warning" would also refuse the harmless libjpeg
    // warnings some phone cameras trigger.
    failOn: "error",
    limitInputPixels: MAX_INPUT_PIXELS,
    autoOrient: true,
  } as const;

  let width: number;
  let height: number;
  try {
    const metadata = await sharp(bytes, options).metadata();
    if (metadata.format !== "jpeg" && metadata.format !== "png") throw fieldError("UNSUPPORTED_MEDIA_TYPE", field, PHOTO_MESSAGES.type);
    // The header's dimensions, before any pixel is decoded: the bomb guard does not wait for sharp.
    if (metadata.width * metadata.height > MAX_INPUT_PIXELS) throw fieldError("VALIDATION_FAILED", field, PHOTO_MESSAGES.resolutionTooLarge);
    width = metadata.autoOrient.width;
    height = metadata.autoOrient.height;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw decodeError(error, field);
  }
  if (Math.min(width, height) < MIN_PHOTO_DIMENSION) throw fieldError("VALIDATION_FAILED", field, PHOTO_MESSAGES.tooSmall);

  let luminance: LuminanceStats;
  try {
    luminance = await measureLuminance(bytes, options);
  } catch (error) {
    throw decodeError(error, field);
  }
  const exposure = exposureMessage(luminance);
  if (exposure) throw fieldError("VALIDATION_FAILED", field, exposure);

  try {
    const { data, info } = await sharp(bytes, options)
      .resize({ width: MAX_OUTPUT_DIMENSION, height: MAX_OUTPUT_DIMENSION, fit: "inside", withoutEnlargement: true })
      // A transparent PNG becomes a photo on white, not on JPEG's default black.
      .flatten({ background: "#ffffff" })
      // No keepMetadata/withMetadata: sharp writes none of the input's EXIF, GPS, XMP or ICC.
      .jpeg({ quality: OUTPUT_JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch (error) {
    throw decodeError(error, field);
  }
}

/** Rec. 709 weights on the sRGB values, as the browser's measure (src/lib/photo-luminance.ts) takes them. */
const LUMA: [number, number, number] = [0.2126, 0.7152, 0.0722];

/**
 * Mean and standard deviation of the photo's luminance (0–255), on white like the re-encoded JPEG.
 * `stats()` reads its input, not the pipeline: the luminance thumbnail is made first, then measured.
 * (sharp's own greyscale() works in linear light and would judge colourful photos differently from
 * the browser.)
 */
export async function measureLuminance(bytes: Uint8Array, options: SharpOptions = {}): Promise<LuminanceStats> {
  const { data, info } = await sharp(bytes, options)
    .resize({ width: LUMINANCE_SAMPLE_DIMENSION, height: LUMINANCE_SAMPLE_DIMENSION, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .toColourspace("srgb")
    .recomb([LUMA, LUMA, LUMA])
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { channels } = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).stats();
  const [grey] = channels;
  if (!grey) throw new Error("No luminance channel");
  return { mean: grey.mean, stdev: grey.stdev };
}

/** sharp's own refusal of a too-large header ("exceeds pixel limit") or any decoding failure. */
function decodeError(error: unknown, field: PhotoField): AppError {
  const bomb = error instanceof Error && /pixel limit/i.test(error.message);
  return fieldError("VALIDATION_FAILED", field, bomb ? PHOTO_MESSAGES.resolutionTooLarge : PHOTO_MESSAGES.unreadable);
}
