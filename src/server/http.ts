import "server-only";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/domain/errors";
import { zodIssuesToFieldErrors } from "@/schemas";
import { errorAnswer, NO_STORE } from "@/server/error-answer";

/**
 * The one place errors become HTTP responses (SPEC: `{ error: { code, message, fields? } }`).
 * ZodError → 422 with field errors; AppError → its status; a database that stayed busy past its
 * timeout → 503 SERVER_BUSY; anything else is logged by code and stack only (never the request
 * body) and answered 500.
 */
export function toErrorResponse(error: unknown): Response {
  if (isDatabaseBusy(error)) {
    console.warn("database busy: answered 503 SERVER_BUSY");
    return toErrorResponse(new AppError("SERVER_BUSY", { headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } }));
  }
  if (error instanceof ZodError) {
    return toErrorResponse(new AppError("VALIDATION_FAILED", { fields: zodIssuesToFieldErrors(error) }));
  }
  if (isAppError(error)) return asResponse(errorAnswer(error));
  console.error("unhandled error", describeForLog(error));
  return asResponse(errorAnswer(new AppError("INTERNAL_ERROR")));
}

function asResponse({ status, headers, body }: ReturnType<typeof errorAnswer>): Response {
  return new Response(body, { status, headers });
}

const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * Prisma's P1008 ("operations timed out"), which the SQLite adapter reports for SQLITE_BUSY after
 * its busy timeout (src/server/sqlite-adapter.ts) and the PostgreSQL one for a timed-out query.
 */
function isDatabaseBusy(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P1008" || meta?.driverAdapterError?.cause?.kind === "SocketTimeout";
}

/**
 * What an unexpected error may put in the log: its type, code and stack frames, never its
 * message (a database error's message can quote the query's arguments: NIKs, names).
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, 8);
  return [`${error.name}${typeof code === "string" ? ` ${code}` : ""}`, ...frames].join("\n");
}

export function jsonResponse(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export const MAX_JSON_BYTES = 64 * 1024;

/** Reads a JSON body with a size limit; a wrong type is 415, too large 413, malformed 422. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { message: "Data harus dikirim sebagai JSON." });
  }
  const text = new TextDecoder().decode(await readBodyWithLimit(request, maxBytes));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION_FAILED", { message: "Data yang dikirim bukan JSON yang valid." });
  }
}

/**
 * The request body, refused by its declared Content-Length before a byte is read, and counted as
 * it arrives (whatever Content-Length claimed, or with none): over `maxBytes` the stream is
 * cancelled and `tooLarge()` is thrown, before anything is parsed. The one way a handler reads a
 * body, so no route holds more than its limit in memory.
 */
export async function readBodyWithLimit(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError = () => new AppError("PAYLOAD_TOO_LARGE"),
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client's upload broke off (a dropped connection, a closed tab): nothing to parse, and
      // no fault of the server's (it was a 500 and an "unhandled error" in the log).
      throw new AppError("VALIDATION_FAILED", { message: UPLOAD_BROKEN_MESSAGE });
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export const UPLOAD_BROKEN_MESSAGE = "Pengiriman data terputus sebelum selesai. Periksa koneksi internet Anda, lalu kirim ulang.";

/** What a request that needs no body may still carry (an empty JSON object, say), read and dropped. */
export const MAX_UNUSED_BODY_BYTES = 1024;

export async function discardBody(request: Request, maxBytes = MAX_UNUSED_BODY_BYTES): Promise<void> {
  await readBodyWithLimit(request, maxBytes);
}
