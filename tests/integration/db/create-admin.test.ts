import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifySecret } from "@/server/auth/password-hash";
import { useTestDatabase } from "../../setup/test-database";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../..");

const testDb = useTestDatabase({ seed: false });

/** `npm run admin:create -- <name>` as an operator runs it, without a terminal. */
function createAdmin(username: string, password?: string) {
  const env = { ...process.env, DATABASE_URL: testDb.url, ADMIN_PASSWORD: password ?? "" };
  return run(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/create-admin.ts", username], { cwd: ROOT, env }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
  );
}

describe("npm run admin:create", () => {
  it("creates an admin with an argon2id hash of the given password", async () => {
    expect(await createAdmin("ops.bkn", "sandi-admin-yang-panjang")).toEqual({ code: 0, out: "admin ops.bkn: created\n" });
    const admin = await testDb.prisma.adminUser.findUniqueOrThrow({ where: { username: "ops.bkn" } });
    expect(await verifySecret(admin.passwordHash, "sandi-admin-yang-panjang")).toBe(true);
  });

  it("resets an existing admin's password and ends its sessions", async () => {
    const before = await testDb.prisma.adminUser.findUniqueOrThrow({ where: { username: "ops.bkn" } });
    expect((await createAdmin("ops.bkn", "sandi-admin-yang-baru-12")).out).toContain("password changed, existing sessions ended");
    const after = await testDb.prisma.adminUser.findUniqueOrThrow({ where: { username: "ops.bkn" } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifySecret(after.passwordHash, "sandi-admin-yang-baru-12")).toBe(true);
  });

  it("has no default password: without ADMIN_PASSWORD and without a terminal it refuses", async () => {
    const result = await createAdmin("ops.lain");
    expect(result.code).toBe(2);
    expect(result.out).toContain("set ADMIN_PASSWORD");
    expect(await testDb.prisma.adminUser.count({ where: { username: "ops.lain" } })).toBe(0);
  });

  it("refuses a short password and a malformed username", async () => {
    expect(await createAdmin("ops.lain", "pendek")).toMatchObject({ code: 2, out: expect.stringContaining("at least 12") });
    expect(await createAdmin("Ops Lain!", "sandi-admin-yang-panjang")).toMatchObject({ code: 2, out: expect.stringContaining("Usage") });
  });
});
