import { describe, expect, it } from "vitest";
import * as captchaRoute from "@/app/api/captcha/route";
import { isAppError } from "@/domain/errors";
import { CAPTCHA_ALPHABET, CAPTCHA_IMAGE, CAPTCHA_LENGTH, CAPTCHA_TTL_MS, createCaptcha } from "@/server/captcha/create-captcha";
import { consumeCaptcha } from "@/server/captcha/verify-captcha";
import { OPEN, useTestServer } from "../../setup/test-server";

const env = useTestServer({ clock: OPEN });

async function newCaptcha(): Promise<{ id: string; answer: string }> {
  const { id } = await createCaptcha();
  const row = await env.prisma.captcha.findUniqueOrThrow({ where: { id } });
  return { id, answer: row.answer };
}

async function outcome(id: string, answer: string): Promise<"passed" | string> {
  try {
    await consumeCaptcha(id, answer);
    return "passed";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("POST /api/captcha", () => {
  it("answers a fresh SVG challenge as a data URL, never cached, and stores its lower-case answer for 5 minutes", async () => {
    const response = await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { id: string; image: string };
    expect(Object.keys(body).sort()).toEqual(["id", "image"]);
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(body.image.split(",")[1]!, "base64").toString("utf8");
    expect(svg).toMatch(new RegExp(`^<svg[^>]*width="${CAPTCHA_IMAGE.width}"[^>]*height="${CAPTCHA_IMAGE.height}"`));

    const row = await env.prisma.captcha.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.answer).toHaveLength(CAPTCHA_LENGTH);
    expect(row.answer).toBe(row.answer.toLowerCase());
    for (const char of row.answer) expect(CAPTCHA_ALPHABET.toLowerCase()).toContain(char);
    // The simulated clock's now (APP_CLOCK = OPEN) + 5 minutes, not the machine's.
    const expected = Date.parse(OPEN) + CAPTCHA_TTL_MS;
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(expected);
    expect(row.expiresAt.getTime()).toBeLessThan(expected + 60_000);
    // The answer is not in the picture as text.
    expect(svg.toLowerCase()).not.toContain(row.answer);
  });

  it("makes a different challenge each time", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(((await (await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST" }))).json()) as { id: string }).id);
    expect(ids.size).toBe(5);
  });
});

describe("consumeCaptcha", () => {
  it("accepts the right answer in any case and with spaces, once", async () => {
    const { id, answer } = await newCaptcha();
    expect(await outcome(id, `  ${answer.toUpperCase()} `)).toBe("passed");
    expect(await outcome(id, answer)).toBe("CAPTCHA_INVALID");
  });

  it("is used up by a wrong answer", async () => {
    const { id, answer } = await newCaptcha();
    expect(await outcome(id, "xxxxx")).toBe("CAPTCHA_INVALID");
    expect(await outcome(id, answer)).toBe("CAPTCHA_INVALID");
    expect(await env.prisma.captcha.count({ where: { id } })).toBe(0);
  });

  it("refuses an expired captcha, and says so under captchaAnswer", async () => {
    const { id, answer } = await newCaptcha();
    await env.prisma.captcha.update({ where: { id }, data: { expiresAt: new Date(Date.parse(OPEN) - 1000) } });
    const error = await consumeCaptcha(id, answer).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CAPTCHA_INVALID", status: 422, fields: { captchaAnswer: [expect.stringMatching(/kedaluwarsa/)] } });
  });

  it("refuses an unknown id", async () => {
    expect(await outcome("00000000-0000-4000-8000-000000000000", "abcde")).toBe("CAPTCHA_INVALID");
  });

  it("lets only one of two concurrent uses of one right answer pass", async () => {
    const { id, answer } = await newCaptcha();
    const results = await Promise.all(Array.from({ length: 8 }, () => outcome(id, answer)));
    expect(results.filter((r) => r === "passed")).toHaveLength(1);
  });

  it("clears expired challenges when new ones are made", async () => {
    const { id } = await newCaptcha();
    await env.prisma.captcha.update({ where: { id }, data: { expiresAt: new Date(Date.parse(OPEN) - 60_000) } });
    await newCaptcha();
    expect(await env.prisma.captcha.count({ where: { id } })).toBe(0);
  });
});
