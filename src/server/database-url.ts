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
