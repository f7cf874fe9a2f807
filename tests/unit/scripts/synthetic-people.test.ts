import { describe, expect, it } from "vitest";
import { parseIsoDate } from "@/domain/calendar";
import { checkPassword } from "@/domain/registration/password";
import { identities, type Identity } from "../../../scripts/lib/synthetic-people";

/** The benchmark's password (scripts/bench.ts): "kopi", "tubruk", "teras" and "pagi" hold three-letter names. */
const BENCH_PASSWORD = "kopi tubruk di teras pagi";

function first(count: number, people: Generator<Identity>): Identity[] {
  return Array.from({ length: count }, () => people.next().value as Identity);
}

const refused = (person: Identity, password: string) =>
  !checkPassword(password, { nik: person.nik, kk: person.kk, birthDate: parseIsoDate(person.birthDate) ?? undefined, fullName: person.fullName }).ok;

describe("synthetic people for the benchmark and the crash test", () => {
  it("without a password, gives every index in turn, some of whom the bench's password would be refused for", () => {
    const people = first(20_000, identities(0, new Set()));
    expect(new Set(people.map((p) => p.nik)).size).toBe(20_000);
    // The cause of a rare 422 in the bench on a reused database: "PESERTA UJI KOP" and "kopi".
    expect(people.filter((p) => refused(p, BENCH_PASSWORD)).map((p) => p.fullName)).toEqual(
      expect.arrayContaining(["PESERTA UJI KOP", "PESERTA UJI TER", "PESERTA UJI PAG"]),
    );
  });

  it("with the caller's password, passes over anyone the server would refuse it for, and no one else", () => {
    const all = first(20_000, identities(0, new Set()));
    const chosen = first(20_000 - 10, identities(0, new Set(), BENCH_PASSWORD));
    expect(chosen.filter((p) => refused(p, BENCH_PASSWORD))).toEqual([]);
    const kept = new Set(chosen.map((p) => p.nik));
    const skipped = all.filter((p) => !kept.has(p.nik));
    expect(skipped.map((p) => p.fullName).sort()).toEqual(
      ["BRU", "ERA", "KOP", "OPI", "PAG", "RAS", "RUK", "TER", "TUB", "UBR"].map((end) => `PESERTA UJI ${end}`),
    );
  });

  it("passes over the NIKs already taken", () => {
    const [, second] = first(2, identities(0, new Set()));
    const people = first(3, identities(0, new Set([second!.nik])));
    expect(people.map((p) => p.nik)).not.toContain(second!.nik);
    expect(people[1]!.fullName).toBe("PESERTA UJI C");
  });

  it("refuses a password no one may choose, instead of searching for ever", () => {
    expect(() => identities(0, new Set(), "pendek").next()).toThrow(/refused for anyone/);
  });
});
