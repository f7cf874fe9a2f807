import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** scripts/check-server-logs.ts, run as npm test runs it, on logs written here. */
const root = path.resolve(import.meta.dirname, "../../..");

function check(text: string): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "log-check-"));
  const file = path.join(dir, "e2e-test.log");
  fs.writeFileSync(file, text);
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/check-server-logs.ts", file], { cwd: root, encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr };
}

describe("the server-log check for personal data", () => {
  it("passes a log with no one's data, even where a word contains a one-word name ('landing' holds 'andi')", () => {
    expect(check("serve: listening on http://localhost:3100\nserve: landing page cache on\n").status).toBe(0);
  });

  it("finds a sample name as words, a NIK, a mobile number and an email", () => {
    for (const [text, kind] of [
      ["welcome Budi Santoso!", "name"],
      ["user andi signed in", "name"],
      ["nik=3273011205980001", "NIK"],
      ["sms to 081234567890", "mobile number"],
      ["mail to budi.santoso@example.com", "email"],
    ]) {
      const { status, stderr } = check(`${text}\n`);
      expect(status, text).toBe(1);
      expect(stderr, text).toContain(`${kind}(s)`);
    }
  });
});
