import "server-only";
import { db } from "@/server/db";

export type AgencySummary = { code: string; name: string; kind: string; formationStatus: string };

export async function listAgencies(): Promise<AgencySummary[]> {
  return db().agency.findMany({
    select: { code: true, name: true, kind: true, formationStatus: true },
    orderBy: [{ name: "asc" }],
  });
}
