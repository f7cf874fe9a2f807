/**
 * Calls to the app's own API from the browser. Every failure comes back in the API's error shape
 * (SPEC "HTTP API"), including a lost connection, so forms have one thing to show.
 */
import { DEFAULT_MESSAGES, type ErrorCode, type FieldErrors, isErrorCode } from "@/domain/errors";

/** The browser's own code for a request that got no answer at all; every other code is the server's. */
export const NETWORK_ERROR_CODE = "NETWORK_ERROR";

export type ApiError = {
  code: ErrorCode | typeof NETWORK_ERROR_CODE;
  message: string;
  fields?: FieldErrors;
  status: number;
  /** The `Retry-After` header in seconds, when the server sent one (RATE_LIMITED, SERVER_BUSY). */
  retryAfterSeconds?: number;
};
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const NETWORK_ERROR_MESSAGE =
  "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi. Data yang sudah Anda isi tidak hilang.";
const UNEXPECTED_MESSAGE = "Terjadi kesalahan pada sistem. Silakan coba lagi beberapa saat lagi.";

export const NETWORK_ERROR: ApiError = { code: NETWORK_ERROR_CODE, message: NETWORK_ERROR_MESSAGE, status: 0 };

function isErrorBody(value: unknown): value is { error: { code: string; message: string; fields?: FieldErrors } } {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

/** `Retry-After` as whole seconds (the delay form; an HTTP date is turned into seconds from now). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** An answer (status, parsed JSON body or null, Retry-After) as the forms see it. */
export function toApiResult<T>(status: number, body: unknown, retryAfter: string | null): ApiResult<T> {
  if (status >= 200 && status < 300) return { ok: true, data: body as T };
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const retry = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    // A code this client does not know yet is handled as an unexpected error; its message still shows.
    const known = isErrorCode(code) ? code : "INTERNAL_ERROR";
    return { ok: false, error: { code: known, message, ...(fields ? { fields } : {}), status, ...retry } };
  }
  if (status === 413) {
    return { ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE, status: 413 } };
  }
  // A proxy's own 503 page (no JSON) during overload means the same as the app's busy answer.
  if (status === 503) return { ok: false, error: { code: "SERVER_BUSY", message: DEFAULT_MESSAGES.SERVER_BUSY, status, ...retry } };
  return { ok: false, error: { code: "INTERNAL_ERROR", message: UNEXPECTED_MESSAGE, status } };
}

export async function apiRequest<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return toApiResult<T>(response.status, body, response.headers.get("retry-after"));
}

export function postJson<T>(url: string, body: unknown): Promise<ApiResult<T>> {
  return apiRequest<T>(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export type UploadProgress = { loaded: number; total: number };

/**
 * POSTs a form with XMLHttpRequest, whose `upload.onprogress` reports the bytes sent (fetch cannot
 * in most browsers yet), so a slow connection shows progress instead of looking frozen.
 */
export function postFormWithProgress<T>(
  url: string,
  form: FormData,
  options: { headers?: Record<string, string>; onProgress?: (progress: UploadProgress) => void } = {},
): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve(toApiResult<T>(xhr.status, body, xhr.getResponseHeader("retry-after")));
    };
    xhr.onerror = () => resolve({ ok: false, error: NETWORK_ERROR });
    xhr.ontimeout = () => resolve({ ok: false, error: NETWORK_ERROR });
    xhr.onabort = () => resolve({ ok: false, error: NETWORK_ERROR });
    xhr.send(form);
  });
}
