import "server-only";
import { agencyListAnswerSchema, type AgencySummary } from "@/schemas/api-answers";
import { deps } from "@/server/deps";

export type { AgencySummary };

/**
 * Every agency with its formation status; checked against the published answer shape (kind,
 * status). From the public cache: at most one query per PUBLIC_CACHE_TTL_MS, however many visitors;
 * `fresh` (the landing page's cache filling itself) reads the database now.
 */
export function listAgencies(options: { fresh?: boolean } = {}): Promise<AgencySummary[]> {
  const { db, publicCache } = deps();
  return publicCache.get("agencies", async () => {
    const rows = await db.agency.findMany({
      select: { code: true, name: true, kind: true, formationStatus: true },
      orderBy: [{ name: "asc" }],
    });
    return agencyListAnswerSchema.parse(rows);
  }, options);
}
