import zlib from "node:zlib";
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "@/server/content-security-policy";
import { toCachedPage, type CachedPage, type RenderedPage } from "@/server/page-cache/cached-page";

const NONCE = "gY5ebPAP51px3M4mU3L/PA==";

function rendered(overrides: { status?: number; headers?: IncomingHttpHeaders; html?: string } = {}): RenderedPage {
  const html =
    overrides.html ??
    `<html><head><script src="/a.js" nonce="${NONCE}"></script></head><body><h1>Pendaftaran</h1>` +
      `<script nonce="${NONCE}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE}\\"}"])</script></body></html>`;
  return {
    status: overrides.status ?? 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": pageContentSecurityPolicy(NONCE, { development: false, production: true }),
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      link: `</a.css>; rel=preload; as="style"; nonce="${NONCE}"`,
      vary: "rsc, next-router-state-tree, Accept-Encoding",
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      date: "Tue, 24 Nov 2026 09:08:57 GMT",
      "transfer-encoding": "chunked",
      connection: "keep-alive",
      ...overrides.headers,
    },
    body: Buffer.from(html),
  };
}

function kept(page: ReturnType<typeof toCachedPage>): CachedPage {
  if ("refused" in page) throw new Error(`refused: ${page.refused}`);
  return page;
}

describe("which renders the page cache keeps", () => {
  it("keeps a 200 HTML page whose every nonce is its policy's", () => {
    expect(toCachedPage(rendered(), 0)).not.toHaveProperty("refused");
  });

  it.each([
    ["a status other than 200", rendered({ status: 500 }), "status 500"],
    ["a redirect", rendered({ status: 307 }), "status 307"],
    ["anything but HTML", rendered({ headers: { "content-type": "application/json" } }), "not HTML"],
    ["a page that sets a cookie", rendered({ headers: { "set-cookie": ["a=b"] } }), "it set a cookie"],
    ["an encoded page", rendered({ headers: { "content-encoding": "gzip" } }), "encoded (gzip)"],
    ["a page without a policy", rendered({ headers: { "content-security-policy": undefined } }), "no Content-Security-Policy"],
    ["a policy naming two nonces", rendered({ headers: { "content-security-policy": `script-src 'nonce-${NONCE}' 'nonce-${createNonce()}'` } }), "2 nonces in the policy"],
    ["a page without a nonce", rendered({ html: "<html><body>plain</body></html>" }), "no nonce in the page"],
    ["a page with another nonce", rendered({ html: `<script nonce="${NONCE}"></script><script nonce="${createNonce()}"></script>` }), "a nonce in the page that is not the policy's"],
    ["a nonce written otherwise in the payload", rendered({ html: `<script nonce="${NONCE}">x({\\"nonce\\":\\"gY5ebPAP51px3M4mU3L\\u002FPA==\\"})</script>` }), "a nonce in the page that is not the policy's"],
  ])("refuses %s", (_, page, reason) => {
    expect(toCachedPage(page, 0)).toEqual({ refused: reason });
  });
});

describe("an answer from the cache", () => {
  it("carries a fresh nonce in the page, the policy and the preload header, and no other trace of the render's", () => {
    const page = kept(toCachedPage(rendered(), 0));
    const nonce = createNonce();
    const { headers, body } = page.answer(nonce, { gzip: false, ageSeconds: 0 });
    expect(body.toString()).toBe(rendered().body.toString().replaceAll(NONCE, nonce));
    expect(headers["content-security-policy"]).toBe(pageContentSecurityPolicy(nonce, { development: false, production: true }));
    expect(headers.link).toBe(`</a.css>; rel=preload; as="style"; nonce="${nonce}"`);
    expect(JSON.stringify(headers)).not.toContain(NONCE);
    expect(body.toString()).not.toContain(NONCE);
  });

  it("keeps the page's headers (HSTS, caching, Vary) and drops the message's (date, chunking, connection)", () => {
    const { headers, body } = kept(toCachedPage(rendered(), 0)).answer(createNonce(), { gzip: false, ageSeconds: 3 });
    expect(headers).toMatchObject({
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      vary: "rsc, next-router-state-tree, Accept-Encoding",
      "content-type": "text/html; charset=utf-8",
      "content-length": body.length,
      age: "3",
    });
    for (const name of ["date", "transfer-encoding", "connection", "content-encoding"]) expect(headers).not.toHaveProperty(name);
  });

  it("is gzip when asked, and then says so; the page varies on Accept-Encoding either way", () => {
    const page = kept(toCachedPage(rendered({ headers: { vary: "rsc" } }), 0));
    const nonce = createNonce();
    const { headers, body } = page.answer(nonce, { gzip: true, ageSeconds: 0 });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.vary).toBe("rsc, accept-encoding");
    expect(zlib.gunzipSync(body).toString()).toBe(rendered().body.toString().replaceAll(NONCE, nonce));
    expect(page.vary).toEqual(["rsc"]);
  });
});
