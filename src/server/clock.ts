import "server-only";

/**
 * The server's notion of "now". With APP_CLOCK the clock starts at that instant when the process
 * starts and advances in real time (SPEC "Registration window"). It never takes the time from a
 * request.
 */
export type Clock = { now(): Date; simulated: boolean };

export function createClock(start: string | null, realNow: () => number = Date.now): Clock {
  if (start === null) return { now: () => new Date(realNow()), simulated: false };
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error("APP_CLOCK is not a valid instant");
  const bootMs = realNow();
  return { now: () => new Date(startMs + (realNow() - bootMs)), simulated: true };
}
