import { faceFrameJpeg } from "../fixtures/faces";
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import { KTP_FIXTURE, continueTo, fillIdentity } from "./wizard-helpers";

test.describe("when the camera cannot be used", () => {
  test("the applicant is told why and how to fix it per browser, can retry, and has a fallback", async ({ page, newCitizen }) => {
    // A denied camera permission. Neither `permissions: []` nor a CDP "denied" setting reaches the
    // page here: --use-fake-ui-for-media-stream (playwright.config.ts) accepts every camera request.
    // So getUserMedia rejects exactly as a browser does after "Block": a NotAllowedError.
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    await page.goto("/daftar");
    await fillIdentity(page, newCitizen());
    await continueTo(page, "dokumen", "Dokumen");

    // The reason comes before any permission prompt.
    await expect(page.getByText(/Swafoto diambil langsung dengan kamera untuk memastikan/)).toBeVisible();
    await page.getByRole("button", { name: "Aktifkan Kamera" }).click();

    const problem = page.getByRole("heading", { name: "Izin kamera ditolak" });
    await expect(problem).toBeVisible();
    await expect(problem).toBeFocused();
    // The detected browser's steps (Chromium: Chrome's) are shown; the others are collapsed.
    await expect(page.getByRole("heading", { level: 4, name: /^Cara mengizinkan kamera di Chrome/ })).toBeVisible();
    for (const browser of [/^Firefox/, /^Safari/, /Instagram, Facebook, WhatsApp, TikTok/]) {
      const guide = page.locator("details").filter({ has: page.locator("summary", { hasText: browser }) });
      await expect(guide).toHaveCount(1);
      await expect(guide).not.toHaveAttribute("open", "");
    }
    await expect(page.getByText(/Buka di browser/)).toBeHidden();
    await page.locator("summary", { hasText: /Instagram, Facebook/ }).click();
    await expect(page.getByText(/Buka di browser/)).toBeVisible();
    await expectNoAxeViolations(page);

    // "Coba Lagi" asks again (and is refused again here).
    await page.getByRole("button", { name: "Coba Lagi" }).click();
    await expect(page.getByRole("heading", { name: "Izin kamera ditolak" })).toBeVisible();

    // The fallback: a photo from the device's camera app (here: a file).
    const fallback = page.getByLabel("Atau ambil swafoto dengan aplikasi kamera perangkat");
    await expect(fallback).toHaveAttribute("capture", "user");
    await expect(fallback).toHaveAttribute("accept", "image/*");
    await fallback.setInputFiles({ name: "swafoto.jpg", mimeType: "image/jpeg", buffer: await faceFrameJpeg(1) });
    // The photo is judged like a camera frame, face check included (slow on this machine's software WebGL).
    await expect(page.getByRole("img", { name: "Swafoto yang akan dikirim" })).toBeVisible({ timeout: 20_000 });
    await page.getByLabel("Pilih file foto KTP").setInputFiles(KTP_FIXTURE);
    await continueTo(page, "kata-sandi", "Kata Sandi");
  });

  test("a browser without getUserMedia (e.g. an in-app browser) gets the same help", async ({ page, newCitizen }) => {
    await page.addInitScript(() => {
      // As on a plain-http page: no mediaDevices (react-webcam then installs a rejecting polyfill).
      Object.defineProperty(navigator, "mediaDevices", { value: undefined, configurable: true, writable: true });
      for (const legacy of ["getUserMedia", "webkitGetUserMedia"]) {
        Object.defineProperty(navigator, legacy, { value: undefined, configurable: true, writable: true });
      }
      Object.defineProperty(navigator, "userAgent", {
        value: "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Instagram 300.0",
        configurable: true,
      });
    });
    await page.goto("/daftar");
    await fillIdentity(page, newCitizen());
    await continueTo(page, "dokumen", "Dokumen");
    await page.getByRole("button", { name: "Aktifkan Kamera" }).click();
    await expect(page.getByRole("heading", { name: "Browser ini tidak dapat memakai kamera" })).toBeVisible();
    await expect(page.getByText("Anda tampaknya membuka halaman ini dari dalam aplikasi Instagram.", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Atau ambil swafoto dengan aplikasi kamera perangkat")).toBeVisible();
  });

  test("on a 360 px phone the help is short and 'Coba Lagi' and the fallback are in view", async ({ page, newCitizen }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    await page.goto("/daftar");
    await fillIdentity(page, newCitizen());
    await continueTo(page, "dokumen", "Dokumen");
    await page.getByRole("button", { name: "Aktifkan Kamera" }).click();
    const problem = page.getByRole("heading", { name: "Izin kamera ditolak" });
    await expect(problem).toBeFocused();

    // The whole help, from its heading to the last collapsed guide: at most 1,100 px (it was 3,160).
    const panel = page.getByRole("group", { name: "Izin kamera ditolak" });
    const box = await panel.boundingBox();
    expect(box?.height ?? Infinity).toBeLessThanOrEqual(1100);
    // With the heading scrolled into view, "Coba Lagi" is on the same screen; the fallback right below it.
    await problem.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await expect(page.getByRole("button", { name: "Coba Lagi" })).toBeInViewport();
    const retry = await page.getByRole("button", { name: "Coba Lagi" }).boundingBox();
    const fallback = await page.getByLabel("Atau ambil swafoto dengan aplikasi kamera perangkat").boundingBox();
    expect((fallback?.y ?? Infinity) - (retry?.y ?? 0)).toBeLessThanOrEqual(300);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});
