import { getCaptchaAudio } from "@/server/captcha/get-captcha-audio";
import { toErrorResponse } from "@/server/http";
import { assertWithinRateLimit } from "@/server/rate-limit";

/** `GET /api/captcha/{id}/audio` → `audio/wav`: the captcha's digits spoken (never cached); limited like new captchas. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await assertWithinRateLimit("CAPTCHA", request);
    const { id } = await context.params;
    const wav = await getCaptchaAudio(id);
    return new Response(wav, {
      headers: { "Content-Type": "audio/wav", "Content-Length": String(wav.byteLength), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
