import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeAdmin, authorizeApplicant, currentSessionVersion, endAllSessions } from "@/server/auth/authorize";
import { clientIp } from "@/server/auth/client-ip";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/server/auth/session-user";
import { deps } from "@/server/deps";
import type { Env } from "@/server/env";

const credentialFields = (identifier: string, label: string) => ({
  [identifier]: { label, type: "text" },
  password: { label: "Kata sandi", type: "password" },
  captchaId: { label: "Captcha", type: "text" },
  captchaAnswer: { label: "Jawaban captcha", type: "text" },
});

type RawCredentials = Record<string, string> | undefined;
const text = (credentials: RawCredentials, key: string) => (typeof credentials?.[key] === "string" ? credentials[key] : "");
const toSignIn = (credentials: RawCredentials, identifier: string) => ({
  identifier: text(credentials, identifier),
  password: text(credentials, "password"),
  captchaId: text(credentials, "captchaId") || undefined,
  captchaAnswer: text(credentials, "captchaAnswer") || undefined,
});
const headerOf = (req: { headers?: Record<string, unknown> | Headers } | undefined) => (name: string) => {
  const headers = req?.headers;
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return typeof value === "string" ? value : null;
};

/** Built once per configuration (tests run with more than one). */
const built = new WeakMap<Env, NextAuthOptions>();

/**
 * next-auth: two credentials sign-ins (applicants by NIK, admins by username), JWT sessions with
 * the role inside, 30 minutes idle and 12 hours at most, and a database check on every use so
 * that a logout or a password change ends the other sessions too.
 */
export function authOptions(): NextAuthOptions {
  const { env } = deps();
  let options = built.get(env);
  if (!options) {
    options = buildAuthOptions(env);
    built.set(env, options);
  }
  return options;
}

function buildAuthOptions(env: Env): NextAuthOptions {
  return {
    secret: env.authSecret,
    useSecureCookies: env.APP_ENV === "production",
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/masuk", error: "/masuk" },
    providers: [
      CredentialsProvider({
        id: "applicant",
        name: "Pelamar",
        credentials: credentialFields("nik", "NIK"),
        authorize: (credentials, req) => authorizeApplicant(toSignIn(credentials, "nik"), clientIp(headerOf(req))),
      }),
      CredentialsProvider({
        id: "admin",
        name: "Admin",
        credentials: credentialFields("username", "Nama pengguna"),
        authorize: (credentials, req) => authorizeAdmin(toSignIn(credentials, "username"), clientIp(headerOf(req))),
      }),
    ],
    events: {
      // Logging out ends every session of this user, not just this browser's cookie.
      async signOut({ token }) {
        if (token?.role && token.sub) await endAllSessions(token.role, token.sub);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          return { sub: user.id, role: user.role, name: user.name, sessionVersion: user.sessionVersion, signedInAt: Date.now() };
        }
        // An invalid token keeps no role: getSessionUser() then sees no one signed in.
        if (!token.role || !token.sub || token.signedInAt === undefined) return {};
        if (Date.now() - token.signedInAt > SESSION_ABSOLUTE_SECONDS * 1000) return {};
        if ((await currentSessionVersion(token.role, token.sub)) !== token.sessionVersion) return {};
        return token;
      },
      session({ session, token }) {
        if (token.role && token.sub) session.user = { id: token.sub, role: token.role, name: token.name ?? "" };
        else delete session.user;
        return session;
      },
    },
  };
}
