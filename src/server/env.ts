import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_DATABASE_POOL_SIZE, databaseEngine, DATABASE_URL_MESSAGE } from "@/server/database-url";
import { decodePhotoKey, generatePhotoKey, isWeakPhotoKey } from "@/server/photos/photo-encryption";

/**
 * Every environment variable the server reads, validated once (STYLE.md). `APP_ENV=production`
 * requires real secrets and refuses a simulated clock; `local` (the default) runs a fresh clone
 * with no file copied by hand. An empty string counts as unset.
 */
export const DEFAULT_LOCAL_CLOCK = "2023-09-20T08:00:00+07:00";

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const PHOTO_KEY_MESSAGE = "must be 32 random bytes in base64 (e.g. the output of: openssl rand -base64 32)";
const photoKey = z
  .string()
  .refine((text) => decodePhotoKey(text) !== null, PHOTO_KEY_MESSAGE)
  .refine((text) => !isWeakPhotoKey(decodePhotoKey(text) ?? Buffer.alloc(32, 1)), "looks like a placeholder, not a random key");

const isoInstant = z.iso.datetime({ offset: true, message: "must be an ISO-8601 instant with an offset, e.g. 2023-09-20T08:00:00+07:00" });

const schema = z
  .object({
    APP_ENV: optional(z.enum(["local", "production"])).default("local"),
    PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
    DATABASE_URL: optional(z.string().refine((url) => databaseEngine(url) !== null, DATABASE_URL_MESSAGE)).default("file:./data/sscasn.db"),
    /** PostgreSQL only: connections this process keeps at most (src/server/db.ts, ADR 0013). */
    DATABASE_POOL_SIZE: optional(z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500")).default(DEFAULT_DATABASE_POOL_SIZE),
    /** An ISO instant the server's clock starts at, or "real" for the real clock. */
    APP_CLOCK: optional(z.union([z.literal("real"), isoInstant])),
    STORAGE_DIR: optional(z.string()).default("./storage"),
    /** Which adapter answers for the population registry (Dukcapil); see src/server/deps.ts. */
    POPULATION_REGISTRY: optional(z.enum(["database"])).default("database"),
    /** Where photos are kept: files under STORAGE_DIR, or a table of the database (several instances); see src/server/deps.ts. */
    PHOTO_STORAGE: optional(z.enum(["directory", "database"])).default("directory"),
    /** How many reverse proxies stand in front: the client is the N-th address from the right of X-Forwarded-For. */
    TRUST_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10)).default(0),
    NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    /** AES-256-GCM key for the photos at rest (src/server/photos/photo-encryption.ts): 32 bytes, base64. */
    PHOTO_ENCRYPTION_KEY: optional(photoKey),
    /** Earlier keys, comma-separated, still read until `npm run photos:reencrypt` has moved every photo to the current one. */
    PHOTO_ENCRYPTION_KEYS: optional(
      z
        .string()
        .transform((text) => text.split(",").map((key) => key.trim()).filter(Boolean))
        .pipe(z.array(photoKey)),
    ).default([]),
    NEXTAUTH_URL: optional(z.url()),
    ADMIN_USERNAME: optional(z.string().regex(/^[a-z0-9._-]{3,32}$/, "3–32 of a-z 0-9 . _ -")),
    ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),
    /** Days after a selection period closes until `npm run data:retention` deletes its personal data. */
    RETENTION_DAYS: optional(z.coerce.number().int("must be a whole number of days").min(1, "must be at least 1")).default(730),
    /** Where "Beri tahu saya" mails go: smtp://user:pass@host:port or smtps://…; unset → .eml files in MAIL_OUTBOX_DIR. */
    SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
    MAIL_FROM: optional(z.string().min(3)).default("SSCASN <no-reply@sscasn.localhost>"),
    MAIL_OUTBOX_DIR: optional(z.string()).default("./data/outbox"),
    /**
     * The admission limit for registrations' CPU-bound work (src/server/admission.ts): how many run
     * at once (default: the cores), how many may wait (default: twice that), and how long one may
     * wait (ms) before the answer is SERVER_BUSY.
     */
    ADMISSION_CONCURRENCY: optional(z.coerce.number().int().min(1)),
    ADMISSION_QUEUE: optional(z.coerce.number().int().min(0)),
    ADMISSION_MAX_WAIT_MS: optional(z.coerce.number().int().min(0)).default(1000),
    /** How long (ms) another instance may show public data (agencies, schedule) before an admin's change; 0: no cache. */
    PUBLIC_CACHE_TTL_MS: optional(z.coerce.number().int().min(0).max(60_000)).default(1000),
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV !== "production") return;
    if (!env.NEXTAUTH_SECRET) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    if (!env.NEXTAUTH_URL) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required in production" });
    if (!env.PHOTO_ENCRYPTION_KEY) ctx.addIssue({ code: "custom", path: ["PHOTO_ENCRYPTION_KEY"], message: "is required in production" });
    if (env.APP_CLOCK && env.APP_CLOCK !== "real") {
      ctx.addIssue({ code: "custom", path: ["APP_CLOCK"], message: "a simulated clock is not allowed in production" });
    }
  });

export type Env = z.infer<typeof schema> & {
  /** The instant the clock starts at, or null for the real clock. */
  clockStart: string | null;
  authSecret: string;
  /** The key new photos are sealed with (PHOTO_ENCRYPTION_KEY, base64). */
  photoEncryptionKey: string;
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const clockStart = env.APP_CLOCK === "real" ? null : (env.APP_CLOCK ?? (env.APP_ENV === "local" ? DEFAULT_LOCAL_CLOCK : null));
  // Locally, a missing secret is generated per process (sessions then end on restart);
  // scripts/start.mjs persists one under data/ so that they survive.
  const authSecret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");
  // The same for the photo key, but a photo stored under a per-process key cannot be read after a
  // restart: scripts/start.mjs always passes the one it keeps in data/local-secrets.json.
  const photoEncryptionKey = env.PHOTO_ENCRYPTION_KEY ?? generatePhotoKey();
  return { ...env, clockStart, authSecret, photoEncryptionKey };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
