import "server-only";
import { agencyListAnswerSchema, type AgencySummary } from "@/schemas/api-answers";
import { deps } from "@/server/deps";

export type { AgencySummary };

/** Every agency with its formation status; checked against the published answer shape (kind, status). */
export async function listAgencies(): Promise<AgencySummary[]> {
  const rows = await deps().db.agency.findMany({
    select: { code: true, name: true, kind: true, formationStatus: true },
    orderBy: [{ name: "asc" }],
  });
  return agencyListAnswerSchema.parse(rows);
}
