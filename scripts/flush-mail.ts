/**
 * `npm run mail:flush`: sends the "Beri tahu saya" mails still waiting for agencies that are
 * verified (those whose send failed before, e.g. while the SMTP server was down). Safe to run at
 * any time and on a schedule: rows are claimed before sending, so nothing is mailed twice.
 * Locally it takes the session secret from data/local-secrets.json, like `npm start`, so the
 * unsubscribe links it signs are the ones the server accepts.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if ((process.env.APP_ENV || "local") === "local" && !process.env.NEXTAUTH_SECRET) {
  const file = path.join(root, "data", "local-secrets.json");
  if (fs.existsSync(file)) process.env.NEXTAUTH_SECRET = (JSON.parse(fs.readFileSync(file, "utf8")) as { NEXTAUTH_SECRET?: string }).NEXTAUTH_SECRET;
}
if (!process.env.NEXTAUTH_URL) process.env.NEXTAUTH_URL = `http://localhost:${process.env.PORT || 3000}`;

const { sendAgencyNotifications } = await import("../src/server/notifications/send-agency-notifications");
const result = await sendAgencyNotifications();
console.log(`mail:flush: ${result.sent} sent, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);
