/**
 * DATABASE_POOL_SIZE: how many PostgreSQL connections one app process opens at most (ADR 0013:
 * instances × pool size must stay under the server's max_connections). On PostgreSQL only:
 * SQLite has no pool (one connection per process), so this skips in the SQLite project.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db";
import { testEngine, useTestDatabase } from "../../setup/test-database";

describe.skipIf(testEngine() !== "postgresql")("the PostgreSQL connection pool (PostgreSQL only: SQLite has no pool)", () => {
  const database = useTestDatabase();

  it("opens no more connections than DATABASE_POOL_SIZE, however many queries wait", async () => {
    const prisma = createPrismaClient(database.url, { poolSize: 3 });
    const name = new URL(database.url).pathname.slice(1);
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    try {
      let most = 0;
      const sleeping = Promise.all(Array.from({ length: 9 }, () => prisma.$executeRaw`SELECT pg_sleep(0.3)`));
      const watching = (async () => {
        for (let i = 0; i < 8; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const { rows } = await watcher.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            [name],
          );
          most = Math.max(most, rows[0]!.n);
        }
      })();
      await Promise.all([sleeping, watching]);
      // Nothing else is connected to this database (the setup's client has not been used).
      expect(most).toBe(3);
    } finally {
      await watcher.end();
      await prisma.$disconnect();
    }
  });
});
