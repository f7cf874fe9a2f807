import { expect, expectNoAxeViolations, test } from "./fixtures";
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
    for (const browser of [/^Chrome/, /^Firefox/, /^Safari/, /Instagram, Facebook, WhatsApp, TikTok/]) {
      await expect(page.getByRole("heading", { level: 4, name: browser })).toBeVisible();
    }
    await expect(page.getByText(/Buka di browser/)).toBeVisible();
    await expectNoAxeViolations(page);

    // "Coba Lagi" asks again (and is refused again here).
    await page.getByRole("button", { name: "Coba Lagi" }).click();
    await expect(page.getByRole("heading", { name: "Izin kamera ditolak" })).toBeVisible();

    // The fallback: a photo from the device's camera app (here: a file).
    const fallback = page.getByLabel("Atau ambil swafoto dengan aplikasi kamera perangkat");
    await expect(fallback).toHaveAttribute("capture", "user");
    await expect(fallback).toHaveAttribute("accept", "image/*");
    await fallback.setInputFiles(KTP_FIXTURE);
    await expect(page.getByRole("img", { name: "Swafoto yang akan dikirim" })).toBeVisible();
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
});
