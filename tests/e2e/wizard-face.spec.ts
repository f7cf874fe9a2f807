/**
 * The selfie's face check (ADR 0015): the detector is loaded from our own origin, only on the
 * documents step; exactly one face passes, no face or several faces are refused with what to do.
 * The run's fake camera plays a portrait (tests/fixtures/faces.ts, playwright.config.ts); the other
 * cases replace the camera with a canvas stream of a picture.
 */
import type { Page } from "@playwright/test";
import { PHOTO_MESSAGES } from "@/schemas/documents";
import { faceFrameJpeg } from "../fixtures/faces";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { continueTo, fillIdentity, takeSelfie } from "./wizard-helpers";

/** Makes the camera show `picture` (a data URL), or a plain gradient when null. */
async function cameraShowing(page: Page, picture: string | null): Promise<void> {
  await page.addInitScript((source: string | null) => {
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement("canvas");
      canvas.width = 640;
      canvas.height = 480;
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      const image = new Image();
      if (source) image.src = source;
      await (source ? image.decode() : Promise.resolve());
      const paint = () => {
        if (source) context.drawImage(image, 0, 0, canvas.width, canvas.height);
        else {
          const gradient = context.createLinearGradient(0, 0, canvas.width, canvas.height);
          gradient.addColorStop(0, "#6b7f99");
          gradient.addColorStop(1, "#d9c7a3");
          context.fillStyle = gradient;
          context.fillRect(0, 0, canvas.width, canvas.height);
        }
      };
      paint();
      setInterval(paint, 100);
      return canvas.captureStream(10);
    };
  }, picture);
}

async function shootAndExpectRefusal(page: Page, message: string) {
  await page.getByRole("button", { name: "Aktifkan Kamera" }).click();
  const shoot = page.getByRole("button", { name: "Ambil Foto" });
  await expect(shoot).toBeEnabled({ timeout: 15_000 });
  await shoot.click();
  const selfie = page.getByRole("region", { name: "Swafoto" });
  await expect(selfie).toContainText(message, { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Gunakan Foto" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Foto Ulang" })).toBeFocused();
  await expectNoAxeViolations(page);
}

test("one face passes; the detector comes from our origin and only on the documents step", async ({ page, newCitizen }) => {
  test.setTimeout(60_000);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/daftar");
  await fillIdentity(page, newCitizen());
  const origin = new URL(page.url()).origin;
  // Nothing of the detector on the identity step.
  expect(requests.filter((url) => url.includes("/vendor/human/"))).toEqual([]);
  await continueTo(page, "dokumen", "Dokumen");
  await takeSelfie(page);
  const detector = requests.filter((url) => url.includes("/vendor/human/"));
  expect(detector).toEqual(expect.arrayContaining([`${origin}/vendor/human/human.esm.js`, `${origin}/vendor/human/blazeface.json`]));
  // Nothing from another host, ever.
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);
});

test("no face in the selfie is refused, saying what to do", async ({ page, newCitizen }) => {
  test.setTimeout(60_000);
  await cameraShowing(page, null);
  await page.goto("/daftar");
  await fillIdentity(page, newCitizen());
  await continueTo(page, "dokumen", "Dokumen");
  await shootAndExpectRefusal(page, PHOTO_MESSAGES.noFace);
});

test("several faces in the selfie are refused, saying what to do", async ({ page, newCitizen }) => {
  test.setTimeout(60_000);
  await cameraShowing(page, `data:image/jpeg;base64,${(await faceFrameJpeg(2)).toString("base64")}`);
  await page.goto("/daftar");
  await fillIdentity(page, newCitizen());
  await continueTo(page, "dokumen", "Dokumen");
  await shootAndExpectRefusal(page, PHOTO_MESSAGES.severalFaces);
});
