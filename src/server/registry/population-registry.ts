import "server-only";
import type { RegistryRecord } from "@/domain/registration/registry-match";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The population registry (Dukcapil) port. The embedded default (`POPULATION_REGISTRY=database`)
 * reads the seeded `Citizen` table of synthetic people; a deployment can add an HTTP adapter with
 * the same shape and choose it in `src/server/deps.ts`.
 */
export interface PopulationRegistry {
  findByNik(nik: string): Promise<RegistryRecord | null>;
}

export function createDatabasePopulationRegistry(db: PrismaClient): PopulationRegistry {
  return {
    async findByNik(nik) {
      return db.citizen.findUnique({ where: { nik }, select: { nik: true, kk: true, fullName: true, birthDate: true } });
    },
  };
}
