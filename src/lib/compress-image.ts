/**
 * Browser-side photo compression: decode the image, draw it on a canvas and re-encode it as a
 * JPEG no larger than `maxBytes`, lowering the quality first and then the dimensions. The decoded
 * image's exposure is measured on the way (photo-luminance.ts), so the caller can refuse a black or
 * washed-out photo before it is sent.
 * Hand-written rather than browser-image-compression, whose web worker loads the library from a
 * CDN at run time (offline kiosks and strict networks block it) and which adds ~50 KB.
 */

import { measureLuminance } from "@/lib/photo-luminance";
import { type LuminanceStats, exposureMessage } from "@/schemas/facts/documents";

export class PhotoDecodeError extends Error {
  constructor() {
    super("The image could not be decoded");
    this.name = "PhotoDecodeError";
  }
}

/** The image decoded, but is nearly uniform, or far too dark or bright (PHOTO_LUMINANCE): not worth sending. */
export class PhotoExposureError extends Error {
  constructor(
    readonly userMessage: string,
    readonly luminance: LuminanceStats,
  ) {
    super("The photo is badly exposed");
    this.name = "PhotoExposureError";
  }
}

export type CompressedPhoto = { blob: Blob; width: number; height: number; luminance: LuminanceStats };

export type CompressOptions = {
  /** The longest side, in pixels, before any further shrinking. */
  maxDimension?: number;
  /** A shorter side below this is refused (PhotoTooSmallError) before any work. */
  minDimension?: number;
};

/** The image decoded, but is smaller than `minDimension` on a side: a KTP or face cannot be read. */
export class PhotoTooSmallError extends Error {
  constructor() {
    super("The photo is too small");
    this.name = "PhotoTooSmallError";
  }
}

const QUALITIES = [0.86, 0.74, 0.62, 0.5, 0.4] as const;
const SHRINK_FACTOR = 0.75;
const MAX_ATTEMPTS = 8;

type Drawable = { source: CanvasImageSource; width: number; height: number; close: () => void };

async function decode(blob: Blob): Promise<Drawable> {
  if (typeof createImageBitmap === "function") {
    try {
      // EXIF orientation is applied ("from-image" is the default), so phone photos stay upright.
      const bitmap = await createImageBitmap(blob);
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Fall through to <img>, which decodes a few formats createImageBitmap refuses in some browsers.
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    if (!image.naturalWidth || !image.naturalHeight) throw new PhotoDecodeError();
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch {
    URL.revokeObjectURL(url);
    throw new PhotoDecodeError();
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Canvas encoding failed"))), "image/jpeg", quality);
  });
}

/**
 * Throws PhotoDecodeError when the browser cannot read the image at all, PhotoTooSmallError below
 * `minDimension`, PhotoExposureError when it shows nothing usable (black, white, far too dark or bright).
 */
export async function compressPhoto(input: Blob, maxBytes: number, options: CompressOptions = {}): Promise<CompressedPhoto> {
  const image = await decode(input);
  try {
    if (Math.min(image.width, image.height) < (options.minDimension ?? 0)) throw new PhotoTooSmallError();
    const luminance = measureLuminance(image.source, image.width, image.height);
    const exposure = exposureMessage(luminance);
    if (exposure) throw new PhotoExposureError(exposure, luminance);
    const maxDimension = options.maxDimension ?? 1600;
    let scale = Math.min(1, maxDimension / Math.max(image.width, image.height));
    const canvas = document.createElement("canvas");
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      canvas.width = Math.max(1, Math.round(image.width * scale));
      canvas.height = Math.max(1, Math.round(image.height * scale));
      const context = canvas.getContext("2d");
      if (!context) throw new Error("No 2D canvas context");
      // JPEG has no transparency: a PNG's transparent areas become white, not black.
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image.source, 0, 0, canvas.width, canvas.height);
      for (const quality of QUALITIES) {
        const blob = await toJpeg(canvas, quality);
        if (blob.size <= maxBytes) return { blob, width: canvas.width, height: canvas.height, luminance };
      }
      scale *= SHRINK_FACTOR;
    }
    throw new Error("Could not compress the photo under the limit");
  } finally {
    image.close();
  }
}
