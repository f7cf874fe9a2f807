import "server-only";

/**
 * An admission limit for CPU-bound work (photo re-encoding, argon2id): at most `concurrency` runs
 * at once, at most `queue` wait for a turn and only while their expected wait fits `maxWaitMs`, and
 * a waiting run gives up after `maxWaitMs`. Past that,
 * `run` rejects at once with `Busy`, carrying how long a client should wait before trying again,
 * so a crowd gets a quick "busy" answer instead of every request slowing down together
 * (SPEC "Running at national scale": overload). In memory, per process: each app instance guards
 * its own cores; nothing about correctness depends on it.
 *
 * A request takes its place (`hold`) as it arrives, before its upload is read and parsed, and
 * brings it to `run`. So a burst that arrives in one instant is sorted at once into places and
 * busy answers, instead of every request in it being read and parsed before the surplus is
 * known. A place held for `holdMs` without reaching `run` (a slow upload) stops counting, so
 * uploads on slow connections do not keep the cores idle (ADR 0021).
 */
export class Busy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("busy");
    this.name = "Busy";
  }
}

export type AdmissionOptions = {
  concurrency: number;
  queue: number;
  /**
   * The longest a run should wait for its turn. A run whose expected wait (its place in the queue,
   * in turns of the measured average run) is longer is refused at once rather than left to time
   * out, so the surplus gets its answer in milliseconds and the admitted stay quick; one that still
   * waits this long (runs slower than their average) gives up then.
   */
  maxWaitMs: number;
  /** How long a held place counts before its request reaches `run` (default 250 ms). */
  holdMs?: number;
  /** The clock runs are timed by; tests give their own. */
  now?: () => number;
};

/** A place taken by an arriving request; `release` gives it back (at most once, then a no-op). */
export type Place = { release(): void };

export type Admission = {
  /**
   * `run(work, place)`: the work in its turn. A `place` from `hold` is given back as the run
   * enters, so it never counts twice.
   */
  run<T>(work: () => Promise<T>, place?: Place): Promise<T>;
  /**
   * Takes a place for a request that has just arrived, or throws `Busy` when a run started now
   * would be refused: every slot taken or promised, and the queue full. Lets a handler turn a
   * crowd away before it reads a large body it would only drop.
   */
  hold(): Place;
  /**
   * What `hold` would throw, without taking a place: the Retry-After seconds a request arriving
   * now would be refused with, or null. For the production server's front door, which answers
   * busy before Next sees the request and, living in another bundle, cannot recognize `Busy`.
   */
  refusalNow(): number | null;
  /** For tests and diagnostics. */
  stats(): { active: number; waiting: number; held: number; averageMs: number | null };
};

/** Seconds a refused client is told to wait: one turn of the queue, rounded up, 1–30 s. */
const RETRY_AFTER_MIN_S = 1;
const RETRY_AFTER_MAX_S = 30;
const DEFAULT_HOLD_MS = 250;

export function createAdmission(options: AdmissionOptions): Admission {
  if (options.concurrency < 1) throw new Error("admission concurrency must be at least 1");
  let active = 0;
  let held = 0;
  const waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];
  const now = options.now ?? (() => performance.now());
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  // A moving average of how long a run takes, for an honest Retry-After and the expected wait;
  // null until a run has finished (nothing is refused for its expected wait before then).
  let averageMs: number | null = null;

  const retryAfter = () => {
    const turns = (active + waiting.length + held) / options.concurrency;
    return Math.min(RETRY_AFTER_MAX_S, Math.max(RETRY_AFTER_MIN_S, Math.ceil((turns * (averageMs ?? 1000)) / 1000)));
  };

  /** Runs a newcomer would find ahead of it in the queue: those waiting, and held places past the free slots. */
  const ahead = () => Math.max(0, active + waiting.length + held - options.concurrency);

  /** What a run joining the queue now would wait: whole turns of the average run, rounded up. */
  const expectedWaitMs = () => (averageMs === null ? 0 : Math.ceil((ahead() + 1) / options.concurrency) * averageMs);

  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit(); // the slot passes straight to the next in line: `active` stays the same
    } else {
      active--;
    }
  };

  const full = () =>
    active + held >= options.concurrency && (ahead() >= options.queue || expectedWaitMs() > options.maxWaitMs);

  const acquire = (): Promise<void> => {
    if (active < options.concurrency) {
      active++;
      return Promise.resolve();
    }
    if (full()) return Promise.reject(new Busy(retryAfter()));
    return new Promise<void>((resolve, reject) => {
      const entry = {
        admit: resolve,
        timer: setTimeout(() => {
          const index = waiting.indexOf(entry);
          if (index !== -1) waiting.splice(index, 1);
          reject(new Busy(retryAfter()));
        }, options.maxWaitMs),
      };
      waiting.push(entry);
    });
  };

  return {
    async run<T>(work: () => Promise<T>, place?: Place): Promise<T> {
      place?.release();
      await acquire();
      const started = now();
      try {
        return await work();
      } finally {
        const took = now() - started;
        averageMs = averageMs === null ? took : averageMs * 0.8 + took * 0.2;
        release();
      }
    },
    hold() {
      if (full()) throw new Busy(retryAfter());
      held++;
      let holding = true;
      const give = () => {
        if (!holding) return;
        holding = false;
        held--;
        clearTimeout(timer);
      };
      const timer = setTimeout(give, holdMs);
      timer.unref();
      return { release: give };
    },
    refusalNow: () => (full() ? retryAfter() : null),
    stats: () => ({ active, waiting: waiting.length, held, averageMs }),
  };
}
