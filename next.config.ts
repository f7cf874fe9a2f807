import type { NextConfig } from "next";
import { API_ANSWER_HEADERS, asHeaderList, EVERY_ANSWER_HEADERS } from "./src/server/response-headers";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two checkouts' builds (or a build and a running test) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native modules and packages that read their own files at run time stay outside the bundle.
  // svg-captcha reads its font file at run time (../shared/TOOLCHAIN.md).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "sharp", "svg-captcha"],
  poweredByHeader: false,
  experimental: {
    // The proxy (src/proxy.ts) runs for pages, and Next buffers a proxied request's body (10 MB
    // by default) for it; pages take no body, so keep that buffer small.
    proxyClientMaxBodySize: "64kb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: asHeaderList(EVERY_ANSWER_HEADERS) },
      // Pages get a per-request policy with a nonce from src/proxy.ts (ADR 0012).
      { source: "/api/:path*", headers: asHeaderList(API_ANSWER_HEADERS) },
    ];
  },
};

export default nextConfig;
