import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/domain/errors";
import { ReplayedRefusal, runIdempotently } from "@/server/registration/run-idempotently";
import { OPEN, useTestServer } from "../../setup/test-server";

const env = useTestServer({ clock: OPEN });
beforeEach(async () => {
  await env.prisma.idempotencyRecord.deleteMany();
});

const created = { registrationNumber: "202300000000000" };
const schema = z.object({ registrationNumber: z.string() });
const minutesAgo = (minutes: number) => new Date(Date.parse(OPEN) - minutes * 60_000);
const storedOutcome = async (key: string) => JSON.parse((await env.prisma.idempotencyRecord.findUniqueOrThrow({ where: { key } })).outcome ?? "null") as unknown;

describe("runIdempotently", () => {
  it("runs once and stores the value; a second call replays it without running", async () => {
    const run = vi.fn(async () => created);
    expect(await runIdempotently("k", "h", run, { schema })).toEqual({ value: created, replayed: false });
    expect(await runIdempotently("k", "h", run, { schema })).toEqual({ value: created, replayed: true });
    expect(run).toHaveBeenCalledTimes(1);
    expect(await env.prisma.idempotencyRecord.findUniqueOrThrow({ where: { key: "k" } })).toMatchObject({ state: "DONE" });
    expect(await storedOutcome("k")).toEqual({ value: created });
  });

  it("stores a business refusal as its code and fields and throws it again on a retry; releases the key on an unexpected failure", async () => {
    const refusal = new AppError("NIK_ALREADY_REGISTERED", { fields: { nik: ["NIK sudah terdaftar."] } });
    const first = await runIdempotently("k409", "h", async () => { throw refusal; }, { schema }).catch((e: unknown) => e);
    expect(first).toBe(refusal);
    expect(await storedOutcome("k409")).toEqual({ refusal: { code: "NIK_ALREADY_REGISTERED", fields: { nik: ["NIK sudah terdaftar."] } } });

    const run = vi.fn(async () => created);
    const replayed = await runIdempotently("k409", "h", run, { schema }).catch((e: unknown) => e);
    expect(replayed).toBeInstanceOf(ReplayedRefusal);
    expect(replayed).toMatchObject({ code: "NIK_ALREADY_REGISTERED", status: 409, message: "NIK sudah terdaftar.", fields: { nik: ["NIK sudah terdaftar."] }, replayed: true });
    expect(run).not.toHaveBeenCalled();

    await expect(runIdempotently("k500", "h", async () => { throw new Error("boom"); }, { schema })).rejects.toThrow("boom");
    expect(await env.prisma.idempotencyRecord.count({ where: { key: "k500" } })).toBe(0);
  });

  it("keeps a refusal's own message when it is not the code's default", async () => {
    const kk = new AppError("DUKCAPIL_MISMATCH", { message: "Nomor KK tidak sesuai.", fields: { kk: ["Nomor KK tidak sesuai."] } });
    await runIdempotently("kk", "h", async () => { throw kk; }, { schema }).catch(() => {});
    expect(await storedOutcome("kk")).toEqual({ refusal: { code: "DUKCAPIL_MISMATCH", fields: { kk: ["Nomor KK tidak sesuai."] }, message: "Nomor KK tidak sesuai." } });
    const replayed = await runIdempotently("kk", "h", async () => created, { schema }).catch((e: unknown) => e);
    expect(replayed).toMatchObject({ code: "DUKCAPIL_MISMATCH", status: 422, message: "Nomor KK tidak sesuai.", fields: { kk: ["Nomor KK tidak sesuai."] } });
  });

  it("does not store a wrong captcha: the key is released for a retry with a fresh one", async () => {
    const wrong = new AppError("CAPTCHA_INVALID");
    await expect(runIdempotently("kc", "h", async () => { throw wrong; }, { schema })).rejects.toBe(wrong);
    expect(await env.prisma.idempotencyRecord.count({ where: { key: "kc" } })).toBe(0);
    expect(await runIdempotently("kc", "h", async () => created, { schema })).toEqual({ value: created, replayed: false });
  });

  it("refuses the key with other data", async () => {
    await runIdempotently("k", "h1", async () => created, { schema });
    const error = await runIdempotently("k", "h2", async () => created, { schema }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422 });
    expect((error as AppError).message).toMatch(/data pendaftaran yang berbeda/);
  });

  it("waits for a running first request and replays its outcome", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "k", requestHash: "h", state: "PENDING", createdAt: minutesAgo(0) } });
    const first = { registrationNumber: "202311111111111" };
    // (Prisma queries run only when awaited.)
    setTimeout(async () => {
      await prisma.idempotencyRecord.update({ where: { key: "k" }, data: { state: "DONE", outcome: JSON.stringify({ value: first }) } });
    }, 300);
    const run = vi.fn(async () => created);
    expect(await runIdempotently("k", "h", run, { schema })).toEqual({ value: first, replayed: true });
    expect(run).not.toHaveBeenCalled();
  });

  it("gives up waiting after a while: 429 with Retry-After, the first request's claim untouched", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "k", requestHash: "h", state: "PENDING", createdAt: minutesAgo(0) } });
    const run = vi.fn(async () => created);
    const error = await runIdempotently("k", "h", run, { schema, waitMs: 300 }).catch((e: unknown) => e);
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
    expect(await runIdempotently("k", "h", async () => created, { schema })).toEqual({ value: created, replayed: false });
  });

  it("takes over a claim left PENDING by a request that died, and forgets outcomes older than a day", async () => {
    const { prisma } = env;
    await prisma.idempotencyRecord.create({ data: { key: "dead", requestHash: "h", state: "PENDING", createdAt: minutesAgo(10) } });
    await prisma.idempotencyRecord.create({ data: { key: "old", requestHash: "h", state: "DONE", outcome: JSON.stringify({ value: created }), createdAt: minutesAgo(25 * 60) } });
    const started = Date.now();
    expect(await runIdempotently("dead", "h", async () => created, { schema })).toEqual({ value: created, replayed: false });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await prisma.idempotencyRecord.count({ where: { key: "old" } })).toBe(0);
  });
});
