import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import os from "node:os";
import { COMMON_PASSWORDS } from "@/domain/registration/common-passwords.data";
import { provideCommonPasswords } from "@/domain/registration/password";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { createAdmission, type Admission } from "@/server/admission";
import { createClock, type Clock } from "@/server/clock";
import { createPublicCache, type PublicCache } from "@/server/public-cache";
import { shareAdmission } from "@/server/shed-load";
import { dropCachedPages } from "@/server/page-cache/shared";
import { prismaClientFor } from "@/server/db";
import { env as configuredEnv, type Env } from "@/server/env";
import { createDatabasePopulationRegistry, type PopulationRegistry } from "@/server/registry/population-registry";
import { createMailer, type Mailer } from "@/server/mail/mailer";
import { DatabasePhotoStorage } from "@/server/photos/database-photo-storage";
import { EncryptedPhotoStorage } from "@/server/photos/encrypted-photo-storage";
import { createPhotoKeyring } from "@/server/photos/photo-encryption";
import { LocalDirectoryPhotoStorage, type PhotoStorage } from "@/server/storage";

/**
 * The one place that decides which adapter stands behind each port (STYLE.md "Ports are chosen,
 * not hard-wired"). Operations ask `deps()` for what they need, never build it themselves; the
 * choice follows the validated environment (`POPULATION_REGISTRY`, `PHOTO_STORAGE`,
 * `DATABASE_URL`, `APP_CLOCK`, `STORAGE_DIR`, `PHOTO_ENCRYPTION_KEY(S)`, `SMTP_URL`).
 *
 * Tests build their own set with `buildDeps(parseEnv({...}), { db })` and install it with
 * `setDepsForTest`, or swap one port for a call with `withDeps` (a failing storage, another clock,
 * another secret): no `process.env` mutation and no module reloading.
 */
export type Deps = {
  /** The validated configuration the ports were built from (secrets, APP_ENV). */
  env: Env;
  db: PrismaClient;
  clock: Clock;
  populationRegistry: PopulationRegistry;
  photoStorage: PhotoStorage;
  /** SMTP with SMTP_URL, else .eml files in MAIL_OUTBOX_DIR ("Beri tahu saya"). */
  mailer: Mailer;
  /** Per process: the admission limit in front of a registration's photo re-encoding and hashing. */
  admission: Admission;
  /**
   * Per process: the agencies and the schedule, read from the database at most once per
   * PUBLIC_CACHE_TTL_MS; invalidating drops the landing page's HTML cache too (ADR 0019).
   */
  publicCache: PublicCache;
};

export type Ports = Omit<Deps, "env">;

/** The ports the environment asks for; `given` ports are taken as they are (and used by the rest). */
export function buildDeps(env: Env, given: Partial<Ports> = {}): Deps {
  const db = given.db ?? prismaClientFor(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  return {
    env,
    db,
    clock: given.clock ?? createClock(env.clockStart),
    populationRegistry: given.populationRegistry ?? choosePopulationRegistry(env, db),
    photoStorage: given.photoStorage ?? choosePhotoStorage(env, db),
    mailer: given.mailer ?? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.MAIL_OUTBOX_DIR }),
    admission: given.admission ?? chooseAdmission(env),
    publicCache: given.publicCache ?? createPublicCache(env.PUBLIC_CACHE_TTL_MS, undefined, dropCachedPages),
  };
}

function choosePopulationRegistry(env: Env, db: PrismaClient): PopulationRegistry {
  switch (env.POPULATION_REGISTRY) {
    case "database":
      return createDatabasePopulationRegistry(db);
  }
}

/** The adapter PHOTO_STORAGE names, inside the encryption every adapter gets (photos are never stored plain). */
function choosePhotoStorage(env: Env, db: PrismaClient): PhotoStorage {
  const keyring = createPhotoKeyring(env.photoEncryptionKey, env.PHOTO_ENCRYPTION_KEYS);
  return new EncryptedPhotoStorage(chooseStorageAdapter(env, db), keyring);
}

function chooseStorageAdapter(env: Env, db: PrismaClient): PhotoStorage {
  switch (env.PHOTO_STORAGE) {
    case "directory":
      return new LocalDirectoryPhotoStorage(path.resolve(env.STORAGE_DIR));
    case "database":
      return new DatabasePhotoStorage(db);
  }
}

function chooseAdmission(env: Env): Admission {
  const concurrency = env.ADMISSION_CONCURRENCY ?? os.availableParallelism();
  return createAdmission({ concurrency, queue: env.ADMISSION_QUEUE ?? 2 * concurrency, maxWaitMs: env.ADMISSION_MAX_WAIT_MS });
}

// Every server operation reaches its ports through this module, so the password rule has its list
// before any request is judged.
provideCommonPasswords(COMMON_PASSWORDS);

let installed: Deps | undefined;
const scoped = new AsyncLocalStorage<Deps>();

/**
 * The ports for this call: those of an enclosing `withDeps`, else the installed set, built from the
 * environment on first use (once per process: the simulated clock starts then).
 */
export function deps(): Deps {
  return scoped.getStore() ?? (installed ??= processDeps());
}

/** The process's own set; its admission limit is also the one the front door sheds load by. */
function processDeps(): Deps {
  const built = buildDeps(configuredEnv());
  shareAdmission(built.admission);
  return built;
}

/** Tests: installs a whole set for the process (a test file), or `undefined` to go back to the env's. */
export function setDepsForTest(next: Deps | undefined): void {
  installed = next;
}

/** Runs `fn` (and everything it awaits) with some ports or the configuration replaced. */
export function withDeps<T>(overrides: Partial<Deps>, fn: () => T): T {
  return scoped.run({ ...deps(), ...overrides }, fn);
}
