// `npm run db:migrate`: applies prisma/migrations to the database named by DATABASE_URL.
import path from "node:path";
import { applySqliteMigrations, sqliteFileFromUrl } from "./lib/migrations";

const url = process.env.DATABASE_URL || "file:./data/sscasn.db";
const result = applySqliteMigrations(sqliteFileFromUrl(url), path.join(process.cwd(), "prisma", "migrations"));
console.log(
  `migrations: ${result.applied.length} applied${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ${result.alreadyApplied.length} already applied`,
);
