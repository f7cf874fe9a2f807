// Prisma CLI configuration. Only `prisma generate` is used from the CLI: migrations run through
// scripts/migrate.ts, because the CLI's migrate commands download a native engine we cannot reach.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL || "file:./data/sscasn.db" },
});
