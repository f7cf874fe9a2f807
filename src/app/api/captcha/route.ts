import { jsonResponse, toErrorResponse } from "@/server/http";
import { createCaptcha } from "@/server/captcha/create-captcha";

/** `POST /api/captcha` → `{ id, image }`, a fresh challenge (never cached). Rate limit: later issue. */
export async function POST(): Promise<Response> {
  try {
    const { id, image } = await createCaptcha();
    return jsonResponse({ id, image });
  } catch (error) {
    return toErrorResponse(error);
  }
}
