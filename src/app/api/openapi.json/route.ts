import { jsonResponse, toErrorResponse } from "@/server/http";
import { openApiDocument } from "@/server/openapi/build-openapi-document";

/**
 * `GET /api/openapi.json` → the OpenAPI 3.1 description of this API, generated from the zod
 * schemas. Public and the same for everyone, so other origins (API tools, partner agencies' test
 * suites) may read it too.
 */
export function GET(): Response {
  try {
    return jsonResponse(openApiDocument(), {
      headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
