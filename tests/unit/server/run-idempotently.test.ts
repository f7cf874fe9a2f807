import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/domain/errors";
import { runIdempotently } from "@/server/registration/run-idempotently";
import { OPEN, useTestServer } from "../../setup/test-server";

const env = useTestServer({ clock: OPEN });
beforeEach(async () => {
  await env.prisma.idempotencyRecord.deleteMany();
});

const created = { status: 201, body: { registrationNumber: "202300000000000" } };
const minutesAgo = (minutes: number) => new Date(Date.parse(OPEN) - minutes * 60_000);

describe("runIdempotently", () => {
  it("runs once and stores the answer; a second call replays it without running", async () => {
    const run = vi.fn(async () => created);
    expect(await runIdempotently("k", "h", run)).toEqual({ ...created, replayed: false });
    expect(await runIdempotently("k", "h", run)).toEqual({ ...created, replayed: true });
    expect(run).toHaveBeenCalledTimes(1);
    expect(await env.prisma.idempotencyRecord.findUniqueOrThrow({ where: { key: "k" } })).toMatchObject({ state: "DONE", responseStatus: 201 });
  });

  it("stores a business refusal in the API's error shape, and releases the key on an unexpected failure", async () => {
    const refused = await runIdempotently("k409", "h", async () => {
      throw new AppError("NIK_ALREADY_REGISTERED", { fields: { nik: ["NIK sudah terdaftar."] } });
    });
    expect(refused).toMatchObject({
      status: 409,
      replayed: false,
      body: { error: { code: "NIK_ALREADY_REGISTERED", message: "NIK sudah terdaftar.", fields: { nik: ["NIK sudah terdaftar."] } } },
    });
    expect(refused.error?.code).toBe("NIK_ALREADY_REGISTERED");

    await expect(runIdempotently("k500", "h", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await env.prisma.idempotencyRecord.count({ where: { key: "k500" } })).toBe(0);
  });

  it("refuses the key with other data", async () => {
    await runIdempotently("k", "h1", async () => created);
    const error = await runIdempotently("k", "h2", async () => created).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422 });
    expect((error as AppError).message).toMatch(/data pendaftaran yang berbeda/);
  });

  it("waits for a running first request and replays its answer", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "k", requestHash: "h", state: "PENDING", createdAt: minutesAgo(0) } });
    // (Prisma queries run only when awaited.)
    setTimeout(async () => {
      await prisma.idempotencyRecord.update({ where: { key: "k" }, data: { state: "DONE", responseStatus: 201, responseBody: JSON.stringify({ n: 1 }) } });
    }, 300);
    const run = vi.fn(async () => created);
    expect(await runIdempotently("k", "h", run)).toEqual({ status: 201, body: { n: 1 }, replayed: true });
    expect(run).not.toHaveBeenCalled();
  });

  it("gives up waiting after a while: 429 with Retry-After, the first request's claim untouched", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "k", requestHash: "h", state: "PENDING", createdAt: minutesAgo(0) } });
    const run = vi.fn(async () => created);
    const error = await runIdempotently("k", "h", run, { waitMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, headers: { "Retry-After": "5" } });
    expect(run).not.toHaveBeenCalled();
    expect(await prisma.idempotencyRecord.findUniqueOrThrow({ where: { key: "k" } })).toMatchObject({ state: "PENDING" });
  });

  it("runs itself when the first request gives the key up while it waits", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "k", requestHash: "h", state: "PENDING", createdAt: minutesAgo(0) } });
    setTimeout(async () => {
      await prisma.idempotencyRecord.delete({ where: { key: "k" } });
    }, 250);
    expect(await runIdempotently("k", "h", async () => created)).toEqual({ ...created, replayed: false });
  });

  it("takes over a claim left PENDING by a request that died, and forgets answers older than a day", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "dead", requestHash: "h", state: "PENDING", createdAt: minutesAgo(10) } });
    await prisma.idempotencyRecord.create({ data: { key: "old", requestHash: "h", state: "DONE", responseStatus: 201, responseBody: "{}", createdAt: minutesAgo(25 * 60) } });
    const started = Date.now();
    expect(await runIdempotently("dead", "h", async () => created)).toEqual({ ...created, replayed: false });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await prisma.idempotencyRecord.count({ where: { key: "old" } })).toBe(0);
  });
});
