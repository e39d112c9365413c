import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { E2E_ANVIL_PORT } from "./ports";

/**
 * Faults suite, the page a visitor sees while the chain is down: the stack's anvil (started by the web server's
 * `scripts/start.ts` on E2E_ANVIL_PORT) is stopped — it writes its state, as on Ctrl-C — and the catalogue still
 * renders (200, not a server error) with the reason in words, an artwork page shows the error page naming the
 * reason, and `/api/health` says degraded. Then the same anvil is started again with the same arguments and state,
 * and health, the open artwork page (no reload) and the catalogue come back by themselves, without restarting the
 * web server. (The restarted anvil belongs to this test process and stops when it exits.)
 */

const rpcUrl = `http://127.0.0.1:${E2E_ANVIL_PORT}`;

/** The anvil process serving E2E_ANVIL_PORT: its pid and command line (found by its arguments, not by name). */
function findAnvil(): { pid: number; argv: string[] } {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      continue;
    }
    const port = argv.indexOf("--port");
    if (argv[0]?.endsWith("/anvil") && port > 0 && argv[port + 1] === String(E2E_ANVIL_PORT))
      return { pid: Number(entry), argv };
  }
  throw new Error(`no anvil process serves port ${E2E_ANVIL_PORT}`);
}

async function chainAnswers(): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

test.skip(process.platform !== "linux", "finds the chain's process through /proc");

test("chain down: the catalogue says so in words, health is degraded, both recover by themselves", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("list").getByRole("listitem").first()).toBeVisible();
  const artworkHref = await page.locator('a[href^="/artworks/"]').first().getAttribute("href");
  expect(artworkHref).toBeTruthy();
  const artworkPage = await page.context().newPage();

  const anvil = findAnvil();
  process.kill(anvil.pid, "SIGINT");
  await expect.poll(chainAnswers, { timeout: 15_000 }).toBe(false);
  // Let the process finish writing its state file before another reads it.
  await expect
    .poll(
      () => {
        try {
          process.kill(anvil.pid, 0);
          return true;
        } catch {
          return false;
        }
      },
      { timeout: 15_000 },
    )
    .toBe(false);

  try {
    // Reads of the last block the server saw may be served from its per-block cache for a second: then the chain.
    await expect(async () => {
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      await expect(page.getByText("Live share data cannot be read right now.")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText(/is not answering/)).toBeVisible();
    await expectNoAxeViolations(page, { label: "catalogue, chain down" });

    // A page that cannot render without the chain (an artwork's live share data): the error page names the reason
    // in words and keeps checking by itself.
    await artworkPage.goto(artworkHref!);
    await expect(artworkPage.getByRole("heading", { name: "Live share data cannot be read right now." })).toBeVisible();
    await expectNoAxeViolations(artworkPage, { label: "artwork, chain down" });

    const health = await request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", chain: { ok: false }, database: { ok: true } });
  } finally {
    // The chain comes back: the same binary, arguments and state file.
    const child = spawn(anvil.argv[0]!, anvil.argv.slice(1), { stdio: "ignore" });
    process.once("exit", () => child.kill("SIGINT"));
    await expect.poll(chainAnswers, { timeout: 30_000 }).toBe(true);
  }

  // No restart of the web server: health and the catalogue recover on their own.
  await expect
    .poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000, intervals: [500] })
    .toBe(200);
  // The artwork page that was showing the error comes back by itself, without a reload.
  await expect(artworkPage.getByText("Live share data cannot be read right now.")).toHaveCount(0, { timeout: 30_000 });
  await expect(artworkPage.getByRole("heading", { level: 1 })).toBeVisible();
  const again = await page.goto("/");
  expect(again?.status()).toBe(200);
  await expect(page.getByText("Live share data cannot be read right now.")).toHaveCount(0);
  await expect(page.getByRole("list").getByRole("listitem").first()).toBeVisible();
});
