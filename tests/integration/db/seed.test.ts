import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "@/domain/calendar";
import { parseKk } from "@/domain/registration/kk";
import { normalizeBirthPlace, normalizeFullName } from "@/domain/registration/name";
import { nikMatchesBirthDate, parseNik } from "@/domain/registration/nik";
import { hashSecret, verifySecret } from "@/server/auth/password-hash";
import agencies from "../../../prisma/data/agencies.json";
import citizens from "../../../prisma/data/citizens.json";
import { seedDatabase } from "../../../prisma/seed-database";
import { createPrismaClient } from "@/server/db";
import { createTestDatabase, useTestDatabase } from "../../setup/test-database";

const CLOSING_DATE = { year: 2023, month: 10, day: 8 };

describe("seed", () => {
  const testDb = useTestDatabase({ seed: false });

  it("lets instances that start at once seed one empty database together: each row once, no seeder fails", async () => {
    const fresh = await createTestDatabase({ seed: false });
    // On PostgreSQL a second client, as a second instance has; SQLite's one process shares its client.
    const second = fresh.engine === "postgresql" ? createPrismaClient(fresh.url) : fresh.prisma;
    try {
      const admin = { username: "admin", passwordHash: async () => "x" };
      const summaries = await Promise.all([seedDatabase(fresh.prisma, { admin }), seedDatabase(second, { admin }), seedDatabase(fresh.prisma, { admin })]);
      expect(summaries.filter((s) => s.period)).toHaveLength(1);
      expect(summaries.reduce((sum, s) => sum + s.agencies, 0)).toBe(agencies.length);
      expect(summaries.reduce((sum, s) => sum + s.citizens, 0)).toBe(citizens.length);
      expect(summaries.filter((s) => s.admin)).toHaveLength(1);
      expect(await fresh.prisma.agency.count()).toBe(agencies.length);
      expect(await fresh.prisma.citizen.count()).toBe(citizens.length);
    } finally {
      if (second !== fresh.prisma) await second.$disconnect();
      await fresh.cleanup();
    }
  });

  it("creates the CPNS 2023 period, the agencies, the citizens and the configured admin", async () => {
    const summary = await seedDatabase(testDb.prisma, { admin: { username: "admin", passwordHash: () => hashSecret("rahasia-admin-123") } });
    expect(summary).toEqual({ period: true, agencies: agencies.length, citizens: citizens.length, admin: true });
    const period = await testDb.prisma.selectionPeriod.findUniqueOrThrow({ where: { id: "CPNS-2023" } });
    expect(period.opensAt.toISOString()).toBe("2023-09-19T17:00:00.000Z");
    expect(period.closesAt.toISOString()).toBe("2023-10-08T16:59:59.000Z");
    expect(period.originallyOpensAt?.toISOString()).toBe("2023-09-16T17:00:00.000Z");
    const admin = await testDb.prisma.adminUser.findUniqueOrThrow({ where: { username: "admin" } });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifySecret(admin.passwordHash, "rahasia-admin-123")).toBe(true);
  });

  it("is idempotent and never undoes an admin's change", async () => {
    await testDb.prisma.agency.update({ where: { code: "KEMHAN" }, data: { formationStatus: "VERIFIED" } });
    await testDb.prisma.selectionPeriod.update({ where: { id: "CPNS-2023" }, data: { closesAt: new Date("2023-10-10T16:59:59Z") } });
    const again = await seedDatabase(testDb.prisma, { admin: { username: "admin", passwordHash: () => hashSecret("another-password-1") } });
    expect(again).toEqual({ period: false, agencies: 0, citizens: 0, admin: false });
    expect(await testDb.prisma.agency.count()).toBe(agencies.length);
    expect(await testDb.prisma.citizen.count()).toBe(citizens.length);
    expect((await testDb.prisma.agency.findUniqueOrThrow({ where: { code: "KEMHAN" } })).formationStatus).toBe("VERIFIED");
    expect((await testDb.prisma.selectionPeriod.findUniqueOrThrow({ where: { id: "CPNS-2023" } })).closesAt.toISOString()).toBe(
      "2023-10-10T16:59:59.000Z",
    );
  });
});

