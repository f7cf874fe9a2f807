/**
 * Issue 9, item 8: `POST /api/registrations` is limited per NIK (5 attempts per 6 hours, like
 * login.gov's document attempts) and per client address (RATE_LIMITS in src/server/rate-limit.ts),
 * with RATE_LIMITED 429 and Retry-After. Only attempts that reach the expensive part count: a typo,
 * a wrong captcha or an Idempotency-Key replay does not. Before the fix the sixth attempt for a NIK
 * and the 61st from one address were processed like the first.
 */
import { describe, expect, it, vi } from "vitest";
import { withDeps } from "@/server/deps";
import { RATE_LIMITS, reserveWithinKeyedRateLimit } from "@/server/rate-limit";
import { REGISTRATION_LIMIT_MESSAGES } from "@/server/registration/reserve-registration-attempt";
import type { PhotoStorage } from "@/server/storage";
import { BUDI, PASSWORD_STEP, SITI, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { at, useTestServer } from "../../setup/test-server";

// One trusted proxy in front: the client is the address it reports (the last X-Forwarded-For entry).
const server = useTestServer({ env: () => ({ TRUST_PROXY_HOPS: "1" }) });
const from = (ip: string) => ({ "x-forwarded-for": ip });

async function attempt(identity: Record<string, string>, headers: Record<string, string>, captcha?: { captchaId: string; captchaAnswer: string }) {
  const form = await registrationForm({ ...identity, ...PASSWORD_STEP, ...(captcha ?? (await solveCaptcha(server.prisma))) });
  return submit(form, headers);
}

const hits = (bucket: keyof typeof RATE_LIMITS) => server.prisma.rateLimitHit.count({ where: { bucket } });

describe("per NIK", () => {
  it("counts only attempts past the cheap checks, refuses the sixth in 6 hours with 429 and Retry-After, and not a replay", async () => {
    // Typos and wrong captchas: refused before the expensive part, not counted.
    for (let i = 0; i < 3; i++) expect((await attempt({ ...BUDI, email: "bukan-email" }, from(`198.51.100.${i + 1}`))).status).toBe(422);
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt(BUDI, from(`198.51.100.${i + 1}`), { ...(await solveCaptcha(server.prisma)), captchaAnswer: "ZZZZZZ" });
      expect(wrong.body.error.code).toBe("CAPTCHA_INVALID");
    }
    expect(await hits("REGISTRATION_NIK")).toBe(0);

    // Four attempts that reach the registry and do not match it: counted.
    for (let i = 0; i < 4; i++) {
      const mismatch = await attempt({ ...BUDI, fullName: "Budi Santosa" }, from(`198.51.100.${10 + i}`));
      expect(mismatch.body.error.code).toBe("DUKCAPIL_MISMATCH");
    }
    expect(await hits("REGISTRATION_NIK")).toBe(4);

    // The fifth, right this time, creates the account; its replay is the same answer and no new attempt.
    const key = { "idempotency-key": "konfirmasi-1", ...from("198.51.100.20") };
    const created = await attempt(BUDI, key);
    expect(created.status).toBe(201);
    const replay = await attempt(BUDI, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect(replay.body.registrationNumber).toBe(created.body.registrationNumber);
    expect(await hits("REGISTRATION_NIK")).toBe(5);

    // The sixth, from yet another address: 429, Retry-After up to the window's end, the NIK's message.
    const refused = await attempt(BUDI, from("198.51.100.30"));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "RATE_LIMITED", message: REGISTRATION_LIMIT_MESSAGES.nik });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(6 * 3600 - 600);
    expect(retryAfter).toBeLessThanOrEqual(6 * 3600);
    expect(await hits("REGISTRATION_NIK")).toBe(5); // a refused attempt does not push the window on

    // Another NIK is not affected; six hours later this one may try again (and meets its account).
    expect((await attempt(SITI, from("198.51.100.30"))).status).toBe(201);
    const later = await at("2023-09-25T16:30:00+07:00", () => attempt(BUDI, from("198.51.100.31")));
    expect(later.body.error.code).toBe("NIK_ALREADY_REGISTERED");
  });

  it("holds under a burst: of concurrent attempts for one NIK, never more than the limit go through", async () => {
    const { limit } = RATE_LIMITS.REGISTRATION_NIK;
    for (const nik of ["3273010000000009", "3273010000000010"]) {
      // A fresh NIK, and one with all but two of its attempts used.
      const used = nik.endsWith("10") ? limit - 2 : 0;
      for (let i = 0; i < used; i++) await reserveWithinKeyedRateLimit("REGISTRATION_NIK", nik);
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => reserveWithinKeyedRateLimit("REGISTRATION_NIK", nik)));
      const granted = results.filter((result) => result.status === "fulfilled").length;
      expect(granted, nik).toBeLessThanOrEqual(limit - used);
      expect(granted, nik).toBeGreaterThan(0); // the race for the last places does not refuse everyone
      for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "RATE_LIMITED" });
    }
  });

  it("gives an attempt back when the server failed to do it (a 5xx), so a crash does not cost the applicant a try", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing: PhotoStorage = {
      put: async () => {
        throw new Error("disk full");
      },
      get: async () => null,
      delete: async () => {},
    };
    const before = await hits("REGISTRATION_NIK");
    const identity = { nik: "3404016902000001", kk: "3404011708200002", fullName: "Putri Ayu Lestari", birthPlace: "Sleman", birthDate: "2000-02-29", phone: "081298765400", email: "putri@example.com", agencyCode: "BKN" };
    const failed = await withDeps({ photoStorage: failing }, () => attempt(identity, from("198.51.100.40")));
    expect(failed.status).toBe(500);
    expect(errors).toHaveBeenCalled();
    expect(await hits("REGISTRATION_NIK")).toBe(before);
  });
});

