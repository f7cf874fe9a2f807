import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/domain/errors";
import { describeForLog, toErrorResponse } from "@/server/http";

describe("toErrorResponse", () => {
  it("answers an AppError with its status, code, message, fields and headers", async () => {
    const response = toErrorResponse(new AppError("RATE_LIMITED", { headers: { "Retry-After": "30" }, fields: { nik: ["x"] } }));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: expect.stringContaining("Terlalu banyak"), fields: { nik: ["x"] } } });
  });

  it("answers anything else 500 and logs it without its message, which may hold personal data", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = Object.assign(new Error("Unique constraint failed: nik 3273011205980001 BUDI SANTOSO"), { code: "P2002" });
    const response = toErrorResponse(failure);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "INTERNAL_ERROR", message: "Terjadi kesalahan pada sistem. Silakan coba lagi." } });
    const logged = JSON.stringify(error.mock.calls);
    expect(logged).toContain("Error P2002");
    expect(logged).not.toContain("3273011205980001");
    expect(logged).not.toContain("BUDI");
    error.mockClear();
  });

  it("describes non-errors by type only", () => {
    expect(describeForLog("NIK 3273011205980001")).toBe("string");
  });
});
