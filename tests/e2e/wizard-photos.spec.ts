/**
 * Photos the browser refuses before the documents step completes (issue 10, items 1 and 2): a
 * black camera frame, a black KTP photo; and the selfie taken at the camera's own resolution, even
 * right after "Foto Ulang".
 */
import { PHOTO_MESSAGES } from "@/schemas/documents";
import { makeExposureJpeg } from "../fixtures/photos";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { continueTo, fillIdentity, takeSelfie, uploadKtp } from "./wizard-helpers";

const summary = (page: import("@playwright/test").Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

test("a black camera frame is refused in the browser, with what to do", async ({ page, newCitizen }) => {
  test.setTimeout(60_000);
  // A camera that only ever shows black (covered, or not started): a canvas painted black, as a stream.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement("canvas");
      canvas.width = 640;
      canvas.height = 480;
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      const paint = () => {
        context.fillStyle = "#000";
        context.fillRect(0, 0, canvas.width, canvas.height);
      };
      paint();
      setInterval(paint, 100);
      return canvas.captureStream(10);
    };
  });
  await page.goto("/daftar");
  await fillIdentity(page, newCitizen());
  await continueTo(page, "dokumen", "Dokumen");
  await uploadKtp(page);
  await page.getByRole("button", { name: "Aktifkan Kamera" }).click();
  const shoot = page.getByRole("button", { name: "Ambil Foto" });
  await expect(shoot).toBeEnabled({ timeout: 15_000 });
  await shoot.click();

  // It waited for a frame that is not black, none came: the frame is shown with the reason and only "Foto Ulang".
  const selfie = page.getByRole("region", { name: "Swafoto" });
  await expect(selfie).toContainText(PHOTO_MESSAGES.uniform, { timeout: 10_000 });
  await expect(page.getByRole("img", { name: "Pratinjau swafoto yang baru diambil" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gunakan Foto" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Foto Ulang" })).toBeFocused();
  await expectNoAxeViolations(page);

  // The step cannot be completed with it.
  await page.getByRole("button", { name: "Lanjutkan" }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole("link", { name: PHOTO_MESSAGES.uniform })).toBeVisible();
  await expect(page).toHaveURL(/\/daftar\/dokumen$/);
});

test("a black KTP photo is refused at once; a dark one says it is too dark", async ({ page, newCitizen }) => {
  await page.goto("/daftar");
  await fillIdentity(page, newCitizen());
  await continueTo(page, "dokumen", "Dokumen");
  const ktp = page.getByRole("region", { name: "Foto KTP" });
  await uploadKtp(page, { name: "ktp.jpg", mimeType: "image/jpeg", buffer: await makeExposureJpeg("black") });
  await expect(ktp).toContainText(PHOTO_MESSAGES.uniform);
  await expect(page.getByRole("img", { name: "Pratinjau foto KTP yang dipilih" })).toHaveCount(0);
  await uploadKtp(page, { name: "ktp.jpg", mimeType: "image/jpeg", buffer: await makeExposureJpeg("darkNoisy") });
  await expect(ktp).toContainText(PHOTO_MESSAGES.tooDark);
  await expectNoAxeViolations(page);
  await uploadKtp(page);
  await expect(page.getByRole("img", { name: "Pratinjau foto KTP yang dipilih" })).toBeVisible();
  await expect(ktp).not.toContainText(PHOTO_MESSAGES.tooDark);
});

test("the selfie is taken at the camera's resolution, not the preview's, also right after 'Foto Ulang'", async ({ page, newCitizen }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/daftar");
  await fillIdentity(page, newCitizen());
  await continueTo(page, "dokumen", "Dokumen");
  await takeSelfie(page);
  const kept = page.getByRole("img", { name: "Swafoto yang akan dikirim" });
  const size = () => kept.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight, shown: img.clientWidth }));
  const first = await size();
  expect(first.shown).toBeLessThan(360);
  expect(first.width).toBeGreaterThanOrEqual(640);
  expect(first.height).toBeGreaterThanOrEqual(480);

  // "Foto Ulang" then "Ambil Foto" as soon as it can be pressed: a real frame, never a black one.
  await page.getByRole("button", { name: "Foto Ulang" }).click();
  const shoot = page.getByRole("button", { name: "Ambil Foto" });
  await expect(shoot).toBeEnabled({ timeout: 15_000 });
  await shoot.click();
  await expect(page.getByRole("button", { name: "Gunakan Foto" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Swafoto" })).not.toContainText(PHOTO_MESSAGES.uniform);
  await page.getByRole("button", { name: "Gunakan Foto" }).click();
  const again = await size();
  expect(again.width).toBeGreaterThanOrEqual(640);
  expect(again.height).toBeGreaterThanOrEqual(480);
});
