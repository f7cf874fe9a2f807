import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { sqliteAdapter } from "@/server/sqlite-adapter";

/** One Prisma client per process and database (kept across hot reloads in development). */
const globalForPrisma = globalThis as unknown as { prismaClients?: Map<string, PrismaClient> };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = sqliteAdapter(databaseUrl);
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  const url = env().DATABASE_URL;
  const clients = (globalForPrisma.prismaClients ??= new Map());
  let client = clients.get(url);
  if (!client) {
    client = createPrismaClient(url);
    clients.set(url, client);
  }
  return client;
}
