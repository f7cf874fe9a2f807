/**
 * Seeds the reference data: the CPNS 2023 selection period, the agencies, the synthetic
 * population registry and, when credentials are given, an admin user. Idempotent: it only
 * inserts what is missing, so restarting the app never duplicates rows nor undoes an admin's
 * change (a formation verified, a schedule moved).
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

  const period = await prisma.selectionPeriod.findUnique({ where: { id: CURRENT_PERIOD_ID } });
  if (!period) {
    await prisma.selectionPeriod.create({
      data: {
        id: CURRENT_PERIOD_ID,
        name: "Seleksi CPNS 2023",
        opensAt: new Date("2023-09-20T00:00:00+07:00"),
        closesAt: new Date("2023-10-08T23:59:59+07:00"),
        originallyOpensAt: new Date("2023-09-17T00:00:00+07:00"),
      },
    });
    summary.period = true;
  }

  const existingAgencies = new Set((await prisma.agency.findMany({ select: { code: true } })).map((a) => a.code));
  const newAgencies = agencies.filter((a) => !existingAgencies.has(a.code));
  if (newAgencies.length > 0) {
    await prisma.agency.createMany({ data: newAgencies });
    summary.agencies = newAgencies.length;
  }

  const existingCitizens = new Set((await prisma.citizen.findMany({ select: { nik: true } })).map((c) => c.nik));
  const newCitizens = citizens.filter((c) => !existingCitizens.has(c.nik));
  if (newCitizens.length > 0) {
    await prisma.citizen.createMany({ data: newCitizens });
    summary.citizens = newCitizens.length;
  }

  if (options.admin) {
    const exists = await prisma.adminUser.findUnique({ where: { username: options.admin.username } });
    if (!exists) {
      await prisma.adminUser.create({
        data: { id: crypto.randomUUID(), username: options.admin.username, passwordHash: await options.admin.passwordHash() },
      });
      summary.admin = true;
    }
  }
  return summary;
}
