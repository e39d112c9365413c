import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  E2E_ANVIL_PORT,
  E2E_DATA_DIR,
  E2E_DIST_DIR,
  E2E_MAIL_SMTP_PORT,
  E2E_MAIL_WEB_PORT,
  E2E_ORIGIN,
  E2E_PORT,
} from "./e2e/ports";

/**
 * End-to-end tests drive real pages in Chromium with an injected EIP-1193 wallet that signs through
 * anvil's dev accounts. The web server is the real stack (`scripts/start.ts --fresh`): a fresh anvil
 * chain, fresh PGlite database and seed, on test ports that do not clash with `npm start`.
 */
const origin = E2E_ORIGIN;
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  // The two-instance journeys run on their own stack: `npm run test:scale` (playwright.scale.config.ts).
  testIgnore: ["**/e2e/scale/**"],
  outputDir: process.env.E2E_OUTPUT_DIR ?? "./test-results",
  fullyParallel: false,
  // One chain and one database are shared by the journeys, which change them: run them in order.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: origin,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: existsSync(systemChromium)
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: [
        "**/e2e/scale/**",
        "faults.spec.ts",
        "notifications.spec.ts",
        "distribution-close.spec.ts",
        "sale-vote.spec.ts",
      ],
    },
    // The notifications journey moves the chain's clock 8 days ahead (an upcoming offering opens): it runs after
    // every journey that signs deadlines or expiries from the computer's clock, and before the faults journey (run it
    // alone with `playwright test e2e/notifications.spec.ts --no-deps`).
    {
      name: "clock",
      use: { ...devices["Desktop Chrome"] },
      testMatch: "notifications.spec.ts",
      dependencies: ["chromium"],
    },
    // Closing a distribution moves the chain's clock past a 90-day claim window: after the clock project, before faults
    // (run it alone with `playwright test e2e/distribution-close.spec.ts --no-deps`).
    {
      name: "deadlines",
      use: { ...devices["Desktop Chrome"] },
      testMatch: "distribution-close.spec.ts",
      dependencies: ["clock"],
    },
    // The sale vote moves the chain's clock past its close and ends one artwork's trading for good (an approved sale):
    // after the deadlines project, before faults (run it alone with `playwright test e2e/sale-vote.spec.ts --no-deps`).
    {
      name: "sale",
      use: { ...devices["Desktop Chrome"] },
      testMatch: "sale-vote.spec.ts",
      dependencies: ["deadlines"],
    },
    // The faults journey stops the stack's chain and starts it again from the test process: it runs after every
    // other journey, so no later one depends on a chain that lives only as long as that process (run it alone with
    // `playwright test e2e/faults.spec.ts --no-deps`).
    {
      name: "faults",
      use: { ...devices["Desktop Chrome"] },
      testMatch: "faults.spec.ts",
      dependencies: ["sale"],
    },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts --fresh",
    url: `${origin}/api/health`,
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      DATA_DIR: E2E_DATA_DIR,
      NEXT_DIST_DIR: E2E_DIST_DIR,
      PORT: String(E2E_PORT),
      ANVIL_PORT: String(E2E_ANVIL_PORT),
      APP_ORIGIN: origin,
      NEXT_TELEMETRY_DISABLED: "1",
      MAILDEV_SMTP_PORT: String(E2E_MAIL_SMTP_PORT),
      MAILDEV_WEB_PORT: String(E2E_MAIL_WEB_PORT),
    },
  },
});
