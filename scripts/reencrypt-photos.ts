/**
 * `npm run photos:reencrypt [-- --after <account id>]`: moves every stored photo to the current
 * PHOTO_ENCRYPTION_KEY (src/server/photos/reencrypt-photos.ts). After a rotation: set the new key
 * as PHOTO_ENCRYPTION_KEY, list the old one in PHOTO_ENCRYPTION_KEYS, restart the servers, run
 * this; once it reports 0 failed, the old key may go. Idempotent: run it again after a stop.
 * Prints counts, key ids and the random storage keys of failures only.
 * Exit codes: 0 done, 1 some photo failed (or the run did), 2 usage.
 */
import { applyLocalSecrets } from "./lib/local-secrets.mjs";

const args = process.argv.slice(2);
const afterIndex = args.indexOf("--after");
const after = afterIndex >= 0 ? args[afterIndex + 1] : undefined;
if (args.length !== (afterIndex >= 0 ? 2 : 0) || (afterIndex >= 0 && !after)) {
  console.error("Usage: npm run photos:reencrypt [-- --after <account id>]");
  process.exit(2);
}

// Locally, the key npm start keeps in data/local-secrets.json (before the server's modules read the environment).
applyLocalSecrets(process.env);
const { deps } = await import("../src/server/deps");
const { describeForLog } = await import("../src/server/http");
const { formatReencryptReport, reencryptPhotos } = await import("../src/server/photos/reencrypt-photos");

try {
  const report = await reencryptPhotos({
    after,
    onBatch: (progress) => console.log(`photos:reencrypt: ${progress.accounts} accounts, ${progress.reencrypted} re-encrypted so far`),
  });
  console.log(formatReencryptReport(report));
  if (report.failed > 0) process.exitCode = 1;
} catch (error) {
  console.error("photos:reencrypt failed:", describeForLog(error));
  process.exitCode = 1;
} finally {
  await deps().db.$disconnect();
}
