import { describe, expect, it } from "vitest";
import { createClock } from "@/server/clock";

describe("server clock", () => {
  it("starts a simulated clock at APP_CLOCK and advances it in real time", () => {
    let real = 1_000_000;
    const clock = createClock("2023-10-08T23:59:59+07:00", () => real);
    expect(clock.simulated).toBe(true);
    expect(clock.now().toISOString()).toBe("2023-10-08T16:59:59.000Z");
    real += 1_500;
    expect(clock.now().toISOString()).toBe("2023-10-08T17:00:00.500Z");
  });

  it("follows the real clock without APP_CLOCK", () => {
    const clock = createClock(null, () => Date.parse("2026-01-02T03:04:05Z"));
    expect(clock.simulated).toBe(false);
    expect(clock.now().toISOString()).toBe("2026-01-02T03:04:05.000Z");
  });

  it("refuses an unparseable start", () => {
    expect(() => createClock("not a time")).toThrow(/APP_CLOCK/);
  });
});
