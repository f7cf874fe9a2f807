import "server-only";
import { clientIp } from "@/server/auth/client-ip";
import { assertSignInAllowed } from "@/server/auth/sign-in-throttle";

const IDENTIFIER_FIELD = { applicant: { scope: "APPLICANT", field: "nik" }, admin: { scope: "ADMIN", field: "username" } } as const;

/**
 * For a credentials sign-in (`POST /api/auth/callback/{applicant|admin}`), throws RATE_LIMITED when
 * the account or the address is at its limit, so the client gets a real 429 with Retry-After
 * instead of next-auth's generic error. next-auth's own authorize() checks again.
 */
export async function guardSignInAttempt(request: Request, route: string[]): Promise<void> {
  const [action, provider] = route;
  if (action !== "callback" || (provider !== "applicant" && provider !== "admin")) return;
  const { scope, field } = IDENTIFIER_FIELD[provider];
  let identifier = "";
  try {
    const form = await request.clone().formData();
    identifier = String(form.get(field) ?? "");
  } catch {
    return; // not a form: next-auth refuses it
  }
  await assertSignInAllowed({ scope, identifier, ip: clientIp((name) => request.headers.get(name)) });
}
