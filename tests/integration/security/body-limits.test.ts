/**
 * Issue 9, item 3: every route refuses a body over its limit with 413 PAYLOAD_TOO_LARGE before
 * reading it. The attack sent 100 MB urlencoded to `/api/auth/callback/applicant`, which
 * next-auth read whole (the process grew by about 557 MB). In-process here, with a body that is
 * generated as it is read, so whatever the handler keeps shows in this process's memory; the
 * end-to-end suite measures the production server's RSS too (tests/e2e/security-server.spec.ts).
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, loadRoutes, startTestServer } from "../../setup/route-harness";
import type { TestDatabase } from "../../setup/test-database";

const MB = 1024 * 1024;
let testDb: TestDatabase;

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

beforeAll(async () => {
  testDb = await startTestServer();
  await loadRoutes("2023-09-25T10:00:00+07:00");
}, 60_000);
afterAll(async () => {
  await testDb.cleanup();
});

describe("body limits", () => {
  it("refuses a 100 MB sign-in body by its Content-Length without reading a byte", async () => {
    const auth = await import("@/app/api/auth/[...nextauth]/route");
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
    const auth = await import("@/app/api/auth/[...nextauth]/route");
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
      ["validate", async () => (await import("@/app/api/registrations/validate/route")).POST(jsonRequest("/api/registrations/validate", { step: "identity", data: { nik: huge } }))],
      ["password-recovery", async () => (await import("@/app/api/password-recovery/route")).POST(jsonRequest("/api/password-recovery", { nik: huge }))],
      ["registrations", async () => (await import("@/app/api/registrations/route")).POST(post("/api/registrations", huge + huge, { "content-type": "multipart/form-data; boundary=x" }))],
      ["captcha", async () => (await import("@/app/api/captcha/route")).POST(post("/api/captcha", huge, json))],
      ["auth (json)", async () => (await import("@/app/api/auth/[...nextauth]/route")).POST(post("/api/auth/signout", huge, json), { params: Promise.resolve({ nextauth: ["signout"] }) })],
    ];
    for (const [name, send] of cases) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status: 413 });
      expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    }
  });
});
