import { defineConfig, devices } from "@playwright/test";
import base from "./playwright.config";
import { E2E_ORIGIN } from "./e2e/ports";

/**
 * `npm run test:scale`: the two-instance journeys (e2e/scale) against `scripts/scale.ts` — two `next start`
 * instances on one PostgreSQL, two indexer workers (one holds the lock), a round-robin proxy in front on E2E_PORT.
 */
export default defineConfig({
  ...base,
  testDir: "./e2e/scale",
  testIgnore: [],
  // One project of its own: the main config's projects ignore e2e/scale and hold the faults journey.
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx scripts/scale.ts",
    url: `${E2E_ORIGIN}/api/health`,
    timeout: 1_200_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
