import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { DEFAULT_DATABASE_POOL_SIZE, databaseEngine, DATABASE_URL_MESSAGE } from "@/server/database-url";
import { sqliteAdapter } from "@/server/sqlite-adapter";

/** One Prisma client per process and database (kept across hot reloads in development). */
const globalForPrisma = globalThis as unknown as { prismaClients?: Map<string, PrismaClient> };

/** `poolSize`: PostgreSQL connections this client keeps at most (DATABASE_POOL_SIZE). */
export type DatabaseOptions = { poolSize?: number };

/**
 * A client for the database the URL names: SQLite through better-sqlite3 for `file:` URLs,
 * PostgreSQL through `pg` for `postgresql://` URLs. Prisma 7 generates one client per provider
 * from the same models (scripts/prisma-generate.mjs); both have the same API for everything the
 * app calls, so the PostgreSQL one is typed as the SQLite one and callers need not care. The cast
 * is needed only because the types differ where PostgreSQL offers more (e.g. `$transaction`'s
 * isolation levels: SQLite knows only "Serializable"); typed as SQLite, the app uses the common part.
 */
export function createPrismaClient(databaseUrl: string, options: DatabaseOptions = {}): PrismaClient {
  switch (databaseEngine(databaseUrl)) {
    case "sqlite":
      // WAL and a 15 s busy timeout, past which a write answers 503 SERVER_BUSY (sqlite-adapter.ts).
      return new PrismaClient({ adapter: sqliteAdapter(databaseUrl) });
    case "postgresql": {
      const max = options.poolSize ?? DEFAULT_DATABASE_POOL_SIZE;
      return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max }) }) as unknown as PrismaClient;
    }
    default:
      throw new Error(`DATABASE_URL ${DATABASE_URL_MESSAGE}`);
  }
}

/** The shared client for a database URL; `src/server/deps.ts` hands it to the operations. */
export function prismaClientFor(databaseUrl: string, options: DatabaseOptions = {}): PrismaClient {
  const clients = (globalForPrisma.prismaClients ??= new Map());
  let client = clients.get(databaseUrl);
  if (!client) {
    client = createPrismaClient(databaseUrl, options);
    clients.set(databaseUrl, client);
  }
  return client;
}
