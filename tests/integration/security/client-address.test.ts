/**
 * Issue 9, item 1: a client must not pick its own address, and an unknown or unreadable address
 * must never switch a per-address limit off (SPEC "Running at national scale": TRUST_PROXY_HOPS).
 * Before the fix, `X-Forwarded-For: unknown` made every captcha free of the limit (601 in a row,
 * all 200) and each spoofed X-Forwarded-For got a bucket of its own.
 */
import { describe, expect, it } from "vitest";
import * as captchaRoute from "@/app/api/captcha/route";
import * as authorize from "@/server/auth/authorize";
import * as clientIp from "@/server/auth/client-ip";
import { deps, withDeps } from "@/server/deps";
import * as rateLimit from "@/server/rate-limit";
import { useTestServer } from "../../setup/test-server";

// TRUST_PROXY_HOPS unset: the server's default, no proxy trusted.
const server = useTestServer();

/** Runs `fn` as on a server configured with TRUST_PROXY_HOPS=hops. */
function behind<T>(hops: number, fn: () => Promise<T>): Promise<T> {
  return withDeps({ env: { ...deps().env, TRUST_PROXY_HOPS: hops } }, fn);
}

const newCaptcha = (headers: Record<string, string>) => captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST", headers }));

describe("the client address (TRUST_PROXY_HOPS)", () => {
  it("ignores X-Forwarded-For and X-Real-IP with no proxy trusted, and takes the N-th address from the right behind N proxies", async () => {
    expect(deps().env.TRUST_PROXY_HOPS).toBe(0);
    const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
    const spoofed = headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" });
    expect(clientIp.clientIp(spoofed)).toBe(clientIp.UNKNOWN_CLIENT);
    expect(clientIp.clientIp(spoofed, 0)).toBe("unknown");

    const chain = headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7 , 10.0.0.2" });
    expect(clientIp.clientIp(chain, 1)).toBe("10.0.0.2");
    expect(clientIp.clientIp(chain, 2)).toBe("198.51.100.7");
    expect(clientIp.clientIp(chain, 3)).toBe("203.0.113.9");
    // Fewer entries than proxies: the request did not come through them all.
    expect(clientIp.clientIp(chain, 4)).toBe("unknown");
    expect(clientIp.clientIp(headers({}), 1)).toBe("unknown");
    expect(clientIp.clientIp(headers({ "x-real-ip": "203.0.113.9" }), 1)).toBe("unknown");
    for (const unreadable of ["unknown", "", " , ", "1.2.3.4:5678", "300.1.1.1", "<script>", "1.2.3.4\u0000"]) {
      expect(clientIp.clientIp(headers({ "x-forwarded-for": unreadable }), 1)).toBe("unknown");
    }
    expect(clientIp.clientIp(headers({ "x-forwarded-for": "2001:DB8::1" }), 1)).toBe("2001:db8::1");
  });

  // 601 captchas one after another: about 4 statements each, a minute on PostgreSQL on a busy machine.
  it("counts an unreadable address under one shared key: the 601st captcha is refused (before: all 601 were 200)", { timeout: 90_000 }, async () => {
    await behind(1, async () => {
      const { limit } = rateLimit.RATE_LIMITS.CAPTCHA;
      const statuses: number[] = [];
      for (let i = 0; i <= limit; i++) statuses.push((await newCaptcha({ "x-forwarded-for": "unknown" })).status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(limit);
      expect(statuses.at(-1)).toBe(429);
      // No header at all is the same client as an unreadable one.
      expect((await newCaptcha({})).status).toBe(429);
      // A readable address behind the proxy is its own client.
      expect((await newCaptcha({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" })).status).toBe(200);
    });
    await server.prisma.rateLimitHit.deleteMany();
  });

  it("lets no client choose its bucket by sending X-Forwarded-For when no proxy is trusted", async () => {
    await behind(0, async () => {
      for (let i = 0; i < 20; i++) {
        expect((await newCaptcha({ "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` })).status).toBe(200);
      }
    });
    const subjects = await server.prisma.rateLimitHit.findMany({ where: { bucket: "CAPTCHA" }, distinct: ["subject"], select: { subject: true } });
    expect(subjects).toHaveLength(1);
    await server.prisma.rateLimitHit.deleteMany();
  });

  it("sizes the shared key for the whole crowd when no proxy is trusted, and still refuses past it", async () => {
    await behind(0, async () => {
      expect((await newCaptcha({})).status).toBe(200);
      const { id } = await server.prisma.rateLimitHit.findFirstOrThrow({ where: { bucket: "CAPTCHA" } });
      const shared = rateLimit.limitFor("CAPTCHA", "unknown");
      expect(shared.limit).toBe(rateLimit.RATE_LIMITS.CAPTCHA.limit * clientIp.SHARED_KEY_FACTOR);
      // Fill the shared key up to two below its limit with copies of that hit, in one statement
      // (Prisma writes each engine's placeholders).
      const copies = shared.limit - 2;
      await server.prisma.$executeRaw`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${copies})
         INSERT INTO "RateLimitHit" ("id", "bucket", "subject", "createdAt")
         SELECT 'fill-' || i, "bucket", "subject", "createdAt" FROM "RateLimitHit", n WHERE "RateLimitHit"."id" = ${id}`;
      expect((await newCaptcha({})).status).toBe(200);
      expect((await newCaptcha({ "x-forwarded-for": "203.0.113.77" })).status).toBe(429);
    });
    await server.prisma.rateLimitHit.deleteMany();
  });

  it("counts sign-in failures without an address under the shared key too", async () => {
    await server.prisma.signInAttempt.deleteMany();
    expect(await behind(0, () => authorize.authorizeApplicant({ identifier: "3273011205980001", password: "bukan kata sandinya" }, null))).toBeNull();
    const scopes = (await server.prisma.signInAttempt.findMany({ select: { scope: true } })).map((row) => row.scope).sort();
    expect(scopes).toEqual(["APPLICANT", "IP"]);
  });
});
