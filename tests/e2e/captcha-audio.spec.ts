import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from "./fixtures";
import { trackCaptcha } from "./wizard-helpers";

test.describe("the audio captcha (WCAG 1.1.1)", () => {
  test("'Dengarkan captcha' plays the captcha's digits: an <audio> whose source loads as audio, from the keyboard, at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const captcha = trackCaptcha(page);
    await page.goto("/lupa-kata-sandi");
    await expect(page.getByRole("img", { name: /Gambar kode captcha/ })).toBeVisible();
    await expect.poll(() => captcha.latest()).not.toBeNull();
    await expect(page.getByLabel("Kode captcha")).toHaveAttribute("inputmode", "numeric");

    const audioResponse = page.waitForResponse((response) => /\/api\/captcha\/[^/]+\/audio$/.test(response.url()));
    const listen = page.getByRole("button", { name: "Dengarkan captcha" });
    await listen.focus();
    await page.keyboard.press("Enter");
    const response = await audioResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("audio/wav");

    const audio = page.locator("audio");
    await expect(audio).toHaveAttribute("src", `/api/captcha/${captcha.latest()}/audio`);
    // The browser decoded it: a real duration of a few seconds.
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration), { timeout: 10_000 }).toBeGreaterThan(3);
    const direct = await page.request.get((await audio.getAttribute("src"))!);
    expect(direct.status()).toBe(200);
    expect(direct.headers()["content-type"]).toBe("audio/wav");
    expect((await direct.body()).subarray(0, 4).toString("latin1")).toBe("RIFF");
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // A new captcha: the player follows it, so the old answer is never heard.
    const first = captcha.latest();
    await page.getByRole("button", { name: "Muat ulang captcha" }).click();
    await expect.poll(() => captcha.latest()).not.toBe(first);
    await expect(audio).toHaveAttribute("src", `/api/captcha/${captcha.latest()}/audio`);
  });
});
