import { jsonResponse, toErrorResponse } from "@/server/http";
import { listAgencies } from "@/server/registration/list-agencies";

export async function GET(): Promise<Response> {
  try {
    return jsonResponse(await listAgencies());
  } catch (error) {
    return toErrorResponse(error);
  }
}
