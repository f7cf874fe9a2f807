import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createClock } from "@/server/clock";
import { buildDeps, deps, setDepsForTest, withDeps } from "@/server/deps";
import { parseEnv } from "@/server/env";
import { LocalDirectoryPhotoStorage } from "@/server/storage";

/** A stand-in database that answers only what the registry asks; no SQLite is opened here. */
function fakeDb(): PrismaClient {
  const citizen = { nik: "3273011205980001", kk: "3273011103190001", fullName: "BUDI SANTOSO", birthDate: "1998-05-12" };
  return { citizen: { findUnique: async ({ where }: { where: { nik: string } }) => (where.nik === citizen.nik ? citizen : null) } } as unknown as PrismaClient;
}

const env = parseEnv({ DATABASE_URL: "file:/nonexistent/never-opened.db", APP_CLOCK: "2023-09-25T10:00:00+07:00", STORAGE_DIR: "./tmp-photos" });

afterEach(() => {
  setDepsForTest(undefined);
});

describe("ports chosen by configuration", () => {
  it("builds the embedded adapters the environment names: the Citizen table and a photo directory", async () => {
    const db = fakeDb();
    const built = buildDeps(env, { db });
    expect(built.env).toBe(env);
    expect(built.db).toBe(db);
    expect(built.photoStorage).toBeInstanceOf(LocalDirectoryPhotoStorage);
    expect((built.photoStorage as LocalDirectoryPhotoStorage).root).toBe(path.resolve("./tmp-photos"));
    // The registry reads the database the set was built with.
    expect(await built.populationRegistry.findByNik("3273011205980001")).toMatchObject({ fullName: "BUDI SANTOSO" });
    expect(await built.populationRegistry.findByNik("3273011205980002")).toBeNull();
    expect(built.clock.simulated).toBe(true);
    expect(built.clock.now().getTime() - Date.parse("2023-09-25T10:00:00+07:00")).toBeLessThan(60_000);
  });

  it("takes the ports it is given as they are", () => {
    const clock = createClock(null);
    const photoStorage = new LocalDirectoryPhotoStorage("/tmp/elsewhere");
    const populationRegistry = { findByNik: async () => null };
    const built = buildDeps(env, { db: fakeDb(), clock, photoStorage, populationRegistry });
    expect(built).toMatchObject({ clock, photoStorage, populationRegistry });
  });
});

describe("test overrides", () => {
  it("installs a set for the process, and withDeps replaces ports for one call and what it awaits", async () => {
    const installed = buildDeps(env, { db: fakeDb() });
    setDepsForTest(installed);
    expect(deps()).toBe(installed);

    const later = createClock("2023-10-09T00:00:00+07:00");
    const seen = await withDeps({ clock: later }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { clock: deps().clock, db: deps().db };
    });
    expect(seen).toEqual({ clock: later, db: installed.db });
    expect(deps()).toBe(installed);
  });
});
