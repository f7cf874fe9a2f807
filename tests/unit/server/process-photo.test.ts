import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/domain/errors";
import { MAX_UPLOAD_BYTES, MIN_PHOTO_DIMENSION, PHOTO_MESSAGES } from "@/schemas/documents";
import { MAX_INPUT_PIXELS, MAX_OUTPUT_DIMENSION, detectPhotoFormat, processPhoto } from "@/server/photos/process-photo";
import { makeExposureJpeg, makeJpeg, makeJpegWithExif, makePdfBytes, makePixelBombPng, makePng, makeTruncatedJpeg } from "../../fixtures/photos";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the photo to be refused");
}

describe("processPhoto", () => {
  it("re-encodes a PNG as a JPEG of the same size", async () => {
    const out = await processPhoto(await makePng(640, 480), "ktpPhoto");
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 640, height: 480 });
    expect(out).toMatchObject({ width: 640, height: 480 });
  });

  it("puts a transparent PNG on white", async () => {
    const out = await processPhoto(await makePng(300, 300, { alpha: true }), "selfie");
    const meta = await sharp(out.bytes).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.hasAlpha).toBe(false);
  });

  it("removes all metadata (EXIF with GPS, camera, orientation) and turns the photo upright", async () => {
    const input = await makeJpegWithExif(800, 600, 6);
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.toString("latin1")).toContain("FixtureCam");
    expect(inputMeta.orientation).toBe(6);

    const out = await processPhoto(input, "selfie");
    const meta = await sharp(out.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 means "rotate 90°": the 800×600 sensor image is a 600×800 portrait.
    expect([meta.width, meta.height]).toEqual([600, 800]);
    expect(out.bytes.toString("latin1")).not.toMatch(/FixtureCam|Rahasia|GPS/);
  });

  it("scales large photos down to fit within the bound, and never enlarges small ones", async () => {
    const large = await processPhoto(await makeJpeg(2400, 1800), "ktpPhoto");
    expect([large.width, large.height]).toEqual([MAX_OUTPUT_DIMENSION, 1200]);
    const small = await processPhoto(await makeJpeg(320, 240), "ktpPhoto");
    expect([small.width, small.height]).toEqual([320, 240]);
  });

  it.each([
    ["black", PHOTO_MESSAGES.uniform],
    ["white", PHOTO_MESSAGES.uniform],
    ["grey", PHOTO_MESSAGES.uniform],
    ["darkNoisy", PHOTO_MESSAGES.tooDark],
  ] as const)("refuses a %s photo: 422 under its field, saying what to do", async (kind, message) => {
    const error = await refusal(processPhoto(await makeExposureJpeg(kind), "selfie"));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ selfie: [message] });
  });

  it("refuses a washed-out KTP photo as too bright, and accepts a normal one", async () => {
    const bright = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#f4f4f4" } })
      .composite([{ input: await sharp({ create: { width: 200, height: 100, channels: 3, background: "#c8c8c8" } }).png().toBuffer(), left: 100, top: 100 }])
      .jpeg()
      .toBuffer();
    const error = await refusal(processPhoto(bright, "ktpPhoto"));
    expect(error.fields).toEqual({ ktpPhoto: [PHOTO_MESSAGES.tooBright] });
    await expect(processPhoto(await makeExposureJpeg("normal"), "ktpPhoto")).resolves.toMatchObject({ width: 640, height: 480 });
  });

  it("judges the format by content: a PDF named foto.jpg is 415 with a field message", async () => {
    const pdf = makePdfBytes();
    expect(detectPhotoFormat(pdf)).toBeNull();
    const error = await refusal(processPhoto(pdf, "ktpPhoto"));
    expect(error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415, message: PHOTO_MESSAGES.type, fields: { ktpPhoto: [PHOTO_MESSAGES.type] } });
  });

  it("refuses other image formats (GIF, WebP) too", async () => {
    const webp = await sharp(await makeJpeg(300, 300)).webp().toBuffer();
    const gif = await sharp(await makeJpeg(300, 300)).gif().toBuffer();
    expect((await refusal(processPhoto(webp, "selfie"))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await refusal(processPhoto(gif, "selfie"))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a truncated JPEG: 422 with a field message", async () => {
    const error = await refusal(processPhoto(await makeTruncatedJpeg(), "selfie"));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422, fields: { selfie: [PHOTO_MESSAGES.unreadable] } });
  });

  it("refuses garbage after a valid JPEG signature", async () => {
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]);
    expect((await refusal(processPhoto(garbage, "selfie"))).fields).toEqual({ selfie: [PHOTO_MESSAGES.unreadable] });
  });

  it("refuses a decompression bomb (20000×20000 in a few KB) before decoding it", async () => {
    const bomb = makePixelBombPng(20_000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(20_000 * 20_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    const error = await refusal(processPhoto(bomb, "ktpPhoto"));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", fields: { ktpPhoto: [PHOTO_MESSAGES.resolutionTooLarge] } });
  });

  it("refuses a photo too small to read", async () => {
    const error = await refusal(processPhoto(await makeJpeg(MIN_PHOTO_DIMENSION - 1, 400), "ktpPhoto"));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", fields: { ktpPhoto: [PHOTO_MESSAGES.tooSmall] } });
    await expect(processPhoto(await makeJpeg(MIN_PHOTO_DIMENSION, MIN_PHOTO_DIMENSION), "ktpPhoto")).resolves.toBeTruthy();
  });

  it("refuses more than the upload limit with 413, and an empty file with 422", async () => {
    const jpeg = await makeJpeg(300, 300);
    const oversize = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)]);
    expect(await refusal(processPhoto(oversize, "selfie"))).toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413, fields: { selfie: [PHOTO_MESSAGES.tooLarge] } });
    expect(await refusal(processPhoto(Buffer.alloc(0), "selfie"))).toMatchObject({ code: "VALIDATION_FAILED", fields: { selfie: [PHOTO_MESSAGES.empty] } });
  });
});
