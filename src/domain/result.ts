/**
 * Outcome of a field rule: the normalized value, or one Indonesian message for the applicant.
 * Rules return this instead of throwing so the same code can feed a form and a zod schema.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
