import { randomBytes } from "node:crypto";
import type { RequestListener } from "node:http";
import { createFrontDoor, type FrontDoor } from "@/server/page-cache/front-door";
import { PAGE_CACHE_KEY, type InstalledPageCache } from "@/server/page-cache/shared";

export type PageCacheInstallation = InstalledPageCache & {
  /** For scripts/serve.mjs: the listener to put in front of Next's handler. */
  frontDoor(app: RequestListener): FrontDoor;
};

/**
 * Called once at start (src/instrumentation.ts): puts the page cache where the server script, the
 * landing page and the admin's handlers find it (./shared.ts). The cache itself exists once
 * scripts/serve.mjs asks for the front door; under `next dev` or a bare `next start` nobody does,
 * and every page renders per request as before.
 */
export function installPageCache(ttlMs: number): PageCacheInstallation {
  let door: FrontDoor | undefined;
  const installation: PageCacheInstallation = {
    secret: randomBytes(32).toString("base64url"),
    invalidate: () => door?.invalidate(),
    frontDoor(app) {
      door ??= createFrontDoor({ app, ttlMs, secret: installation.secret });
      return door;
    },
  };
  (globalThis as { [PAGE_CACHE_KEY]?: InstalledPageCache })[PAGE_CACHE_KEY] = installation;
  return installation;
}
