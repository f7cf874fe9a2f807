import { describe, expect, it } from "vitest";
import { luminanceStats } from "@/lib/photo-luminance";
import { PHOTO_LUMINANCE, PHOTO_MESSAGES, exposureMessage, exposureProblem, faceCountMessage } from "@/schemas/documents";
import { measureLuminance } from "@/server/photos/process-photo";
import { type ExposureCase, exposureRgb, makeExposureJpeg, rgbToRgba } from "../../fixtures/photos";

const EXPECTED: Record<ExposureCase, ReturnType<typeof exposureProblem>> = {
  black: "uniform",
  white: "uniform",
  grey: "uniform",
  darkNoisy: "tooDark",
  normal: null,
};

describe("the exposure rules (PHOTO_LUMINANCE), shared by the browser and the server", () => {
  it("name a flat frame before its brightness, then too dark, then too bright", () => {
    expect(exposureProblem({ mean: 0, stdev: 0 })).toBe("uniform");
    expect(exposureProblem({ mean: 250, stdev: PHOTO_LUMINANCE.minStdev - 0.1 })).toBe("uniform");
    expect(exposureProblem({ mean: PHOTO_LUMINANCE.minMean - 0.1, stdev: 20 })).toBe("tooDark");
    expect(exposureProblem({ mean: PHOTO_LUMINANCE.maxMean + 0.1, stdev: 20 })).toBe("tooBright");
    expect(exposureProblem({ mean: PHOTO_LUMINANCE.minMean, stdev: PHOTO_LUMINANCE.minStdev })).toBeNull();
    expect(exposureProblem({ mean: PHOTO_LUMINANCE.maxMean, stdev: 60 })).toBeNull();
  });

  it("say what to do, in Indonesian", () => {
    expect(exposureMessage({ mean: 0, stdev: 0 })).toBe(PHOTO_MESSAGES.uniform);
    expect(exposureMessage({ mean: 10, stdev: 12 })).toBe(PHOTO_MESSAGES.tooDark);
    expect(exposureMessage({ mean: 240, stdev: 12 })).toBe(PHOTO_MESSAGES.tooBright);
    expect(exposureMessage({ mean: 120, stdev: 40 })).toBeNull();
    expect(PHOTO_MESSAGES.uniform).toMatch(/kamera tidak tertutup/);
    expect(PHOTO_MESSAGES.tooDark).toMatch(/lebih terang/);
  });

  it("keep Chromium's fake camera and an ordinary dim photo inside the bounds", () => {
    // Measured frames of the fake camera: mean 99–114, standard deviation 15–38.
    expect(exposureProblem({ mean: 99, stdev: 15 })).toBeNull();
    expect(exposureProblem({ mean: 45, stdev: 18 })).toBeNull();
  });
});

describe("luminanceStats (the browser's measure, on canvas pixels)", () => {
  it("measures a black, a white and a grey frame as flat", () => {
    expect(luminanceStats(rgbToRgba(exposureRgb("black", 64, 48)))).toEqual({ mean: 0, stdev: 0 });
    const white = luminanceStats(rgbToRgba(exposureRgb("white", 64, 48)));
    expect(white.mean).toBeCloseTo(255, 5);
    expect(white.stdev).toBeLessThan(0.01);
    expect(luminanceStats(rgbToRgba(exposureRgb("grey", 64, 48))).mean).toBeCloseTo(128, 5);
  });

  it("answers zeros for no pixels", () => {
    expect(luminanceStats(new Uint8ClampedArray())).toEqual({ mean: 0, stdev: 0 });
  });

  it.each(Object.entries(EXPECTED) as [ExposureCase, ReturnType<typeof exposureProblem>][])(
    "%s: judged %s by the browser's measure and by the server's (sharp) alike",
    async (kind, expected) => {
      const browser = luminanceStats(rgbToRgba(exposureRgb(kind)));
      const server = await measureLuminance(await makeExposureJpeg(kind));
      expect(exposureProblem(browser)).toBe(expected);
      expect(exposureProblem(server)).toBe(expected);
      expect(Math.abs(browser.mean - server.mean)).toBeLessThan(8);
    },
  );
});

describe("faceCountMessage (the selfie's face check)", () => {
  it("accepts exactly one face and says what to do for none or several", () => {
    expect(faceCountMessage(1)).toBeNull();
    expect(faceCountMessage(0)).toBe(PHOTO_MESSAGES.noFace);
    expect(faceCountMessage(2)).toBe(PHOTO_MESSAGES.severalFaces);
    expect(faceCountMessage(5)).toBe(PHOTO_MESSAGES.severalFaces);
  });
});
