import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import * as authorize from "@/server/auth/authorize";
import { withDeps } from "@/server/deps";
import { parseEnv } from "@/server/env";
import { useTestServer } from "../../setup/test-server";

const server = useTestServer();
let options: NextAuthOptions;
const ADMIN_ID = "admin-session";

beforeAll(async () => {
  await server.prisma.adminUser.create({ data: { id: ADMIN_ID, username: "admin.sesi", passwordHash: "x", sessionVersion: 2 } });
  options = authOptions();
});

const jwt = (token: JWT, user?: unknown) =>
  (options.callbacks!.jwt as (params: { token: JWT; user?: unknown }) => Promise<JWT>)({ token, user });

describe("sessions", () => {
  it("last 30 idle minutes (renewed on use), in JWT cookies that are HttpOnly and SameSite", () => {
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 30 * 60, updateAge: 0 });
    expect(options.useSecureCookies).toBe(false); // APP_ENV=local here; production sets Secure (env test)
    expect(options.cookies).toBeUndefined(); // next-auth's defaults: httpOnly, sameSite "lax"
  });

  it("carry the role, id and session version from sign-in", async () => {
    const token = await jwt({}, { id: ADMIN_ID, role: "ADMIN", name: "admin.sesi", sessionVersion: 2 });
    expect(token).toMatchObject({ sub: ADMIN_ID, role: "ADMIN", name: "admin.sesi", sessionVersion: 2, signedInAt: expect.any(Number) });
    expect(await jwt(token)).toEqual(token);
  });

  it("end 12 hours after sign-in, however active", async () => {
    const token = await jwt({}, { id: ADMIN_ID, role: "ADMIN", name: "admin.sesi", sessionVersion: 2 });
    expect(await jwt({ ...token, signedInAt: Date.now() - 12 * 3600_000 + 60_000 })).toMatchObject({ role: "ADMIN" });
    expect(await jwt({ ...token, signedInAt: Date.now() - 12 * 3600_000 - 1 })).toEqual({});
  });

  it("end everywhere when the user logs out or changes the password (the version moves on)", async () => {
    const token = await jwt({}, { id: ADMIN_ID, role: "ADMIN", name: "admin.sesi", sessionVersion: 2 });
    await authorize.endAllSessions("ADMIN", ADMIN_ID);
    expect(await jwt(token)).toEqual({});
    const session = await (options.callbacks!.session as unknown as (params: { session: object; token: JWT }) => Promise<{ user?: unknown }>)({
      session: { expires: "" },
      token: {},
    });
    expect(session.user).toBeUndefined();
  });

  it("are refused for a deleted account or an invalid token", async () => {
    expect(await jwt({ sub: "no-such-admin", role: "ADMIN", sessionVersion: 0, signedInAt: Date.now() })).toEqual({});
    expect(await jwt({ sub: ADMIN_ID })).toEqual({});
  });
});

describe("session cookies in production", () => {
  it("are marked Secure (next-auth then uses the __Secure- cookie names)", () => {
    const env = parseEnv({ APP_ENV: "production", NEXTAUTH_SECRET: "p".repeat(32), NEXTAUTH_URL: "https://sscasn.example.go.id" });
    const production = withDeps({ env }, () => authOptions());
    expect(production.useSecureCookies).toBe(true);
    expect(production.secret).toBe("p".repeat(32));
    // The local server's options are untouched.
    expect(authOptions().useSecureCookies).toBe(false);
  });
});
