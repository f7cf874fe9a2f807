/**
 * The open test server writes its mail as .eml files (no SMTP_URL; playwright.config.ts sets
 * MAIL_OUTBOX_DIR). Tests find theirs by a recipient address unique to the test run.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const OPEN_OUTBOX = path.join(ROOT, process.env.E2E_OPEN_OUTBOX ?? "data/e2e-open-outbox");

/** Every .eml in the outbox addressed to `to`, with quoted-printable undone and headers unfolded. */
export function mailsTo(to: string): string[] {
  if (!fs.existsSync(OPEN_OUTBOX)) return [];
  return fs
    .readdirSync(OPEN_OUTBOX)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => decode(fs.readFileSync(path.join(OPEN_OUTBOX, name), "utf8")))
    .filter((mail) => new RegExp(`^To: ${to.replace(/[.+]/g, "\\$&")}$`, "mi").test(mail));
}

function decode(raw: string): string {
  return raw
    .replace(/\r\n[ \t]+/g, " ")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, "\n");
}

export function linksIn(mail: string): string[] {
  return [...new Set(mail.match(/https?:\/\/[^\s"<>]+/g) ?? [])];
}
