import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { createPageBody, type PageBody } from "@/server/page-cache/nonce-template";

/** What the app answered to the cache's own request for the page. */
export type RenderedPage = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A render kept for anonymous visitors; each answer gets its own nonce. */
export type CachedPage = {
  /** When the render began (the cache's clock, ms): its data is no older. */
  renderedAt: number;
  /** Request headers the page varies on (Next's router headers), lower-case, Accept-Encoding aside. */
  vary: readonly string[];
  answer(nonce: string, options: { gzip: boolean; ageSeconds: number }): { headers: OutgoingHttpHeaders; body: Buffer };
};

/** Headers that describe one message, not the page: never copied from the render. */
const MESSAGE_HEADERS = new Set([
  "age",
  "connection",
  "content-encoding",
  "content-length",
  "content-security-policy",
  "date",
  "etag",
  "keep-alive",
  "set-cookie",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Every nonce a page can hold: `nonce="…"` attributes and `"nonce":"…"` in the RSC payload (escaped or not). */
const NONCE_IN_BODY = /nonce(?:="|\\?"\s*:\s*\\?")([^"\\]*)/g;
const NONCE_IN_POLICY = /'nonce-([^']+)'/g;

/**
 * The render as a page to keep, or why it may not be kept. Only a 200 HTML page that set no
 * cookie qualifies, whose policy names one nonce and whose every nonce is that one: a nonce the
 * cache could not replace would be refused by the browser under the fresh policy.
 */
export function toCachedPage(rendered: RenderedPage, renderedAt: number): CachedPage | { refused: string } {
  if (rendered.status !== 200) return { refused: `status ${rendered.status}` };
  if (!String(rendered.headers["content-type"] ?? "").startsWith("text/html")) return { refused: "not HTML" };
  if (rendered.headers["set-cookie"]) return { refused: "it set a cookie" };
  const encoding = rendered.headers["content-encoding"];
  if (encoding && encoding !== "identity") return { refused: `encoded (${encoding})` };
  const policy = rendered.headers["content-security-policy"];
  if (typeof policy !== "string") return { refused: "no Content-Security-Policy" };
  const policyNonces = new Set([...policy.matchAll(NONCE_IN_POLICY)].map((match) => match[1]!));
  if (policyNonces.size !== 1) return { refused: `${policyNonces.size} nonces in the policy` };
  const [nonce] = [...policyNonces] as [string];
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) return { refused: "a nonce that is not base64" };
  const html = rendered.body.toString("utf8");
  const bodyNonces = [...html.matchAll(NONCE_IN_BODY)].map((match) => match[1]);
  if (bodyNonces.length === 0) return { refused: "no nonce in the page" };
  if (bodyNonces.some((found) => found !== nonce)) return { refused: "a nonce in the page that is not the policy's" };

  const body: PageBody = createPageBody(html, nonce);
  // The policy, and any other header naming the nonce (Next's `Link: <…css>; rel=preload; nonce=…`),
  // get the fresh one too.
  const kept: OutgoingHttpHeaders = {};
  const withNonce: [string, string[]][] = [["content-security-policy", policy.split(nonce)]];
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (value === undefined || MESSAGE_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (text.includes(nonce)) withNonce.push([name, text.split(nonce)]);
    else kept[name] = value;
  }
  const varyNames = String(rendered.headers.vary ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (!varyNames.includes("accept-encoding")) kept.vary = [...varyNames, "accept-encoding"].join(", ");

  return {
    renderedAt,
    vary: varyNames.filter((name) => name !== "accept-encoding"),
    answer(fresh, { gzip, ageSeconds }) {
      const bytes = gzip ? body.gzip(fresh) : body.identity(fresh);
      const headers: OutgoingHttpHeaders = { ...kept };
      for (const [name, parts] of withNonce) headers[name] = parts.join(fresh);
      Object.assign(headers, {
        "content-length": bytes.length,
        // RFC 9111: an answer from a cache says how old it is.
        age: String(ageSeconds),
      });
      if (gzip) headers["content-encoding"] = "gzip";
      return { headers, body: bytes };
    },
  };
}
