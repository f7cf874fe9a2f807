// Runs once when the server starts: validate the environment so that a misconfigured server
// fails at start, not on its first request; then make the landing page's cache available to
// scripts/serve.mjs (ADR 0019).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/server/env");
    const { PUBLIC_CACHE_TTL_MS } = env();
    const { installPageCache } = await import("@/server/page-cache/install");
    installPageCache(PUBLIC_CACHE_TTL_MS);
  }
}
