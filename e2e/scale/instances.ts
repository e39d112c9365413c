/**
 * Helpers of the two-instance journeys (scripts/scale.ts): send a browser's requests to one named instance through
 * the proxy's `x-atelier-instance` header, and read which instance answered (`x-served-by`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, installWallet, type DemoKey, type WalletLog } from "../fixtures/wallet";
import { signInWithTestWallet } from "../pages/sign-in";
import { E2E_DATA_DIR, E2E_ORIGIN } from "../ports";

export type Instance = "a" | "b";

/**
 * From now on, every request of the page's browser context to the portal goes to instance `name`: its pages, their
 * images and scripts, and the tabs it opens.
 */
export async function pinInstance(page: Page, name: Instance) {
  const context = page.context();
  await context.unroute(`${E2E_ORIGIN}/**`);
  await context.route(`${E2E_ORIGIN}/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-atelier-instance": name } }),
  );
}

/** Opens `url` and says which instance served the page. */
export async function servedBy(page: Page, url: string): Promise<string | undefined> {
  const res = await page.goto(url);
  return res?.headers()["x-served-by"];
}

/** A demo wallet signed in on a browser context of its own, every request of which goes to instance `name`. */
export async function signedInOn(
  browser: Browser,
  key: DemoKey,
  name: Instance,
  next: string,
): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, key);
  await pinInstance(page, name);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

/** A visitor without a session (and without JavaScript: what the server rendered), on instance `name`. */
export async function visitorOn(browser: Browser, name: Instance): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN, javaScriptEnabled: false });
  const page = await context.newPage();
  await pinInstance(page, name);
  return page;
}

/**
 * After a full page load the test wallet may not reconnect: a page then offers "Connect wallet". Connects when asked,
 * until `ready` holds.
 */
export async function connectIfAsked(page: Page, ready: () => Promise<void>) {
  const connect = page.getByRole("main").getByRole("button", { name: "Connect wallet" }).first();
  await expect(async () => {
    if (await connect.isVisible()) {
      await connect.click();
      const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
      await dialog.getByRole("button", { name: /Test Wallet/ }).click();
      await expect(dialog).toBeHidden();
    }
    await ready();
  }).toPass({ timeout: 45_000 });
}

/** The S3 protocol server of the stack (scripts/scale.ts writes where it keeps the bucket), or null without one. */
export function objectStore(): { endpoint: string; bucket: string; directory: string } | null {
  try {
    return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "scale-s3.json"), "utf8")) as {
      endpoint: string;
      bucket: string;
      directory: string;
    };
  } catch {
    return null;
  }
}
