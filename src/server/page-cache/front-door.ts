import http, { type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hasSessionCookie } from "@/server/auth/session-cookies";
import { createNonce } from "@/server/content-security-policy";
import type { RenderedPage } from "@/server/page-cache/cached-page";
import { createPageCache, type PageCache } from "@/server/page-cache/page-cache";
import { FILL_HEADER } from "@/server/page-cache/shared";
import { createLoadShedder } from "@/server/shed-load";

/**
 * The production server's first listener (scripts/serve.mjs, ADR 0019): an anonymous GET or HEAD
 * of `/` is answered from the page cache, with a fresh nonce in the page and its policy, before
 * Next sees it; a registration submission the admission limit has no room for is answered
 * SERVER_BUSY (src/server/shed-load.ts, ADR 0021); everything else goes to Next's handler (`app`)
 * untouched, the proxy included.
 *
 * The cache renders the page by asking the app itself, through a second listener on a random
 * loopback port that serves Next's handler only (no cache), with no cookie and FILL_HEADER: the
 * page is rendered exactly as for an anonymous visitor, by the same proxy, layout and page.
 */
export type FrontDoor = {
  listener: RequestListener;
  /** Watch the server's connections (the load shedder's hand-offs wait while a burst is accepted). */
  watch(server: http.Server): void;
  invalidate(): void;
  close(): Promise<void>;
};

/** Largest render kept (the landing page is some 60 kB). */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const RENDER_TIMEOUT_MS = 10_000;

/**
 * Whether a request may be answered from the cache: GET or HEAD of exactly `/` (no query string),
 * not one of Next's router requests (RSC payloads, prefetches: `rsc`, `next-…` headers), and
 * without a session cookie: a signed-in visitor's header differs ("Akun Saya"), so they are
 * always rendered.
 */
export function isCacheableRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (url !== "/") return false;
  for (const name of Object.keys(headers)) if (name === "rsc" || name.startsWith("next-")) return false;
  return !hasSessionCookie(headers.cookie);
}

/** Accept-Encoding names gzip (or *) with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((item) => {
    const [coding, ...params] = item.split(";").map((part) => part.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function createFrontDoor(options: { app: RequestListener; ttlMs: number; secret: string; log?: (message: string) => void }): FrontDoor {
  const { app, ttlMs, secret } = options;
  const log = options.log ?? console.error;
  const internal = http.createServer(app);
  const port = new Promise<number>((resolve, reject) => {
    internal.once("error", reject);
    internal.listen(0, "127.0.0.1", () => resolve((internal.address() as AddressInfo).port));
  });
  // Nothing waits on it until the first render; a failure then is that render's.
  port.catch(() => {});

  const shedder = createLoadShedder(app);
  const cache: PageCache = createPageCache({ ttlMs, render: async () => renderPage(await port, secret), log });

  function answer(request: IncomingMessage, response: ServerResponse, page: Awaited<ReturnType<PageCache["lookup"]>>): void {
    if (!page || page.vary.some((name) => request.headers[name] !== undefined)) return void app(request, response);
    let answered: ReturnType<typeof page.answer>;
    try {
      const ageSeconds = Math.max(0, Math.floor((performance.now() - page.renderedAt) / 1000));
      answered = page.answer(createNonce(), { gzip: acceptsGzip(request.headers["accept-encoding"]), ageSeconds });
    } catch (error) {
      log(`page cache: could not answer from the cache (${error instanceof Error ? error.message : String(error)})`);
      return void app(request, response);
    }
    response.writeHead(200, answered.headers);
    response.end(request.method === "HEAD" ? undefined : answered.body);
  }

  return {
    listener(request, response) {
      if (shedder.take(request, response)) return;
      if (ttlMs <= 0 || !isCacheableRequest(request.method, request.url, request.headers)) return void app(request, response);
      const page = cache.lookup();
      if (!(page instanceof Promise)) return answer(request, response, page);
      page.then(
        (ready) => answer(request, response, ready),
        () => app(request, response),
      );
    },
    watch: (server) => void server.on("connection", () => shedder.accepted()),
    invalidate: () => cache.invalidate(),
    close: () => new Promise((resolve) => internal.close(() => resolve())),
  };
}

/** GET / from the app itself, as an anonymous visitor whose render reads the data afresh. */
function renderPage(port: number, secret: string): Promise<RenderedPage> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/",
        method: "GET",
        headers: { accept: "text/html", "accept-encoding": "identity", [FILL_HEADER]: secret },
        timeout: RENDER_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_PAGE_BYTES) request.destroy(new Error(`the page is over ${MAX_PAGE_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${RENDER_TIMEOUT_MS} ms`)));
    request.on("error", reject);
    request.end();
  });
}
