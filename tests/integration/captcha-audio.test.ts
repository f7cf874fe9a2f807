import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as audioRoute from "@/app/api/captcha/[id]/audio/route";
import * as captchaRoute from "@/app/api/captcha/route";
import { CAPTCHA_ALPHABET } from "@/server/captcha/captcha-alphabet";
import * as verify from "@/server/captcha/verify-captcha";
import { useTestServer } from "../setup/test-server";

const AUDIO_DIR = path.resolve(__dirname, "../../src/server/captcha/audio");
const testDb = useTestServer();

async function newCaptcha(): Promise<{ id: string; answer: string }> {
  const { id } = (await (await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST" }))).json()) as { id: string };
  const { answer } = await testDb.prisma.captcha.findUniqueOrThrow({ where: { id } });
  return { id, answer };
}

function listen(id: string) {
  return audioRoute.GET(new Request(`http://localhost/api/captcha/${id}/audio`), { params: Promise.resolve({ id }) });
}

describe("the audio captcha", () => {
  it("has a small committed clip for every character a captcha can hold", () => {
    let total = 0;
    for (const name of [...CAPTCHA_ALPHABET, "intro", "again"]) {
      const bytes = fs.readFileSync(path.join(AUDIO_DIR, `${name}.wav`));
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("RIFF");
      total += bytes.length;
    }
    expect(total).toBeLessThan(500 * 1024);
  });

  it("speaks a captcha as a WAV, never cached, different on every play, without using the captcha up", async () => {
    const { id, answer } = await newCaptcha();
    const first = await listen(id);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("audio/wav");
    expect(first.headers.get("cache-control")).toBe("no-store");
    const wav = new Uint8Array(await first.arrayBuffer());
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.subarray(8, 12))).toBe("WAVE");
    const sampleRate = view.getUint32(24, true);
    const seconds = view.getUint32(40, true) / 2 / sampleRate;
    // Lead-in, the digits twice with pauses: several seconds, not a minute.
    expect(seconds).toBeGreaterThan(answer.length * 2 * 0.5);
    expect(seconds).toBeLessThan(30);

    const second = new Uint8Array(await (await listen(id)).arrayBuffer());
    expect(Buffer.from(second).equals(Buffer.from(wav))).toBe(false);

    await expect(verify.consumeCaptcha(id, answer)).resolves.toBeUndefined();
  });

  it("answers 404 for an unknown, used or expired captcha", async () => {
    const unknown = await listen("00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");
    const { id } = await newCaptcha();
    await testDb.prisma.captcha.update({ where: { id }, data: { expiresAt: new Date("2023-09-01T00:00:00Z") } });
    expect((await listen(id)).status).toBe(404);
  });
});
