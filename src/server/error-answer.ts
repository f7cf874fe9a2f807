import type { AppError } from "@/domain/errors";
import type { ApiError } from "@/schemas/api-answers";

/** API answers are never cached: they are per applicant, or about this moment. */
export const NO_STORE: Readonly<Record<string, string>> = { "Cache-Control": "no-store" };

/**
 * An AppError as the API answers it (SPEC: `{ error: { code, message, fields? } }`): status,
 * headers and JSON body. The route handlers' answers (`toErrorResponse`, src/server/http.ts) and
 * the production server's front door (its busy answer, src/server/shed-load.ts) both come from
 * here. No server-only import and no zod: the front door's bundle takes it too.
 */
export function errorAnswer(error: AppError): { status: number; headers: Record<string, string>; body: string } {
  const body: ApiError = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return {
    status: error.status,
    headers: { "Content-Type": "application/json", ...NO_STORE, ...error.headers },
    body: JSON.stringify(body),
  };
}
