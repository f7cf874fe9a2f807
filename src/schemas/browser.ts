/**
 * The schemas the browser runs, in one module: the wizard's steps and password recovery import it
 * with `loadSchemas()` (src/lib/load-schemas.ts), so zod and the rules behind these schemas arrive
 * in a chunk of their own just after the page, not with it (issue 8: first-load JavaScript; ADR
 * 0020). These are the server's schemas, not copies: the same module objects the route handlers
 * parse with.
 */
export { makeIdentitySchema } from "@/schemas/identity";
export { documentsSchema } from "@/schemas/documents";
export { makePasswordSchema } from "@/schemas/password";
export { captchaSchema } from "@/schemas/captcha";
export { passwordRecoverySchema } from "@/schemas/password-recovery";
