// Validates the environment with the app's own schema (src/server/env.ts) before anything starts,
// so that a misconfigured production start fails at once with the list of what is wrong.
import { parseEnv } from "../src/server/env";

try {
  const env = parseEnv(process.env);
  console.log(`env: APP_ENV=${env.APP_ENV}, clock ${env.clockStart ? `simulated from ${env.clockStart}` : "real"}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
