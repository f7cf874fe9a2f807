import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser: ../shared/TOOLCHAIN.md)
 * against the production build, which scripts/test.mjs makes once. Three servers run side by side,
 * each on its own database and simulated clock: one inside the registration window, one after it
 * closed, and one inside the window that admits a single registration at a time (the busy answer).
 */
// E2E_PORT_BASE moves both servers, so two checkouts can run their suites side by side.
const PORT_BASE = Number(process.env.E2E_PORT_BASE || 3100);
const OPEN_PORT = PORT_BASE;
const CLOSED_PORT = PORT_BASE + 1;
// A third server admits one registration at a time with no queue: the busy answer, for real.
const BUSY_PORT = PORT_BASE + 3; // +2: the production-mode server tests/e2e/security-server.spec.ts starts
// +4 and +6: the page cache's servers (tests/e2e/page-cache.spec.ts); +5: the crash test's.
// Each pair of servers gets its own databases; tests read the open one's (captcha answers) by this.
const DB_PREFIX = process.env.E2E_PORT_BASE ? `e2e${PORT_BASE}` : "e2e";
process.env.E2E_OPEN_DB = `data/${DB_PREFIX}-open.db`;
process.env.E2E_BUSY_DB = `data/${DB_PREFIX}-busy.db`;
// Without SMTP_URL the servers write their mail here; tests read the open one's ("Beri tahu saya").
process.env.E2E_OPEN_OUTBOX = `data/${DB_PREFIX}-open-outbox`;
// The fake camera plays a portrait (written by tests/e2e/global-setup.ts) instead of Chromium's
// face-less test pattern, so the selfie's face check sees a face (ADR 0013).
process.env.E2E_FACE_CAMERA = path.resolve(`data/${DB_PREFIX}-face-camera.y4m`);

const serverEnv = (port: number, database: string, clock: string, timeZone: string) => ({
  TZ: timeZone,
  PORT: String(port),
  DATABASE_URL: `file:./data/${database}`,
  APP_CLOCK: clock,
  STORAGE_DIR: `./data/e2e-storage-${port}`,
  MAIL_OUTBOX_DIR: `./data/${database.replace(/\.db$/, "")}-outbox`,
  ADMIN_USERNAME: "admin",
  ADMIN_PASSWORD: "admin-e2e-password",
  NEXTAUTH_URL: `http://localhost:${port}`,
  // The browser reaches the server directly: no proxy to trust, every client is "unknown".
  TRUST_PROXY_HOPS: "0",
  // Checked for personal data after the run (scripts/check-server-logs.ts).
  SERVER_LOG_FILE: `./data/${database.replace(/\.db$/, "")}.log`,
  NEXT_TELEMETRY_DISABLED: "1",
});

export default defineConfig({
  testDir: "tests/e2e",
  // Each run hands out the registry's citizens afresh (tests/e2e/citizens.ts).
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "reports/e2e-results.json" }]],
  timeout: 30_000,
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    permissions: ["camera"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${process.env.E2E_FACE_CAMERA}`,
      ],
    },
  },
  projects: [
    { name: "open", testIgnore: /(closed|busy|crash)\..*spec\.ts/, use: { baseURL: `http://localhost:${OPEN_PORT}` } },
    { name: "closed", testMatch: /closed\..*spec\.ts/, use: { baseURL: `http://localhost:${CLOSED_PORT}` } },
    { name: "busy", testMatch: /busy\..*spec\.ts/, use: { baseURL: `http://localhost:${BUSY_PORT}` } },
    // Starts, kills and restarts a server of its own (PORT_BASE + 5): the crash test of issue 9.
    { name: "crash", testMatch: /crash\..*spec\.ts/ },
  ],
  webServer: [
    {
      command: "node tests/e2e/fresh-server.mjs",
      url: `http://localhost:${OPEN_PORT}/api/registration-window`,
      env: serverEnv(OPEN_PORT, `${DB_PREFIX}-open.db`, "2023-09-25T10:00:00+07:00", "Pacific/Kiritimati"),
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: "node tests/e2e/fresh-server.mjs",
      url: `http://localhost:${CLOSED_PORT}/api/registration-window`,
      env: serverEnv(CLOSED_PORT, `${DB_PREFIX}-closed.db`, "2023-10-09T00:00:00+07:00", "America/Los_Angeles"),
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: "node tests/e2e/fresh-server.mjs",
      url: `http://localhost:${BUSY_PORT}/api/registration-window`,
      env: {
        ...serverEnv(BUSY_PORT, `${DB_PREFIX}-busy.db`, "2023-09-25T10:00:00+07:00", "Asia/Jakarta"),
        ADMISSION_CONCURRENCY: "1",
        ADMISSION_QUEUE: "0",
        ADMISSION_MAX_WAIT_MS: "0",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
