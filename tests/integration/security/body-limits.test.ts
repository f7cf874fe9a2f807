/**
 * Issue 9, item 3: every route refuses a body over its limit with 413 PAYLOAD_TOO_LARGE before
 * reading it. The attack sent 100 MB urlencoded to `/api/auth/callback/applicant`, which
 * next-auth read whole (the process grew by about 557 MB). In-process here, with a body that is
 * generated as it is read, so whatever the handler keeps shows in this process's memory; the
 * end-to-end suite measures the production server's RSS too (tests/e2e/security-server.spec.ts).
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as notifyRoute from "@/app/api/agency-notifications/route";
import * as unsubscribeRoute from "@/app/api/agency-notifications/unsubscribe/route";
import * as auth from "@/app/api/auth/[...nextauth]/route";
import * as captchaRoute from "@/app/api/captcha/route";
import * as recoveryRoute from "@/app/api/password-recovery/route";
import * as submitRoute from "@/app/api/registrations/route";
import * as validateRoute from "@/app/api/registrations/validate/route";
import { jsonRequest, useTestServer } from "../../setup/test-server";

const MB = 1024 * 1024;
useTestServer();

/** A body of `total` bytes of `a=aaaa…`, made chunk by chunk as the reader pulls; counts what was pulled. */
function lazyBody(total: number) {
  const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(counter.pulled === chunk.byteLength ? new TextEncoder().encode("nik=" + "a".repeat(chunk.byteLength - 4)) : chunk);
    },
  });
  return { stream, counter };
}

function post(url: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string>) {
  // `duplex` is what Node's fetch needs for a streamed body; the DOM types do not know it yet.
  return new NextRequest(`http://localhost${url}`, { method: "POST", headers, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}

describe("body limits", () => {
  it("refuses a 100 MB sign-in body by its Content-Length without reading a byte", async () => {
    const { stream, counter } = lazyBody(100 * MB);
    const response = await auth.POST(
      post("/api/auth/callback/applicant", stream, { "content-type": "application/x-www-form-urlencoded", "content-length": String(100 * MB) }),
      { params: Promise.resolve({ nextauth: ["callback", "applicant"] }) },
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("refuses a 100 MB chunked sign-in body after the limit, holding at most the limit (+< 20 MB RSS)", async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const { stream, counter } = lazyBody(100 * MB);
    const response = await auth.POST(post("/api/auth/callback/applicant", stream, { "content-type": "application/x-www-form-urlencoded" }), {
      params: Promise.resolve({ nextauth: ["callback", "applicant"] }),
    });
    const grownMb = (process.memoryUsage().rss - before) / MB;
    console.info(`100 MB chunked body to /api/auth/callback/applicant: ${response.status}, ${Math.round(counter.pulled / 1024)} KiB read, RSS +${grownMb.toFixed(1)} MB`);
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(1 * MB);
    expect(grownMb).toBeLessThan(20);
  });

  it("refuses oversized bodies on every other route that takes one", async () => {
    const huge = "x".repeat(3 * MB);
    const json = { "content-type": "application/json" };
    const cases: [string, () => Promise<Response>][] = [
      ["validate", () => validateRoute.POST(jsonRequest("/api/registrations/validate", { step: "identity", data: { nik: huge } }))],
      ["password-recovery", () => recoveryRoute.POST(jsonRequest("/api/password-recovery", { nik: huge }))],
      ["registrations", () => submitRoute.POST(post("/api/registrations", huge + huge, { "content-type": "multipart/form-data; boundary=x" }))],
      ["captcha", () => captchaRoute.POST(post("/api/captcha", huge, json))],
      ["auth (json)", () => auth.POST(post("/api/auth/signout", huge, json), { params: Promise.resolve({ nextauth: ["signout"] }) })],
      ["agency-notifications", () => notifyRoute.POST(jsonRequest("/api/agency-notifications", { agencyCode: "BMKG", email: huge }))],
      [
        "agency-notifications/unsubscribe",
        () => unsubscribeRoute.POST(post("/api/agency-notifications/unsubscribe?token=x", huge, { "content-type": "application/x-www-form-urlencoded" })),
      ],
    ];
    for (const [name, send] of cases) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status: 413 });
      expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    }
  });
});
