// Types of postgres-cluster.mjs (plain JavaScript so that scripts/test.mjs can use it without tsx).
export type PostgresCluster = {
  /** The `postgres` database as the `postgres` superuser (trust login on 127.0.0.1). */
  url: string;
  urlFor(database: string): string;
  port: number;
  dir: string;
  startMs: number;
  /** Stops the server and removes its folder; synchronous and idempotent. */
  stop(): void;
};
export function findPostgresBin(): string | null;
export function ensurePostgresInstalled(): string;
export function findFreePort(range?: [number, number]): Promise<number>;
export function parsePortRange(text: string | undefined): [number, number] | undefined;
export function startPostgresCluster(options?: {
  bin?: string;
  port?: number;
  portRange?: [number, number];
  maxConnections?: number;
}): Promise<PostgresCluster>;
