import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";
import { setAgencyFormationStatus } from "@/server/admin/set-agency-formation-status";
import { requireRole } from "@/server/auth/session";

export async function PATCH(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  try {
    const admin = await requireRole("ADMIN");
    const { code } = await context.params;
    return jsonResponse(await setAgencyFormationStatus(admin.id, code, await readJsonBody(request)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
