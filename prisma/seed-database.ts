/**
 * Seeds the reference data: the CPNS 2023 selection period, the agencies, the synthetic
 * population registry and, when credentials are given, an admin user. Idempotent: it only
 * inserts what is missing, so restarting the app never duplicates rows nor undoes an admin's
 * change (a formation verified, a schedule moved). Safe when several instances start at once on
 * one empty database: a step whose rows another seeder inserted meanwhile (a unique violation) is
 * read again, and finds nothing left to insert.
 */
import type { PrismaClient } from "../src/generated/prisma/client";
import agencies from "./data/agencies.json";
import citizens from "./data/citizens.json";
import { CURRENT_PERIOD_ID } from "../src/domain/registration/period";

export type SeedSummary = { agencies: number; citizens: number; period: boolean; admin: boolean };

export async function seedDatabase(
  prisma: PrismaClient,
  options: { admin?: { username: string; passwordHash: () => Promise<string> } } = {},
): Promise<SeedSummary> {
  const summary: SeedSummary = { agencies: 0, citizens: 0, period: false, admin: false };

  summary.period = await evenIfRaced(async () => {
    if (await prisma.selectionPeriod.findUnique({ where: { id: CURRENT_PERIOD_ID } })) return false;
    await prisma.selectionPeriod.create({
      data: {
        id: CURRENT_PERIOD_ID,
        name: "Seleksi CPNS 2023",
        opensAt: new Date("2023-09-20T00:00:00+07:00"),
        closesAt: new Date("2023-10-08T23:59:59+07:00"),
        originallyOpensAt: new Date("2023-09-17T00:00:00+07:00"),
      },
    });
    return true;
  });

  summary.agencies = await evenIfRaced(async () => {
    const existing = new Set((await prisma.agency.findMany({ select: { code: true } })).map((a) => a.code));
    const missing = agencies.filter((a) => !existing.has(a.code));
    if (missing.length > 0) await prisma.agency.createMany({ data: missing });
    return missing.length;
  });

  summary.citizens = await evenIfRaced(async () => {
    const existing = new Set((await prisma.citizen.findMany({ select: { nik: true } })).map((c) => c.nik));
    const missing = citizens.filter((c) => !existing.has(c.nik));
    if (missing.length > 0) await prisma.citizen.createMany({ data: missing });
    return missing.length;
  });

  const admin = options.admin;
  if (admin) {
    summary.admin = await evenIfRaced(async () => {
      if (await prisma.adminUser.findUnique({ where: { username: admin.username } })) return false;
      await prisma.adminUser.create({ data: { id: crypto.randomUUID(), username: admin.username, passwordHash: await admin.passwordHash() } });
      return true;
    });
  }
  return summary;
}

/**
 * Runs a read-then-insert step, and once more when it lost a race: a unique violation (P2002)
 * means another seeder inserted those rows since our read (each insert is one statement, all or
 * nothing), so reading again finds them. A few tries, then the error stands.
 */
async function evenIfRaced<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 3 || (error as { code?: unknown }).code !== "P2002") throw error;
    }
  }
}
