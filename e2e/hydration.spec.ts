/**
 * Every page that uses the wallet renders the same on the server and in the browser, for a signed-in user
 * whose wallet cookie says "connected" while wagmi is still reconnecting (a full page load). A mismatch
 * makes React throw the server HTML away and render again: what a user was reading or about to press is
 * replaced under them, and a test holding an element finds it detached.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, installWallet, test, type DemoKey } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

async function signedIn(browser: Browser, who: DemoKey): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  await installWallet(page, who);
  await signInWithTestWallet(page, { next: "/account" });
  return { page, errors };
}

/** Loads `path` afresh and waits until the page has hydrated and the wallet has settled. */
async function load(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("main")).toBeVisible();
}

/** The first link under `scope` whose href matches, for pages whose ids the seed chose. */
async function hrefOf(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => pattern.test(h));
  expect(found, `a link matching ${pattern}`).toBeTruthy();
  return found!;
}

test("an investor's wallet pages hydrate without a mismatch", async ({ browser }) => {
  const { page, errors } = await signedIn(browser, "mei");
  for (const path of [
    "/account",
    "/account/wallets",
    "/portfolio",
    "/artworks/harbour-at-dusk-no-3/buy",
    "/artworks/quiet-mountains/trade",
  ]) {
    await load(page, path);
  }
  expect(errors).toEqual([]);
  await page.context().close();
});

test("an issuer's console hydrates without a mismatch", async ({ browser }) => {
  const { page, errors } = await signedIn(browser, "lumen");
  await load(page, "/issuer");
  const listing = await hrefOf(page, /^\/issuer\/artworks\/[0-9a-f-]{36}$/);
  await load(page, listing);
  await load(page, "/issuer/artworks/new");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the compliance console hydrates without a mismatch", async ({ browser }) => {
  const { page, errors } = await signedIn(browser, "grace");
  for (const path of [
    "/compliance",
    "/compliance/kyc",
    "/compliance/listings",
    "/compliance/wallets",
    "/compliance/audit",
  ]) {
    await load(page, path);
  }
  await load(page, "/compliance/tokens");
  await load(page, await hrefOf(page, /^\/compliance\/tokens\/0x[0-9a-fA-F]{40}$/));
  await load(page, await hrefOf(page, /^\/compliance\/investors\/[^/?#]+$/));
  await load(page, "/compliance/kyc");
  expect(errors).toEqual([]);
  await page.context().close();
});
