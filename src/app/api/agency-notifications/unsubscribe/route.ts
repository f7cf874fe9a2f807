import { AppError } from "@/domain/errors";
import { discardBody, jsonResponse, toErrorResponse } from "@/server/http";
import { unsubscribeAgencyNotifications } from "@/server/notifications/unsubscribe-agency-notifications";

/**
 * The one-click unsubscribe of a "Beri tahu saya" mail; no sign-in, the signed token is the proof.
 * GET (the link in the mail) unsubscribes and sends the browser to a page that says so.
 * POST (RFC 8058 List-Unsubscribe-Post, sent by mail programs) answers JSON; its body
 * (`List-Unsubscribe=One-Click`) says nothing the URL does not, and is read only within 1 KiB.
 */
const INVALID = "Tautan berhenti berlangganan tidak valid. Salin tautan lengkap dari email Anda.";

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export async function GET(request: Request): Promise<Response> {
  try {
    const done = await unsubscribeAgencyNotifications(tokenOf(request));
    return new Response(null, {
      status: 303,
      headers: { Location: `/pemberitahuan/berhenti?hasil=${done ? "berhasil" : "tidak-valid"}`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    await discardBody(request);
    if (!(await unsubscribeAgencyNotifications(tokenOf(request)))) {
      throw new AppError("VALIDATION_FAILED", { message: INVALID, fields: { token: [INVALID] } });
    }
    return jsonResponse({ ok: true });
  } catch (error) {
    return toErrorResponse(error);
  }
}
