// Types of prisma-generate.mjs (plain JavaScript: it runs on postinstall, before tsx may be there).
export const SQLITE_SCHEMA: string;
export const POSTGRESQL_SCHEMA: string;
export function toPostgresqlSchema(sqliteSchema: string): string;
