import { describe, expect, it, vi } from "vitest";
import { Busy, createAdmission } from "@/server/admission";

/** A job that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("admission limit", () => {
  it("runs at most `concurrency` jobs at once and queues the next ones in order", async () => {
    const admission = createAdmission({ concurrency: 2, queue: 2, maxWaitMs: 5_000 });
    const gates = [gate(), gate(), gate(), gate()];
    const order: number[] = [];
    const runs = gates.map((g, i) =>
      admission.run(async () => {
        order.push(i);
        await g.opened;
        return i;
      }),
    );
    await Promise.resolve();
    expect(admission.stats()).toMatchObject({ active: 2, waiting: 2 });
    expect(order).toEqual([0, 1]);
    gates[1]!.open();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("refuses at once with Busy and a Retry-After when the queue is full", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 1, maxWaitMs: 5_000 });
    const g = gate();
    const first = admission.run(() => g.opened);
    const second = admission.run(() => Promise.resolve("second"));
    const started = performance.now();
    const third = admission.run(() => Promise.resolve("third"));
    await expect(third).rejects.toBeInstanceOf(Busy);
    expect(performance.now() - started).toBeLessThan(50);
    const error = await third.catch((e: unknown) => e);
    expect((error as Busy).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((error as Busy).retryAfterSeconds).toBeLessThanOrEqual(30);
    g.open();
    await first;
    expect(await second).toBe("second");
  });

  it("gives up on a queued job after maxWaitMs, and the slot is not lost", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 5, maxWaitMs: 30 });
    const g = gate();
    const first = admission.run(() => g.opened);
    await expect(admission.run(() => Promise.resolve("late"))).rejects.toBeInstanceOf(Busy);
    expect(admission.stats().waiting).toBe(0);
    g.open();
    await first;
    expect(await admission.run(() => Promise.resolve("after"))).toBe("after");
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("says there is no room only while every slot is taken and the queue is full", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 1, maxWaitMs: 5_000 });
    expect(admission.refusalNow()).toBeNull();
    const g = gate();
    const first = admission.run(() => g.opened);
    expect(admission.refusalNow()).toBeNull(); // a queue place is left
    const second = admission.run(() => Promise.resolve("second"));
    expect(() => admission.hold()).toThrow(Busy);
    expect(admission.refusalNow()).toBeGreaterThanOrEqual(1);
    g.open();
    await first;
    expect(await second).toBe("second");
    expect(admission.refusalNow()).toBeNull();
  });

  it("counts the places arriving requests hold, so a burst is sorted as it arrives", async () => {
    const admission = createAdmission({ concurrency: 2, queue: 2, maxWaitMs: 5_000 });
    // Six requests arrive in one instant, before any of them has read its upload.
    const places = [];
    let refused = 0;
    for (let i = 0; i < 6; i++) {
      try {
        places.push(admission.hold());
      } catch (error) {
        expect(error).toBeInstanceOf(Busy);
        refused++;
      }
    }
    expect(places).toHaveLength(4); // two slots and two queue places
    expect(refused).toBe(2);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0, held: 4 });
    expect(admission.refusalNow()).toBeGreaterThanOrEqual(1);

    // Each brings its place to its run: it is counted once, as running or waiting.
    const g = gate();
    const runs = places.map((place, i) => admission.run(() => g.opened.then(() => i), place));
    expect(admission.stats()).toMatchObject({ active: 2, waiting: 2, held: 0 });
    expect(() => admission.hold()).toThrow(Busy);
    g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0, held: 0 });
  });

  it("frees a held place at once when its request is refused before its turn, and only once", () => {
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 5_000 });
    const place = admission.hold();
    expect(() => admission.hold()).toThrow(Busy);
    place.release();
    place.release();
    expect(admission.stats().held).toBe(0);
    const next = admission.hold();
    expect(admission.stats().held).toBe(1);
    next.release();
  });

  it("lets a held place lapse after 250 ms by default (README: ADMISSION_QUEUE)", () => {
    vi.useFakeTimers();
    try {
      const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 5_000 });
      admission.hold();
      vi.advanceTimersByTime(249);
      expect(admission.stats().held).toBe(1);
      vi.advanceTimersByTime(1);
      expect(admission.stats().held).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops counting a place held longer than holdMs (a slow upload keeps no core idle)", async () => {
    vi.useFakeTimers();
    try {
      const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 5_000, holdMs: 250 });
      const slow = admission.hold();
      expect(() => admission.hold()).toThrow(Busy);
      vi.advanceTimersByTime(249);
      expect(admission.refusalNow()).not.toBeNull();
      vi.advanceTimersByTime(1);
      expect(admission.stats().held).toBe(0);
      const fast = admission.hold();
      // The slow upload arrives at last and meets the admission like any run: the one slot is taken
      // and there is no queue, so it is busy.
      const runFast = admission.run(() => Promise.resolve("fast"), fast);
      await expect(admission.run(() => Promise.resolve("slow"), slow)).rejects.toBeInstanceOf(Busy);
      expect(await runFast).toBe("fast");
      expect(admission.stats()).toMatchObject({ active: 0, waiting: 0, held: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses at once a run whose expected wait, in turns of the average run, is over maxWaitMs", async () => {
    let clock = 0;
    const admission = createAdmission({ concurrency: 2, queue: 10, maxWaitMs: 1_000, now: () => clock });
    // One finished run of 400 ms sets the average.
    await admission.run(async () => {
      clock += 400;
    });
    expect(admission.stats().averageMs).toBe(400);
    const g = gate();
    const running = [admission.run(() => g.opened), admission.run(() => g.opened)];
    // Places 1–4 in the queue wait at most 2 turns (800 ms); the 5th would wait 3 (1,200 ms).
    const queued = [1, 2, 3, 4].map((i) => admission.run(() => Promise.resolve(i)));
    expect(admission.stats()).toMatchObject({ active: 2, waiting: 4 });
    expect(() => admission.hold()).toThrow(Busy);
    await expect(admission.run(() => Promise.resolve(5))).rejects.toBeInstanceOf(Busy);
    g.open();
    await Promise.all(running);
    expect(await Promise.all(queued)).toEqual([1, 2, 3, 4]);
  });

  it("frees the slot when a job throws", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 0, maxWaitMs: 1_000 });
    await expect(admission.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await admission.run(() => Promise.resolve(1))).toBe(1);
  });
});
