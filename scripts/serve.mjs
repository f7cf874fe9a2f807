#!/usr/bin/env node
/**
 * The production server (`npm run serve`; `npm start` runs it after its build): Next's own request
 * handler, as `next start` runs it, behind the landing page's cache (ADR 0019). An anonymous
 * GET / is answered from memory with a fresh CSP nonce before Next parses it; every other request
 * goes to Next untouched. The cache's code is the app's (src/server/page-cache), compiled by
 * `next build` and handed over at start by src/instrumentation.ts; this file only wires it in.
 *
 * Listens on $PORT (default 3000) on every interface, as `next start` does. SIGINT/SIGTERM stop
 * taking connections, let open requests finish, then exit.
 */
import http from "node:http";
import path from "node:path";

// As `next start`: a production build is served in production mode.
process.env.NODE_ENV ||= "production";
const { default: next } = await import("next");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);

const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();
// Installed by src/instrumentation.ts, whose register() Next runs as it starts (it may finish just
// after prepare() does). Until it is there, and if it never is, every page renders per request.
let door;
function listener(request, response) {
  if (!door) {
    door = globalThis[Symbol.for("sscasn.page-cache")]?.frontDoor(handle);
    if (door) {
      door.watch(server);
      console.log("serve: landing page cache on");
    }
  }
  (door ? door.listener : handle)(request, response);
}
const server = http.createServer(listener);

server.on("error", (error) => {
  console.error("serve: the server failed", error);
  process.exit(1);
});
server.listen(port, () => {
  // Next reads the port from here (as `next start` sets it).
  process.env.PORT = String(port);
  console.log(`serve: listening on http://localhost:${port}`);
});

let stopping = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Keep-alive connections close when idle; do not wait for a slow client longer than this.
    setTimeout(() => process.exit(code), 10_000).unref();
    server.close(async () => {
      await Promise.allSettled([door?.close(), app.close()]);
      process.exit(code);
    });
  });
}
