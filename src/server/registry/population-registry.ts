import "server-only";
import type { RegistryRecord } from "@/domain/registration/registry-match";
import { db } from "@/server/db";

/**
 * The population registry (Dukcapil) port. The embedded default reads the seeded `Citizen` table
 * of synthetic people; a deployment can provide an HTTP adapter with the same shape.
 */
export interface PopulationRegistry {
  findByNik(nik: string): Promise<RegistryRecord | null>;
}

export const embeddedPopulationRegistry: PopulationRegistry = {
  async findByNik(nik) {
    return db().citizen.findUnique({ where: { nik }, select: { nik: true, kk: true, fullName: true, birthDate: true } });
  },
};

export function populationRegistry(): PopulationRegistry {
  return embeddedPopulationRegistry;
}
