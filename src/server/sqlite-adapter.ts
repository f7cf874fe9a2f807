import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

/**
 * How long a write waits for another connection's write lock (another instance, `npm run
 * admin:create`, a long transaction) before giving up with SQLITE_BUSY, which the app answers
 * 503 SERVER_BUSY. better-sqlite3's default of 5 s turned a 7 s lock into a 500. better-sqlite3
 * waits synchronously, so this process answers nothing else meanwhile: a lock held that long is
 * rare on one file, and the scale-out path is PostgreSQL.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * The SQLite driver adapter, set up for a server: the busy timeout above, and WAL journal mode
 * on every connection, so readers never wait for the writer (the migration runner sets WAL on
 * the file too; this holds it for a file made any other way).
 */
export function sqliteAdapter(url: string, { busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS }: { busyTimeoutMs?: number } = {}): PrismaBetterSqlite3 {
  const factory = new PrismaBetterSqlite3({ url, timeout: busyTimeoutMs });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL;");
    return adapter;
  };
  return factory;
}
