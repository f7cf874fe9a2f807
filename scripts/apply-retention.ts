/**
 * `npm run data:retention [-- --dry-run]`: deletes the personal data of selection periods closed
 * more than RETENTION_DAYS ago (src/server/retention/apply-retention.ts), for a scheduler (cron,
 * a systemd timer) or an operator. Prints counts only. Exit codes: 0 done, 1 failed, 2 usage.
 */
import { describeForLog } from "../src/server/http";
import { deps } from "../src/server/deps";
import { applyRetention, formatRetentionReport } from "../src/server/retention/apply-retention";

const args = process.argv.slice(2);
if (args.some((arg) => arg !== "--dry-run")) {
  console.error("Usage: npm run data:retention [-- --dry-run]");
  process.exit(2);
}

try {
  console.log(formatRetentionReport(await applyRetention({ dryRun: args.includes("--dry-run") })));
} catch (error) {
  // The error's type and stack only: a database error's message can quote personal data.
  console.error("data retention failed:", describeForLog(error));
  process.exitCode = 1;
} finally {
  await deps().db.$disconnect();
}
