import "server-only";
import { getServerSession } from "next-auth";
import { AppError } from "@/domain/errors";
import { authOptions } from "@/server/auth/auth-options";
import type { SessionRole } from "@/server/auth/session-user";

export type SignedInUser = { id: string; role: SessionRole; name: string };

/** The signed-in user, checked against the database (see authOptions' jwt callback), or null. */
export async function getSessionUser(): Promise<SignedInUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
}

/** For handlers: 401 without a session, 403 with the wrong role. Never rely on the proxy alone. */
export async function requireRole(role: SessionRole): Promise<SignedInUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHORIZED");
  if (user.role !== role) throw new AppError("FORBIDDEN");
  return user;
}
