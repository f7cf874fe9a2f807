/**
 * `npm run admin:create -- <username>`: creates an admin, or sets a new password for an existing
 * one (ending its sessions). The password comes from ADMIN_PASSWORD or, when that is unset, is
 * asked for on the terminal without echo; there is no default password.
 */
import { createInterface } from "node:readline";
import { hashSecret } from "../src/server/auth/password-hash";
import { createPrismaClient } from "../src/server/db";

const USERNAME = /^[a-z0-9._-]{3,32}$/;
const MIN_PASSWORD = 12;

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask on: set ADMIN_PASSWORD");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  output._writeToOutput = (text: string) => {
    if (text.startsWith(question)) process.stdout.write(question);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

const username = (process.argv[2] ?? process.env.ADMIN_USERNAME ?? "").trim().toLowerCase();
if (!USERNAME.test(username)) {
  console.error("Usage: npm run admin:create -- <username>   (3–32 of a-z 0-9 . _ -)");
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD || (await askHidden(`Kata sandi untuk ${username}: `).catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
}));
if ([...password].length < MIN_PASSWORD) {
  console.error(`The password must be at least ${MIN_PASSWORD} characters.`);
  process.exit(2);
}

const prisma = createPrismaClient(process.env.DATABASE_URL || "file:./data/sscasn.db");
try {
  const passwordHash = await hashSecret(password);
  const existing = await prisma.adminUser.findUnique({ where: { username } });
  if (existing) {
    await prisma.adminUser.update({ where: { username }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    console.log(`admin ${username}: password changed, existing sessions ended`);
  } else {
    await prisma.adminUser.create({ data: { id: crypto.randomUUID(), username, passwordHash } });
    console.log(`admin ${username}: created`);
  }
} finally {
  await prisma.$disconnect();
}
