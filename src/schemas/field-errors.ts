/**
 * zod issues → the API's `fields` (and the forms' field messages). Kept apart from the step
 * schemas so a page can map errors without pulling in every schema (and the password list).
 */
import { type z } from "zod";
import { type FieldErrors } from "@/domain/errors";

/** Key for issues that belong to no field (path []). */
export const FORM_ERROR_KEY = "_form";

/** Issue paths joined with "." (e.g. "ktpPhoto", "nik") → their messages, without duplicates. */
export function zodIssuesToFieldErrors(error: { issues: readonly z.core.$ZodIssue[] }): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : FORM_ERROR_KEY;
    const messages = (fields[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return fields;
}
