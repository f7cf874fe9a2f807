import "server-only";
import { NextRequest } from "next/server";
import { AppError } from "@/domain/errors";
import { readBodyWithLimit } from "@/server/http";

/**
 * next-auth's forms are small: a NIK or username, a password of at most 128 characters, a captcha,
 * the CSRF token and a callback URL. Room for all of them urlencoded, and nothing more.
 */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * next-auth reads whatever body it is given (`req.text()`), so its POSTs reach it only through
 * here: the body is read with the limit (413 PAYLOAD_TOO_LARGE by Content-Length before reading,
 * or as soon as the count passes it) and next-auth gets a new request holding just those bytes.
 * next-auth parses a JSON body without catching its errors (a 500): a malformed one is 422 here.
 */
export async function readAuthRequest(request: Request): Promise<NextRequest> {
  const body = await readBodyWithLimit(request, MAX_AUTH_BODY_BYTES);
  if (/\bapplication\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    try {
      JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new AppError("VALIDATION_FAILED", { message: "Data yang dikirim bukan JSON yang valid." });
    }
  }
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return new NextRequest(request.url, { method: request.method, headers, body: body.byteLength > 0 ? body : null });
}
