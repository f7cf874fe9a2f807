import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCAL_CLOCK, parseEnv } from "@/server/env";

describe("environment", () => {
  it("runs a fresh clone locally with no variables set, on the simulated clock inside the window", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ APP_ENV: "local", PORT: 3000, DATABASE_URL: "file:./data/sscasn.db", STORAGE_DIR: "./storage" });
    expect(env.clockStart).toBe(DEFAULT_LOCAL_CLOCK);
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ PORT: "", APP_CLOCK: " ", DATABASE_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.clockStart).toBe(DEFAULT_LOCAL_CLOCK);
    expect(env.DATABASE_URL).toBe("file:./data/sscasn.db");
  });

  it("honours PORT, DATABASE_URL and APP_CLOCK, and APP_CLOCK=real for the real clock", () => {
    const env = parseEnv({ PORT: "4000", DATABASE_URL: "file:/tmp/x.db", APP_CLOCK: "2023-10-09T00:00:00+07:00" });
    expect(env).toMatchObject({ PORT: 4000, DATABASE_URL: "file:/tmp/x.db", clockStart: "2023-10-09T00:00:00+07:00" });
    expect(parseEnv({ APP_CLOCK: "real" }).clockStart).toBeNull();
  });

  it("takes a PostgreSQL URL for DATABASE_URL (the scale-out engine) and refuses other engines", () => {
    for (const url of ["postgresql://app:secret@db.internal:5432/sscasn", "postgres://app@127.0.0.1/sscasn?sslmode=require"]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    expect(() => parseEnv({ DATABASE_URL: "mysql://app@db/sscasn" })).toThrow(/DATABASE_URL: must be a SQLite "file:" URL or a "postgresql:\/\/" URL/);
  });

  it("keeps at most 10 PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise", () => {
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ DATABASE_POOL_SIZE: "25" }).DATABASE_POOL_SIZE).toBe(25);
    expect(parseEnv({ DATABASE_POOL_SIZE: " " }).DATABASE_POOL_SIZE).toBe(10);
    for (const wrong of ["0", "2.5", "many"]) expect(() => parseEnv({ DATABASE_POOL_SIZE: wrong }), wrong).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("chooses the embedded adapters unless told otherwise, and refuses one that does not exist", () => {
    expect(parseEnv({})).toMatchObject({ POPULATION_REGISTRY: "database", PHOTO_STORAGE: "directory" });
    expect(() => parseEnv({ POPULATION_REGISTRY: "http", PHOTO_STORAGE: "s3" })).toThrow(/POPULATION_REGISTRY[\s\S]*PHOTO_STORAGE/);
  });

  it("trusts no proxy unless told how many stand in front (TRUST_PROXY_HOPS)", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: "2" }).TRUST_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "one" })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it("lists every problem at once", () => {
    expect(() => parseEnv({ PORT: "0", APP_CLOCK: "yesterday", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*APP_CLOCK|PORT[\s\S]*APP_CLOCK[\s\S]*DATABASE_URL/,
    );
  });

  it("refuses a production start without its secrets", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: is required in production[\s\S]*NEXTAUTH_URL: is required in production/);
  });

  it("refuses a production start without PHOTO_ENCRYPTION_KEY, and a key that is not 32 random bytes in base64", () => {
    const secrets = { APP_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://sscasn.example.go.id" };
    expect(() => parseEnv(secrets)).toThrow(/PHOTO_ENCRYPTION_KEY: is required in production/);
    const key = randomBytes(32).toString("base64");
    expect(parseEnv({ ...secrets, PHOTO_ENCRYPTION_KEY: key }).photoEncryptionKey).toBe(key);
    for (const bad of ["secret", randomBytes(16).toString("base64"), Buffer.alloc(32).toString("base64"), "A".repeat(43) + "="]) {
      expect(() => parseEnv({ PHOTO_ENCRYPTION_KEY: bad }), bad).toThrow(/PHOTO_ENCRYPTION_KEY: (must be 32 random bytes|looks like a placeholder)/);
    }
    expect(() => parseEnv({ PHOTO_ENCRYPTION_KEY: key, PHOTO_ENCRYPTION_KEYS: `${randomBytes(32).toString("base64")}, nope` })).toThrow(/PHOTO_ENCRYPTION_KEYS/);
  });

  it("locally without PHOTO_ENCRYPTION_KEY, makes one for the process (npm start passes the one it keeps); old keys are a list", () => {
    expect(Buffer.from(parseEnv({}).photoEncryptionKey, "base64")).toHaveLength(32);
    const [a, b] = [randomBytes(32).toString("base64"), randomBytes(32).toString("base64url")];
    expect(parseEnv({ PHOTO_ENCRYPTION_KEYS: ` ${a} ,${b},` }).PHOTO_ENCRYPTION_KEYS).toEqual([a, b]);
    expect(parseEnv({}).PHOTO_ENCRYPTION_KEYS).toEqual([]);
  });

  it("refuses a simulated clock in production and uses the real clock there", () => {
    const secrets = { APP_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://sscasn.example.go.id", PHOTO_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
    expect(() => parseEnv({ ...secrets, APP_CLOCK: "2023-09-20T00:00:00+07:00" })).toThrow(/APP_CLOCK: a simulated clock is not allowed in production/);
    const env = parseEnv(secrets);
    expect(env.clockStart).toBeNull();
    expect(env.authSecret).toBe("x".repeat(32));
  });
});
