import type { SessionRole } from "@/server/auth/session-user";

declare module "next-auth" {
  interface Session {
    user?: { id: string; role: SessionRole; name: string };
  }
  interface User {
    id: string;
    role: SessionRole;
    name: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: SessionRole;
    name?: string;
    sessionVersion?: number;
    signedInAt?: number;
  }
}
