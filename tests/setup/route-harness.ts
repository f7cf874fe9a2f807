/**
 * Runs the app's route handlers in-process against a fresh test database, with the server's
 * environment (DATABASE_URL, APP_CLOCK) set as a deployment would set it. Each call of
 * `loadRoutes` re-imports the server modules, so a new APP_CLOCK takes effect.
 */
import { vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";

export async function startTestServer(): Promise<TestDatabase> {
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  return testDb;
}

export async function loadRoutes(appClock: string) {
  process.env.APP_CLOCK = appClock;
  vi.resetModules();
  return {
    window: await import("@/app/api/registration-window/route"),
    agencies: await import("@/app/api/agencies/route"),
    validate: await import("@/app/api/registrations/validate/route"),
  };
}

export function jsonRequest(url: string, body: unknown, init: { headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
