import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMailer } from "@/server/mail/mailer";

describe("the mailer without SMTP_URL", () => {
  it("writes each message as an .eml file to the outbox, named without the address", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-outbox-"));
    const outbox = path.join(dir, "outbox");
    const mailer = createMailer({ from: "SSCASN <no-reply@sscasn.localhost>", outboxDir: outbox });
    await mailer.send({ to: "tono@contoh.id", subject: "Formasi BMKG sudah diverifikasi", text: "Halo", html: "<p>Halo</p>" });
    const files = fs.readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[\w-]+\.eml$/);
    expect(files[0]).not.toContain("tono");
    const eml = fs.readFileSync(path.join(outbox, files[0]!), "utf8");
    expect(eml).toMatch(/^To: tono@contoh\.id\r$/m);
    expect(eml).toMatch(/^Subject: Formasi BMKG sudah diverifikasi\r$/m);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
