/**
 * Route handlers run outside a Next request in integration tests, so next-auth cannot read a
 * session: a test controls the signed-in user through `session.user` instead. A test file mocks
 * the session module with this module's stand-in (vi.mock is hoisted, so it loads it lazily):
 *
 *   import { session } from "../setup/session-mock";
 *   vi.mock("@/server/auth/session", async (importOriginal) =>
 *     (await import("../setup/session-mock")).mockSessionModule(importOriginal));
 */
import { AppError } from "@/domain/errors";
import type * as SessionModule from "@/server/auth/session";
import type { SignedInUser } from "@/server/auth/session";

export const session: { user: SignedInUser | null } = { user: null };

/** The real session module, but with the user read from `session.user` (the role rules kept). */
export async function mockSessionModule(importOriginal: <T>() => Promise<T>): Promise<typeof SessionModule> {
  const original = await importOriginal<typeof SessionModule>();
  return {
    ...original,
    getSessionUser: async () => session.user,
    requireRole: async (role) => {
      if (!session.user) throw new AppError("UNAUTHORIZED");
      if (session.user.role !== role) throw new AppError("FORBIDDEN");
      return session.user;
    },
  };
}