describe("per client address", () => {
  it("counts attempts per address and refuses past the limit with 429 and Retry-After; other addresses go on", async () => {
    const { limit, windowMs } = RATE_LIMITS.REGISTRATION;
    const before = await hits("REGISTRATION");
    const dewi = { ...BUDI, nik: "3578016011850001", kk: "3578010901120004", fullName: "Dewi Anggraini", birthPlace: "Surabaya", birthDate: "1985-11-20", phone: "081355500001", email: "dewi@example.com", agencyCode: "BKN" };
    // A typo from the address is not an attempt; a real submission is.
    expect((await attempt({ ...dewi, phone: "12" }, from("203.0.113.7"))).status).toBe(422);
    expect(await hits("REGISTRATION")).toBe(before);
    const mismatch = await attempt({ ...dewi, fullName: "Dewi Anggrainy" }, from("203.0.113.7"));
    expect(mismatch.body.error.code).toBe("DUKCAPIL_MISMATCH");
    expect(await hits("REGISTRATION")).toBe(before + 1);

    // The rest of the address's allowance, used up (as by many applicants behind it).
    for (let i = 1; i < limit; i++) await reserveWithinKeyedRateLimit("REGISTRATION", "203.0.113.7");
    const nikHits = await hits("REGISTRATION_NIK");
    const refused = await attempt(dewi, from("203.0.113.7"));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "RATE_LIMITED", message: REGISTRATION_LIMIT_MESSAGES.address });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
    // Refused by the address's limit, the attempt did not count against the NIK either; from another address it goes through.
    expect(await hits("REGISTRATION_NIK")).toBe(nikHits);
    expect((await attempt(dewi, from("203.0.113.8"))).status).toBe(201);

    // Nothing about the address is stored in the clear.
    const subjects = (await server.prisma.rateLimitHit.findMany({ select: { subject: true } })).map((r) => r.subject).join(" ");
    expect(subjects).not.toContain("203.0.113.7");
    expect(subjects).not.toContain(BUDI.nik);
  });
});
