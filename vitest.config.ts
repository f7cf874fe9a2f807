import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Two projects: "unit" (tests/unit: pure rules, schemas and server helpers; seconds) and
 * "integration" (tests/integration: route handlers, operations, migrations and scripts against a
 * real SQLite file each). `vitest run` runs both; `--project unit|integration` one of them.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // Next resolves "server-only" to an empty module on the server; tests run server code too.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    setupFiles: ["tests/setup/vitest.setup.ts"],
    // Each integration file makes its own SQLite database; two cores are all we have.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // Setting up a seeded database and registering applicants takes seconds on a busy 2-core machine.
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 20_000,
          hookTimeout: 20_000,
          // A throwaway PostgreSQL for the tests that run on it too (TEST_POSTGRES, see the file).
          globalSetup: ["tests/setup/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
