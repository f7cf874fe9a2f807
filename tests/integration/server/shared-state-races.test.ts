/**
 * What several app instances share through the database stays correct when they act at once
 * (SPEC "Running at national scale"; issue 7): captchas are single use, session versions and
 * idempotency claims hold, and admins changing an agency or the schedule at the same moment leave
 * an audit log that tells what really happened. "Two instances" are two Prisma clients on one
 * database, each with its own connections (a pool of its own on PostgreSQL), as two processes
 * would have. On the run's engine: PostgreSQL (READ COMMITTED) in integration-postgresql, where
 * "read, then write" is where races live; and SQLite, the embedded default of one process, where
 * both "instances" share the process's one client: a second better-sqlite3 connection in the same
 * process would block the event loop in SQLite's busy handler while the first waits to commit
 * (several instances share a database through PostgreSQL, SPEC "Running at national scale").
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { setAgencyFormationStatus } from "@/server/admin/set-agency-formation-status";
import { setSchedule } from "@/server/admin/set-schedule";
import { authorizeApplicant, currentSessionVersion, endAllSessions } from "@/server/auth/authorize";
import { MAX_ACCOUNT_FAILURES_PER_HOUR, recordSignInAttempt } from "@/server/auth/sign-in-throttle";
import { createCaptcha } from "@/server/captcha/create-captcha";
import { consumeCaptcha } from "@/server/captcha/verify-captcha";
import { createPrismaClient } from "@/server/db";
import { withDeps } from "@/server/deps";
import { assertWithinKeyedRateLimit, RATE_LIMITS } from "@/server/rate-limit";
import { runIdempotently } from "@/server/registration/run-idempotently";
import { useTestServer } from "../../setup/test-server";

const server = useTestServer();
/** The other instance's own client on the same database. */
let other: PrismaClient;
const ADMIN_ID = "admin-races";

beforeAll(async () => {
  other = server.testDb.engine === "postgresql" ? createPrismaClient(server.testDb.url) : server.prisma;
  await server.prisma.adminUser.create({ data: { id: ADMIN_ID, username: "admin.races", passwordHash: "x" } });
});
afterAll(async () => {
  if (other !== server.prisma) await other?.$disconnect();
});

/** Runs `fn` on instance A (even i) or B (odd i). */
const onInstance = <T>(i: number, fn: () => Promise<T>): Promise<T> => (i % 2 === 0 ? fn() : withDeps({ db: other }, fn));

const settle = async <T>(calls: Promise<T>[]) => {
  const results = await Promise.allSettled(calls);
  return {
    fulfilled: results.filter((r) => r.status === "fulfilled").length,
    rejected: results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : [])),
  };
};

describe("captchas", () => {
  it("are single use across instances: of 30 concurrent right answers, exactly one passes", async () => {
    const { id } = await createCaptcha();
    const { answer } = await server.prisma.captcha.findUniqueOrThrow({ where: { id } });
    const { fulfilled, rejected } = await settle(Array.from({ length: 30 }, (_, i) => onInstance(i, () => consumeCaptcha(id, answer))));
    expect(fulfilled).toBe(1);
    expect(rejected).toHaveLength(29);
    for (const error of rejected) expect(error).toMatchObject({ code: "CAPTCHA_INVALID" });
    expect(await server.prisma.captcha.count({ where: { id } })).toBe(0);
  });
});

describe("session validity", () => {
  it("ends every session once per logout, however many instances log out at once", async () => {
    const before = await currentSessionVersion("ADMIN", ADMIN_ID);
    await Promise.all(Array.from({ length: 20 }, (_, i) => onInstance(i, () => endAllSessions("ADMIN", ADMIN_ID))));
    expect(await currentSessionVersion("ADMIN", ADMIN_ID)).toBe(before! + 20);
  });
});

describe("sign-in counts", () => {
  it("let one more password be checked when one attempt is left, however many instances are asked at once", async () => {
    const subject = { scope: "APPLICANT" as const, identifier: "3273011205980001", ip: "10.9.0.1" };
    for (let i = 0; i < MAX_ACCOUNT_FAILURES_PER_HOUR - 1; i++) await recordSignInAttempt(subject, false);
    const captchas = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const { id } = await createCaptcha();
        return { captchaId: id, captchaAnswer: (await server.prisma.captcha.findUniqueOrThrow({ where: { id } })).answer };
      }),
    );
    const outcomes = await Promise.allSettled(
      captchas.map((captcha, i) => onInstance(i, () => authorizeApplicant({ identifier: subject.identifier, password: "bukan kata sandinya", ...captcha }, subject.ip))),
    );
    // Checked (and wrong): null. Refused before checking: RATE_LIMITED. Each attempt is counted
    // before it is checked, so at most the one left is checked (a burst may refuse it too).
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeLessThanOrEqual(1);
    for (const o of outcomes) if (o.status === "rejected") expect(String(o.reason)).toContain("RATE_LIMITED");
    // The refused attempts were taken back: if none was checked, the one left still is, on either instance.
    const checked = outcomes.filter((o) => o.status === "fulfilled").length;
    const { id } = await createCaptcha();
    const last = { captchaId: id, captchaAnswer: (await server.prisma.captcha.findUniqueOrThrow({ where: { id } })).answer };
    const next = onInstance(1, () => authorizeApplicant({ identifier: subject.identifier, password: "bukan kata sandinya", ...last }, subject.ip));
    if (checked === 0) await expect(next).resolves.toBeNull();
    else await expect(next).rejects.toThrow("RATE_LIMITED");
  });
});

