import { expect, type Browser, type Page } from "@playwright/test";
import { installWallet, type DemoKey, type WalletLog } from "../fixtures/wallet";
import { E2E_ORIGIN } from "../ports";
import { signInWithTestWallet } from "./sign-in";

/**
 * Page object for the admin's signed steps (the role and emergency-stop dialogs): a demo wallet signed in on its own
 * browser context, the "Connect a wallet" picker, a dialog's signing button, and what the wallet was asked to sign.
 */

/** The wallet requests that sign something (a transaction, typed data or a message). */
export const SIGNING = [
  "eth_sendTransaction",
  "eth_signTypedData_v4",
  "eth_signTypedData",
  "personal_sign",
  "eth_sign",
];

/** The signing requests the wallet received after the log held `before` entries. */
export const signingSince = (log: WalletLog, before: number) =>
  log.slice(before).filter((r) => SIGNING.includes(r.method));

/** `key`'s demo wallet, in a browser context of its own, signed in and landed on `next`. */
export async function signedInAs(
  browser: Browser,
  key: DemoKey,
  next: string,
): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, key);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

/** Picks the injected "Test Wallet" in the open "Connect a wallet" dialog. */
export async function pickTestWallet(page: Page) {
  const picker = page.getByRole("dialog", { name: "Connect a wallet" });
  await picker.getByRole("button", { name: /Test Wallet/ }).click();
  await expect(picker).toBeHidden();
}

/** Submits a dialog's signing button; when no wallet is connected yet (after a reload) the form asks for one first. */
export async function submitSigned(page: Page, button: string) {
  const dialog = page.getByRole("dialog").filter({ has: page.getByRole("button", { name: button }) });
  await dialog.getByRole("button", { name: button }).click();
  const asked = await page
    .getByRole("dialog", { name: "Connect a wallet" })
    .waitFor({ state: "visible", timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (asked) {
    await pickTestWallet(page);
    await dialog.getByRole("button", { name: button }).click();
  }
}
