/**
 * After the end-to-end run: the servers' captured output (SERVER_LOG_FILE, see scripts/start.mjs
 * and playwright.config.ts) must hold no personal data (STYLE.md): no NIK, KK or name of any
 * person in the population registry, no mobile number or email address, and none of the
 * passwords and security answers the tests type. Prints each hit's kind and file (never the
 * value) and exits 1 if there is any.
 *   npx tsx scripts/check-server-logs.ts [log files…]   (default: data/e2e*.log)
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs.readdirSync(path.join(root, "data")).filter((name) => /^e2e.*\.log$/.test(name)).map((name) => path.join(root, "data", name));

type Citizen = { nik: string; kk: string; fullName: string };
const citizens = JSON.parse(fs.readFileSync(path.join(root, "prisma/data/citizens.json"), "utf8")) as Citizen[];

/** The secrets the end-to-end tests type: PASSWORD constants, password/answer fields, password boxes. */
function typedSecrets(): string[] {
  const found = new Set<string>();
  const dir = path.join(root, "tests/e2e");
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith(".ts"))) {
    const source = fs.readFileSync(path.join(dir, name), "utf8");
    const patterns = [/PASSWORD\s*=\s*"([^"]{8,})"/g, /(?:password|passwordConfirm|securityAnswer\d)\s*:\s*"([^"]{8,})"/g, /sandi[^\n]*\.fill\("([^"]{8,})"\)/g];
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found];
}

const needles: { kind: string; value: string }[] = [
  ...citizens.flatMap(({ nik, kk, fullName }) => [
    { kind: "NIK", value: nik },
    { kind: "KK", value: kk },
    { kind: "name", value: fullName.toLowerCase() },
  ]),
  ...typedSecrets().map((value) => ({ kind: "password or security answer", value: value.toLowerCase() })),
];
const patterns: { kind: string; pattern: RegExp }[] = [
  { kind: "mobile number", pattern: /(?:\+62|\b62|\b0)8\d{8,11}\b/ },
  // Any address but the sender the app itself is configured with.
  { kind: "email", pattern: /[\w.+-]+@(?!sscasn\.localhost\b)[\w-]+(?:\.[\w-]+)+/ },
];

/**
 * Numbers and secrets anywhere; a name only as whole words. Single-word names are common here
 * ("ANDI"), and "landing" holds no one's name.
 */
function holds(text: string, kind: string, value: string): boolean {
  if (kind !== "name") return text.includes(value);
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}

let hits = 0;
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const lower = text.toLowerCase();
  const kinds = new Map<string, number>();
  for (const { kind, value } of needles) if (holds(lower, kind, value)) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  for (const { kind, pattern } of patterns) if (pattern.test(text)) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  for (const [kind, count] of kinds) console.error(`check-server-logs: ${path.relative(root, file)} holds ${count} ${kind}(s)`);
  hits += [...kinds.values()].reduce((sum, count) => sum + count, 0);
  console.log(`check-server-logs: ${path.relative(root, file)}: ${text.split("\n").length} lines, ${needles.length} values and ${patterns.length} patterns checked`);
}
if (files.length === 0) {
  console.error("check-server-logs: no server log found (run the end-to-end tests first)");
  process.exit(1);
}
process.exit(hits === 0 ? 0 : 1);
