import type { CaptchaChallenge } from "@/schemas/api-answers";
import { discardBody, jsonResponse, toErrorResponse } from "@/server/http";
import { createCaptcha } from "@/server/captcha/create-captcha";
import { assertWithinRateLimit } from "@/server/rate-limit";

/** `POST /api/captcha` → `{ id, image }`, a fresh challenge (never cached); limited per address. */
export async function POST(request: Request): Promise<Response> {
  try {
    await assertWithinRateLimit("CAPTCHA", request);
    await discardBody(request);
    const { id, image } = await createCaptcha();
    return jsonResponse({ id, image } satisfies CaptchaChallenge);
  } catch (error) {
    return toErrorResponse(error);
  }
}
