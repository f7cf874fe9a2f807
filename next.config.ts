import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY } from "./src/server/content-security-policy";

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
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
      // Pages get a per-request policy with a nonce from src/proxy.ts (ADR 0012).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
