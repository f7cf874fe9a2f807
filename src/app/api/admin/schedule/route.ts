import { jsonResponse, readJsonBody, toErrorResponse } from "@/server/http";
import { setSchedule } from "@/server/admin/set-schedule";
import { requireRole } from "@/server/auth/session";

export async function PUT(request: Request): Promise<Response> {
  try {
    const admin = await requireRole("ADMIN");
    return jsonResponse(await setSchedule(admin.id, await readJsonBody(request)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
