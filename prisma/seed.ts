// `npm run db:seed`: inserts the missing reference data into the database named by DATABASE_URL.
// The admin is created from ADMIN_USERNAME / ADMIN_PASSWORD when both are set. SQLite or PostgreSQL
// by the URL, as the app decides (src/server/db.ts).
import { hashSecret } from "../src/server/auth/password-hash";
import { createPrismaClient } from "../src/server/db";
import { seedDatabase } from "./seed-database";

const url = process.env.DATABASE_URL || "file:./data/sscasn.db";
const prisma = createPrismaClient(url);
const username = process.env.ADMIN_USERNAME?.trim();
const password = process.env.ADMIN_PASSWORD;

try {
  const summary = await seedDatabase(prisma, {
    admin: username && password ? { username, passwordHash: () => hashSecret(password) } : undefined,
  });
  console.log(
    `seed: period ${summary.period ? "created" : "kept"}, ${summary.agencies} agencies, ${summary.citizens} citizens added, admin ${summary.admin ? "created" : username && password ? "kept" : "not configured"}`,
  );
} finally {
  await prisma.$disconnect();
}
