/**
 * `npm run photos:sweep [-- --dry-run] [--min-age-minutes N]`: removes stored photos that no
 * account references and leftover temporary files, older than N minutes (default 5), from the
 * photo directory (src/server/photos/sweep-orphan-photos.ts). scripts/start.mjs runs it before
 * the server starts. With PHOTO_STORAGE=database there are no orphans, and it says so.
 * Never use a minimum age below a minute while a server is taking registrations: a photo is
 * stored a moment before its account.
 * Exit codes: 0 done, 1 failed, 2 usage.
 */
import { deps } from "../src/server/deps";
import { describeForLog } from "../src/server/http";
import { formatSweepReport, ORPHAN_MIN_AGE_MS, sweepOrphanPhotos } from "../src/server/photos/sweep-orphan-photos";

const args = process.argv.slice(2);
let minAgeMs = ORPHAN_MIN_AGE_MS;
let dryRun = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--dry-run") dryRun = true;
  else if (args[i] === "--min-age-minutes" && /^\d+(\.\d+)?$/.test(args[i + 1] ?? "")) minAgeMs = Number(args[++i]) * 60_000;
  else {
    console.error("Usage: npm run photos:sweep [-- --dry-run] [--min-age-minutes N]");
    process.exit(2);
  }
}

try {
  console.log(formatSweepReport(await sweepOrphanPhotos({ minAgeMs, dryRun })));
} catch (error) {
  console.error("photos:sweep failed:", describeForLog(error));
  process.exitCode = 1;
} finally {
  await deps().db.$disconnect();
}
