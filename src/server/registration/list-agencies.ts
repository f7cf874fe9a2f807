import "server-only";
import { deps } from "@/server/deps";

export type AgencySummary = { code: string; name: string; kind: string; formationStatus: string };

export async function listAgencies(): Promise<AgencySummary[]> {
  return deps().db.agency.findMany({
    select: { code: true, name: true, kind: true, formationStatus: true },
    orderBy: [{ name: "asc" }],
  });
}
