// A console.error during a unit test is a failure unless the test expects it
// (STYLE.md: "Tests that read like the user"). Tests that expect one spy on it.
import { afterEach, beforeEach, vi } from "vitest";
import { COMMON_PASSWORDS } from "@/domain/registration/common-passwords.data";
import { provideCommonPasswords } from "@/domain/registration/password";

// As the server does when it starts (src/server/deps.ts): the password rule has its list.
provideCommonPasswords(COMMON_PASSWORDS);

let unexpected: unknown[][] = [];

beforeEach(() => {
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    unexpected.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (unexpected.length > 0) {
    const first = unexpected[0]?.map(String).join(" ");
    throw new Error(`console.error was called ${unexpected.length} time(s) during the test: ${first}`);
  }
});
