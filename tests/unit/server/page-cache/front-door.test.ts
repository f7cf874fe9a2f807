import http, { type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "@/server/content-security-policy";
import { acceptsGzip, createFrontDoor, isCacheableRequest, type FrontDoor } from "@/server/page-cache/front-door";
import { FILL_HEADER } from "@/server/page-cache/shared";

/**
 * The front door on real sockets, in front of a stand-in for Next: like the proxy, it gives each
 * request its own nonce (policy and page), and it counts renders and says who asked.
 */
const SECRET = "s".repeat(43);

type Seen = { path: string | undefined; fill: string | undefined; cookie: string | undefined };

function fakeApp(seen: Seen[]): RequestListener {
  return (request, response) => {
    seen.push({ path: request.url, fill: request.headers[FILL_HEADER] as string | undefined, cookie: request.headers.cookie });
    const nonce = createNonce();
    const signedIn = Boolean(request.headers.cookie?.includes("session-token"));
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": pageContentSecurityPolicy(nonce, { development: false, production: false }),
      vary: "rsc, next-router-state-tree, Accept-Encoding",
    });
    response.end(`<html><body><a href="${signedIn ? "/akun" : "/masuk"}">${signedIn ? "Akun Saya" : "Masuk"}</a><p>render ${seen.length}</p><script nonce="${nonce}">x()</script><script src="/a.js" nonce="${nonce}"></script></body></html>`);
  };
}

let open: { server: http.Server; door: FrontDoor }[] = [];
afterEach(async () => {
  for (const { server, door } of open) {
    await new Promise((resolve) => server.close(resolve));
    await door.close();
  }
  open = [];
});

async function start(ttlMs: number): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const door = createFrontDoor({ app: fakeApp(seen), ttlMs, secret: SECRET });
  const server = http.createServer(door.listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  open.push({ server, door });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString("utf8") });
        });
      })
      .on("error", reject)
      .end();
  });
}

function policyNonce(answer: Answer): string {
  return /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))![1]!;
}

describe("the front door", () => {
  it("answers anonymous visitors from one render, each with its own nonce in the page and the policy", async () => {
    const { base, seen } = await start(60_000);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => get(`${base}/`, i % 2 ? { "accept-encoding": "gzip, deflate, br" } : {})));
    expect(seen).toEqual([{ path: "/", fill: SECRET, cookie: undefined }]);
    const nonces = answers.map(policyNonce);
    expect(new Set(nonces).size).toBe(20);
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      expect(answer.headers.age).toBe("0");
      expect(answer.headers["content-encoding"]).toBe(i % 2 ? "gzip" : undefined);
      const inPage = [...answer.body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
      expect(inPage).toEqual([nonces[i], nonces[i]]);
      expect(answer.body).toContain("render 1");
    }
  });

  it("never gives the cached page to a visitor with a session cookie, nor to Next's router or a query", async () => {
    const { base, seen } = await start(60_000);
    await get(`${base}/`);
    for (const cookie of ["next-auth.session-token=abc", "__Secure-next-auth.session-token=abc", "a=1; next-auth.session-token.0=abc"]) {
      const answer = await get(`${base}/`, { cookie });
      expect(answer.body, cookie).toContain("Akun Saya");
      expect(answer.headers.age).toBeUndefined();
    }
    expect((await get(`${base}/?q=1`)).headers.age).toBeUndefined();
    expect((await get(`${base}/`, { rsc: "1" })).headers.age).toBeUndefined();
    expect((await get(`${base}/masuk`)).headers.age).toBeUndefined();
    expect(seen.map((s) => s.fill)).toEqual([SECRET, undefined, undefined, undefined, undefined, undefined, undefined]);
    // Another cookie is no session: still the cached page.
    expect((await get(`${base}/`, { cookie: "next-auth.csrf-token=x" })).headers.age).toBe("0");
  });

  it("does nothing special for a client's fill header without the secret, and answers HEAD without a body", async () => {
    const { base, seen } = await start(60_000);
    const first = await get(`${base}/`);
    const spoofed = await get(`${base}/`, { [FILL_HEADER]: "guess" });
    expect(spoofed.headers.age).toBe("0");
    expect(spoofed.body.replaceAll(policyNonce(spoofed), "N")).toBe(first.body.replaceAll(policyNonce(first), "N"));
    const head = await get(`${base}/`, {}, "HEAD");
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(first.body));
    expect(seen).toHaveLength(1);
  });

  it("with a TTL of 0 passes every request to the app", async () => {
    const { base, seen } = await start(0);
    for (let i = 0; i < 3; i++) expect((await get(`${base}/`)).headers.age).toBeUndefined();
    expect(seen.map((s) => s.fill)).toEqual([undefined, undefined, undefined]);
  });
});

describe("what may come from the cache", () => {
  it("is GET or HEAD of / alone, without Next's router headers or a session cookie", () => {
    expect(isCacheableRequest("GET", "/", {})).toBe(true);
    expect(isCacheableRequest("HEAD", "/", { cookie: "theme=dark" })).toBe(true);
    expect(isCacheableRequest("POST", "/", {})).toBe(false);
    expect(isCacheableRequest("GET", "/?x", {})).toBe(false);
    expect(isCacheableRequest("GET", "//", {})).toBe(false);
    expect(isCacheableRequest("GET", "/masuk", {})).toBe(false);
    expect(isCacheableRequest("GET", "/", { "next-router-prefetch": "1" })).toBe(false);
    expect(isCacheableRequest("GET", "/", { cookie: "x=1; __Secure-next-auth.session-token=y" })).toBe(false);
  });

  it("is gzip when Accept-Encoding allows it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
