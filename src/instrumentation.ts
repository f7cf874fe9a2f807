// Runs once when the server starts: validate the environment so that a misconfigured server
// fails at start, not on its first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/server/env");
    env();
  }
}
