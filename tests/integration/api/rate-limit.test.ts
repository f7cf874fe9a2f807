import { describe, expect, it } from "vitest";
import * as captchaRoute from "@/app/api/captcha/route";
import * as validateRoute from "@/app/api/registrations/validate/route";
import * as rateLimit from "@/server/rate-limit";
import { BUDI } from "../../setup/registration-harness";
import { jsonRequest, useTestServer } from "../../setup/test-server";

const from = (ip: string) => ({ "x-forwarded-for": `${ip}, 10.0.0.1` });

// Behind two proxies: `from()` puts the client second from the right (TRUST_PROXY_HOPS, SPEC).
const server = useTestServer({ env: () => ({ TRUST_PROXY_HOPS: "2" }) });

async function use(bucket: "VALIDATE" | "CAPTCHA", ip: string, times: number) {
  for (let i = 0; i < times; i++) await rateLimit.assertWithinRateLimit(bucket, new Request("http://localhost/", { headers: from(ip) }));
}

describe("per-address rate limits on the endpoints without a captcha", () => {
  it("lets identity validation through up to the limit, then answers 429 with Retry-After", async () => {
    const { limit } = rateLimit.RATE_LIMITS.VALIDATE;
    await use("VALIDATE", "10.5.5.5", limit - 1);
    const last = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "identity", data: BUDI }, { headers: from("10.5.5.5") }));
    expect(last.status).toBe(200);

    const refused = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "identity", data: BUDI }, { headers: from("10.5.5.5") }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(600);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");

    // Another address is not affected, and no address is stored in the clear.
    const other = await validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "identity", data: BUDI }, { headers: from("10.6.6.6") }));
    expect(other.status).toBe(200);
    const subjects = (await server.prisma.rateLimitHit.findMany({ select: { subject: true }, distinct: ["subject"] })).map((r) => r.subject).join(" ");
    expect(subjects).not.toContain("10.5.5.5");
  });

  it("limits new captchas per address the same way", async () => {
    const { limit } = rateLimit.RATE_LIMITS.CAPTCHA;
    await use("CAPTCHA", "10.7.7.7", limit);
    const refused = await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST", headers: from("10.7.7.7") }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    const fine = await captchaRoute.POST(new Request("http://localhost/api/captcha", { method: "POST", headers: from("10.8.8.8") }));
    expect(fine.status).toBe(200);
  });
});
