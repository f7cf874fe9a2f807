/**
 * Which engine a DATABASE_URL names (SPEC "Running at national scale"): `file:` is the embedded
 * SQLite database, `postgresql://` (or `postgres://`) a PostgreSQL server.
 *
 * No `import "server-only"` here: the migration runner (scripts/migrate.ts, run outside Next)
 * needs the same answer, and this holds nothing secret.
 */
export type DatabaseEngine = "sqlite" | "postgresql";

export function databaseEngine(url: string): DatabaseEngine | null {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(?:ql)?:\/\//.test(url)) return "postgresql";
  return null;
}

export const DATABASE_URL_MESSAGE = 'must be a SQLite "file:" URL or a "postgresql://" URL';

/**
 * PostgreSQL connections one process opens at most (`DATABASE_POOL_SIZE`; pg's own default). A
 * registration spends milliseconds in the database and most of its time in argon2id and photo
 * re-encoding, which the admission limit holds to the cores, so a few connections per instance
 * suffice; ADR 0013 has the arithmetic (instances × pool ≤ PostgreSQL's max_connections).
 */
export const DEFAULT_DATABASE_POOL_SIZE = 10;
