import { z } from "zod";
import { type Result } from "@/domain/result";

/** When a step's payload is not even an object (a broken client), reported under the form key. */
export const INVALID_PAYLOAD_MESSAGE = "Data yang dikirim tidak valid. Muat ulang halaman lalu coba lagi.";

/** Turns a domain rule's Result into a zod transform: the value, or the rule's message as the issue. */
export function fromResult<T>(result: Result<T>, ctx: z.RefinementCtx): T {
  if (result.ok) return result.value;
  ctx.addIssue({ code: "custom", message: result.message });
  return z.NEVER;
}

/**
 * For `when` on an object's cross-field refinement: run only if the input was an object and none
 * of these fields failed. (By default zod skips it whenever any field failed, which would hide,
 * say, a NIK/birth-date mismatch until an unrelated email error is fixed.)
 */
export function fieldsPassed(...fields: string[]) {
  return (payload: z.core.ParsePayload): boolean =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0])));
}

/**
 * The fields of a step's object schema (or of the object at the start of its pipe), in the order
 * they are declared. Each step's field list is written once, without zod, in facts/ (so a page can
 * use it before zod has loaded); the compiler holds each shape's keys to it, and a unit test
 * holds its order to the list with this.
 */
export function fieldsOf<T extends z.ZodType>(schema: T): readonly (keyof z.input<T> & string)[] {
  const object = schema instanceof z.ZodPipe ? schema.in : schema;
  if (!(object instanceof z.ZodObject)) throw new Error("fieldsOf needs an object schema");
  return Object.keys(object.shape) as (keyof z.input<T> & string)[];
}
