/**
 * SQLite and PostgreSQL are one data model: the PostgreSQL schema is derived from
 * prisma/schema.prisma (scripts/prisma-generate.mjs), both generated clients list the same models
 * and fields, and every migration exists for both engines. A schema change or a new migration made
 * for one engine only fails here.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma as SqlitePrisma } from "@/generated/prisma/client";
import { Prisma as PostgresPrisma } from "@/generated/prisma-pg/client";
import { listMigrations, MIGRATIONS_DIRS } from "../../../scripts/lib/migrations";
import { POSTGRESQL_SCHEMA, SQLITE_SCHEMA, toPostgresqlSchema } from "../../../scripts/prisma-generate.mjs";

function modelsAndFields(namespace: unknown): Record<string, string[]> {
  const members = namespace as Record<string, Record<string, string>>;
  return Object.fromEntries(
    Object.values(members.ModelName ?? {}).map((model) => [model, Object.values(members[`${model}ScalarFieldEnum`] ?? {}).sort()]),
  );
}

describe("one data model for SQLite and PostgreSQL", () => {
  it("derives prisma/postgresql/schema.prisma from prisma/schema.prisma (run npm run db:generate after a schema change)", () => {
    const derived = toPostgresqlSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(derived).toMatch(/provider = "postgresql"/);
    expect(derived).not.toMatch(/"sqlite"/);
    expect(fs.readFileSync(POSTGRESQL_SCHEMA, "utf8")).toBe(derived);
  });

  it("generates two clients with the same models and the same fields", () => {
    const sqlite = modelsAndFields(SqlitePrisma);
    expect(Object.keys(sqlite).length).toBeGreaterThan(5);
    expect(modelsAndFields(PostgresPrisma)).toEqual(sqlite);
  });

  it("has every migration for both engines, under the same name", () => {
    const names = (dir: string) => listMigrations(dir).map((m) => m.name);
    expect(names(MIGRATIONS_DIRS.postgresql)).toEqual(names(MIGRATIONS_DIRS.sqlite));
  });

  it("marks each migrations folder with its provider", () => {
    const lock = (dir: string) => fs.readFileSync(path.join(dir, "migration_lock.toml"), "utf8");
    expect(lock(MIGRATIONS_DIRS.sqlite)).toMatch(/^provider = "sqlite"$/m);
    expect(lock(MIGRATIONS_DIRS.postgresql)).toMatch(/^provider = "postgresql"$/m);
  });
});
