/**
 * The browser's measure of a photo's exposure, for the shared rules in schemas/documents.ts
 * (PHOTO_LUMINANCE): the image is drawn small on white (as the server flattens it) and the mean
 * and standard deviation of its luminance (0–255) are taken from the pixels.
 */
import { type LuminanceStats } from "@/schemas/facts/documents";

/** The thumbnail's longest side: plenty for the statistics, a few milliseconds on a phone. */
export const LUMINANCE_SAMPLE_DIMENSION = 128;

/** Mean and standard deviation of the luminance of RGBA pixels (ImageData's layout), alpha ignored. */
export function luminanceStats(rgba: ArrayLike<number>): LuminanceStats {
  let sum = 0;
  let squares = 0;
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return { mean: 0, stdev: 0 };
  for (let i = 0; i < pixels * 4; i += 4) {
    // Rec. 709 weights on the sRGB values: close to what the server's greyscale gives.
    const y = 0.2126 * (rgba[i] as number) + 0.7152 * (rgba[i + 1] as number) + 0.0722 * (rgba[i + 2] as number);
    sum += y;
    squares += y * y;
  }
  const mean = sum / pixels;
  return { mean, stdev: Math.sqrt(Math.max(0, squares / pixels - mean * mean)) };
}

/** Measures a decoded image, a canvas or the current frame of a video. */
export function measureLuminance(source: CanvasImageSource, width: number, height: number): LuminanceStats {
  const scale = Math.min(1, LUMINANCE_SAMPLE_DIMENSION / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("No 2D canvas context");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return luminanceStats(context.getImageData(0, 0, canvas.width, canvas.height).data);
}