describe("seed data: agencies", () => {
  it("has a few dozen agencies of each kind, each kind with both formation statuses", () => {
    expect(agencies.length).toBeGreaterThanOrEqual(36);
    for (const kind of ["PUSAT", "PROVINSI", "KABUPATEN_KOTA"]) {
      const ofKind = agencies.filter((a) => a.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(10);
      expect(new Set(ofKind.map((a) => a.formationStatus)), kind).toEqual(new Set(["VERIFIED", "IN_VERIFICATION"]));
    }
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
  });

  it("names regional governments after the real region behind their code", () => {
    const csv = (file: string) =>
      new Map(
        fs
          .readFileSync(path.resolve(__dirname, "../../../node_modules/idn-area-data/data", file), "utf8")
          .trim()
          .split("\n")
          .slice(1)
          .map((line) => {
            const [code, , third] = line.split(",");
            return [code!.replace(".", ""), (file === "provinces.csv" ? line.split(",")[1]! : third!).toUpperCase()];
          }),
      );
    const provinces = csv("provinces.csv");
    const regencies = csv("regencies.csv");
    for (const agency of agencies) {
      const [prefix, code] = agency.code.split("-");
      if (prefix === "PROV") {
        const province = provinces.get(code!);
        expect(province, agency.code).toBeDefined();
        expect(agency.name.toUpperCase()).toContain(province);
      } else if (prefix === "KAB" || prefix === "KOTA") {
        const regency = regencies.get(code!);
        expect(regency, agency.code).toBe(agency.name.toUpperCase().replace(/^PEMERINTAH /, ""));
      }
    }
  });
});

describe("seed data: synthetic population registry", () => {
  it("holds a few hundred distinct people", () => {
    expect(citizens.length).toBeGreaterThanOrEqual(300);
    expect(new Set(citizens.map((c) => c.nik)).size).toBe(citizens.length);
  });

  it("gives every person a NIK and KK that pass the portal's own rules and agree with their data", () => {
    for (const citizen of citizens) {
      const nik = parseNik(citizen.nik, CLOSING_DATE);
      expect(nik.ok, citizen.nik).toBe(true);
      if (!nik.ok) continue;
      const birthDate = parseIsoDate(citizen.birthDate);
      expect(birthDate, citizen.nik).not.toBeNull();
      expect(nikMatchesBirthDate(citizen.nik, birthDate!), citizen.nik).toBe(true);
      expect(nik.value.gender, citizen.nik).toBe(citizen.gender);
      expect(parseKk(citizen.kk, CLOSING_DATE).ok, citizen.kk).toBe(true);
      expect(normalizeFullName(citizen.fullName)).toEqual({ ok: true, value: citizen.fullName });
      expect(normalizeBirthPlace(citizen.birthPlace)).toEqual({ ok: true, value: citizen.birthPlace });
    }
  });

  it("keeps the README's sample identities, including a NIK issued under Merauke's old code 91.01", () => {
    // The samples come first in the file; later random people may share a name.
    const byName = new Map(citizens.slice(0, 8).map((c) => [c.fullName, c]));
    expect(byName.get("BUDI SANTOSO")).toMatchObject({ nik: "3273011205980001", kk: "3273011103190001", birthDate: "1998-05-12" });
    expect(byName.get("SITI RAHAYU")).toMatchObject({ nik: "3273014107990001", gender: "PEREMPUAN" });
    expect(byName.get("YOHANES GEBZE")?.nik.startsWith("9101")).toBe(true);
    expect(byName.get("RIZKY PRATAMA")?.birthDate).toBe("2006-01-15");
  });
});
