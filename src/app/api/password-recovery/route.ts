import type { OkAnswer } from "@/schemas/api-answers";
import { recoverPassword } from "@/server/account/recover-password";
import { clientIp } from "@/server/auth/client-ip";
import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";

export async function POST(request: Request): Promise<Response> {
  try {
    await recoverPassword(await readJsonBody(request), clientIp((name) => request.headers.get(name)));
    return jsonResponse({ ok: true } satisfies OkAnswer);
  } catch (error) {
    return toErrorResponse(error);
  }
}
