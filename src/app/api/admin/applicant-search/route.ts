import { searchApplicant } from "@/server/admin/search-applicant";
import { requireRole } from "@/server/auth/session";
import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";

/** `POST /api/admin/applicant-search` `{ query }` → `{ applicant }`: admin session only, audited. */
export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireRole("ADMIN");
    return jsonResponse(await searchApplicant(admin.id, await readJsonBody(request)), { headers: { "Cache-Control": "no-store, private" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
