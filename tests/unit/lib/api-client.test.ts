import { describe, expect, it } from "vitest";
import { DEFAULT_MESSAGES } from "@/domain/errors";
import { parseRetryAfter, toApiResult } from "@/lib/api-client";

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(parseRetryAfter("2")).toBe(2);
    expect(parseRetryAfter(" 30 ")).toBe(30);
    expect(parseRetryAfter(new Date(10_500).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter(new Date(0).toUTCString(), 60_000)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("toApiResult", () => {
  it("keeps the server's SERVER_BUSY with its Retry-After", () => {
    const busy = toApiResult(503, { error: { code: "SERVER_BUSY", message: "sibuk" } }, "2");
    expect(busy).toEqual({ ok: false, error: { code: "SERVER_BUSY", message: "sibuk", status: 503, retryAfterSeconds: 2 } });
  });

  it("reads a proxy's bare 503 page as busy too", () => {
    expect(toApiResult(503, null, null)).toEqual({ ok: false, error: { code: "SERVER_BUSY", message: DEFAULT_MESSAGES.SERVER_BUSY, status: 503 } });
  });

  it("answers data on 2xx, and an unknown code as an unexpected error with its message", () => {
    expect(toApiResult(201, { registrationNumber: "1" }, null)).toEqual({ ok: true, data: { registrationNumber: "1" } });
    expect(toApiResult(422, { error: { code: "NEW_CODE", message: "baru" } }, null)).toEqual({
      ok: false,
      error: { code: "INTERNAL_ERROR", message: "baru", status: 422 },
    });
  });
});
