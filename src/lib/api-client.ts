/**
 * Calls to the app's own API from the browser. Every failure comes back in the API's error shape
 * (SPEC "HTTP API"), including a lost connection, so forms have one thing to show.
 */
import { DEFAULT_MESSAGES, type ErrorCode, type FieldErrors, isErrorCode } from "@/domain/errors";

/** The browser's own code for a request that got no answer at all; every other code is the server's. */
export const NETWORK_ERROR_CODE = "NETWORK_ERROR";

export type ApiError = { code: ErrorCode | typeof NETWORK_ERROR_CODE; message: string; fields?: FieldErrors; status: number };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const NETWORK_ERROR_MESSAGE =
  "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi. Data yang sudah Anda isi tidak hilang.";
const UNEXPECTED_MESSAGE = "Terjadi kesalahan pada sistem. Silakan coba lagi beberapa saat lagi.";

function isErrorBody(value: unknown): value is { error: { code: string; message: string; fields?: FieldErrors } } {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

export async function apiRequest<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    return { ok: false, error: { code: NETWORK_ERROR_CODE, message: NETWORK_ERROR_MESSAGE, status: 0 } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) return { ok: true, data: body as T };
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    // A code this client does not know yet is handled as an unexpected error; its message still shows.
    const known = isErrorCode(code) ? code : "INTERNAL_ERROR";
    return { ok: false, error: { code: known, message, ...(fields ? { fields } : {}), status: response.status } };
  }
  if (response.status === 413) {
    return { ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE, status: 413 } };
  }
  return { ok: false, error: { code: "INTERNAL_ERROR", message: UNEXPECTED_MESSAGE, status: response.status } };
}

export function postJson<T>(url: string, body: unknown): Promise<ApiResult<T>> {
  return apiRequest<T>(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