describe("rate-limit counts", () => {
  // Each hit is written before it is counted (the sign-in throttle's order), so a burst cannot all
  // read the same count and all pass (it could before: ADR 0008 addendum).
  it("let no more requests through than the limit, however many arrive at once", async () => {
    const { limit } = RATE_LIMITS.NOTIFY_EMAIL;
    const outcomes = await Promise.allSettled(Array.from({ length: 5 * limit }, (_, i) => onInstance(i, () => assertWithinKeyedRateLimit("NOTIFY_EMAIL", "burst@example.com"))));
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeLessThanOrEqual(limit);
    // Conservative by design: a burst may let fewer through (each counts the others' reservations).
    // Once it has passed, the limit's own worth of requests go through again, one after another.
    await server.prisma.rateLimitHit.deleteMany();
    for (let i = 0; i < limit; i++) await assertWithinKeyedRateLimit("NOTIFY_EMAIL", "burst@example.com");
    await expect(assertWithinKeyedRateLimit("NOTIFY_EMAIL", "burst@example.com")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("idempotency claims", () => {
  it("run the work once for 12 concurrent requests with one key on two instances; the rest replay its outcome", async () => {
    const work = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { registrationNumber: "202399999999999" };
    });
    const schema = z.object({ registrationNumber: z.string() });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => onInstance(i, () => runIdempotently("races-key", "h", work, { schema }))));
    expect(work).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    for (const result of results) expect(result.value).toEqual({ registrationNumber: "202399999999999" });
  });
});

describe("admin changes at the same moment", () => {
  const auditOf = async (action: string, target: string) =>
    (await server.prisma.auditLog.findMany({ where: { action, target } })).map((entry) => ({
      before: JSON.parse(entry.before ?? "null") as unknown,
      after: JSON.parse(entry.after ?? "null") as unknown,
    }));

  it("10 admins verifying one agency at once: one audit entry says it was in verification, the others that it already was verified", async () => {
    const agency = await server.prisma.agency.findFirstOrThrow({ where: { formationStatus: "IN_VERIFICATION" } });
    const changes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => onInstance(i, () => setAgencyFormationStatus(ADMIN_ID, agency.code, { formationStatus: "VERIFIED" }))),
    );
    for (const change of changes) expect(change.formationStatus).toBe("VERIFIED");
    const entries = await auditOf("AGENCY_FORMATION_STATUS_SET", `agency:${agency.code}`);
    expect(entries).toHaveLength(10);
    expect(entries.filter((e) => (e.before as { formationStatus: string }).formationStatus === "IN_VERIFICATION")).toHaveLength(1);
    expect((await server.prisma.agency.findUniqueOrThrow({ where: { code: agency.code } })).formationStatus).toBe("VERIFIED");
  });

  it("10 admins moving the schedule at once: the audit entries chain, each starting from the one before it", async () => {
    const initial = await server.prisma.selectionPeriod.findFirstOrThrow();
    const schedules = Array.from({ length: 10 }, (_, i) => ({
      opensAt: `2023-09-${String(10 + i).padStart(2, "0")}T00:00:00.000Z`,
      closesAt: "2023-10-08T16:59:59.000Z",
    }));
    await Promise.all(schedules.map((schedule, i) => onInstance(i, () => setSchedule(ADMIN_ID, schedule))));
    const entries = await auditOf("SCHEDULE_SET", `period:${initial.id}`);
    expect(entries).toHaveLength(10);
    // In a serial history each state is replaced exactly once: the befores are the initial
    // schedule and nine of the ten new ones, all different; the one left is what the period holds.
    const key = (s: unknown) => (s as { opensAt: string }).opensAt;
    const befores = entries.map((e) => key(e.before));
    expect(new Set(befores).size).toBe(10);
    expect(befores).toContain(initial.opensAt.toISOString());
    const final = await server.prisma.selectionPeriod.findUniqueOrThrow({ where: { id: initial.id } });
    const afters = entries.map((e) => key(e.after));
    expect(afters.filter((a) => !befores.includes(a))).toEqual([final.opensAt.toISOString()]);
  });
});
