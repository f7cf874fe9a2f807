// `npm run db:migrate`: applies the migrations to the database named by DATABASE_URL:
// prisma/migrations for a SQLite `file:` URL, prisma/migrations-postgresql for a `postgresql://` URL.
import { applyMigrations } from "./lib/migrations";

const url = process.env.DATABASE_URL || "file:./data/sscasn.db";
const result = await applyMigrations(url);
console.log(
  `migrations: ${result.applied.length} applied${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ${result.alreadyApplied.length} already applied`,
);
