import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";

/** One Prisma client per process and database (kept across hot reloads in development). */
const globalForPrisma = globalThis as unknown as { prismaClients?: Map<string, PrismaClient> };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: databaseUrl });
  return new PrismaClient({ adapter });
}

/** The shared client for a database URL; `src/server/deps.ts` hands it to the operations. */
export function prismaClientFor(databaseUrl: string): PrismaClient {
  const clients = (globalForPrisma.prismaClients ??= new Map());
  let client = clients.get(databaseUrl);
  if (!client) {
    client = createPrismaClient(databaseUrl);
    clients.set(databaseUrl, client);
  }
  return client;
}
