import path from "node:path";
import { defineConfig } from "vitest/config";
import { findPostgresBin } from "./scripts/lib/postgres-cluster.mjs";

/**
 * Four projects: "unit" (tests/unit: pure rules, schemas and server helpers; seconds),
 * "integration" (tests/integration: route handlers, operations, migrations and scripts, each file
 * on a fresh SQLite database) and "integration-postgresql" (the same files, each on a fresh
 * PostgreSQL database in one throwaway cluster per run). The setup (tests/setup/test-database.ts)
 * reads the engine from the project (`inject("testDatabase")`), so every integration test runs on
 * both engines without a copy; the few that are about one engine only skip on the other, saying why.
 *
 * "multi-instance" (tests/multi-instance) starts two production servers on one PostgreSQL; it needs
 * a build, so it skips unless TEST_MULTI_INSTANCE=1 (npm test sets it after building).
 *
 * `vitest run` runs them all; `--project <name>` one of them.
 * The PostgreSQL project exists when PostgreSQL is installed (or TEST_POSTGRES_URL names a server)
 * and TEST_POSTGRES is not 0; TEST_POSTGRES=1 (npm test) requires it.
 */
const postgres = process.env.TEST_POSTGRES !== "0" && (process.env.TEST_POSTGRES === "1" || Boolean(process.env.TEST_POSTGRES_URL) || findPostgresBin() !== null);

// Setting up a seeded database and registering applicants takes seconds on a busy 2-core machine.
const integration = {
  include: ["tests/integration/**/*.test.ts"],
  testTimeout: 20_000,
  hookTimeout: 20_000,
};

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
    // Each integration file makes its own database; two cores are all we have.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", ...integration, provide: { testDatabase: "sqlite" as const } } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: "integration-postgresql",
                ...integration,
                provide: { testDatabase: "postgresql" as const },
                // The cluster, and a migrated, seeded template database each file's database is copied from.
                globalSetup: ["tests/setup/postgres-global-setup.ts"],
              },
            },
          ]
        : []),
      // Two production servers on one PostgreSQL (tests/multi-instance): needs a build, so npm test
      // runs it after its build with TEST_MULTI_INSTANCE=1; it skips otherwise.
      {
        extends: true as const,
        test: { name: "multi-instance", include: ["tests/multi-instance/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 240_000 },
      },
    ],
  },
});
