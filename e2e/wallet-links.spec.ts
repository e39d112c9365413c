/**
 * Linking a second wallet (issue 5 §4): alice (verified, HK) proves control of both wallets by signing with each —
 * switching accounts in her wallet app between the two — then grace registers the link on-chain from her own
 * wallet. Afterwards the new wallet is verified on-chain as alice's. Investors reach no part of the review.
 */
import type { Browser, Page } from "@playwright/test";
import { mnemonicToAccount } from "viem/accounts";
import {
  DEV_MNEMONIC,
  expect,
  installWallet,
  switchAccount,
  test,
  type DemoKey,
  type WalletLog,
} from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

test.describe.configure({ mode: "serial" });

/** A dev account no seeded person and no other journey uses. */
const NEW_WALLET_INDEX = 14;
const newWallet = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: NEW_WALLET_INDEX }).address;

async function as(browser: Browser, key: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, key);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

async function connectIfAsked(page: Page, scope = page.locator("main")) {
  const connect = scope.getByRole("button", { name: /^Connect (wallet|the new wallet)$/ });
  if (await connect.first().isVisible()) {
    await connect.first().click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
}

test("alice links a second wallet with a signature from each, and grace registers it on-chain", async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await as(browser, "alice", "/account/wallets");
  const page = alice.page;
  await expect(page.getByRole("heading", { level: 1, name: "Your wallets" })).toBeVisible();
  const linked = page.getByRole("list", { name: "Linked wallets" });
  await expect(linked.getByRole("listitem")).toHaveCount(1);
  await expect(linked).toContainText("Verified on-chain");

  // Step 1: the signed-in wallet allows the link.
  await connectIfAsked(page);
  const signsBefore = alice.log.filter((r) => r.method === "personal_sign").length;
  await page.getByRole("button", { name: "Start: sign with this wallet" }).click();
  await expect(page.getByText("Signed. Your signed-in wallet allowed the link.")).toBeVisible();

  // Step 2: she switches her wallet app to the new wallet, which signs.
  await switchAccount(page, NEW_WALLET_INDEX);
  await expect(page.getByText("Ready to sign with")).toBeVisible();
  await page.getByRole("button", { name: "Sign with the new wallet" }).click();
  await expect(page.getByTestId("link-wallet")).toHaveAttribute("data-state", "submitted");
  await expect(page.getByText("Waiting for compliance")).toBeVisible();
  const signs = alice.log.filter((r) => r.method === "personal_sign").slice(signsBefore) as { params: unknown[] }[];
  expect(signs).toHaveLength(2);
  expect(String(signs[1]!.params[1]).toLowerCase()).toBe(newWallet.toLowerCase());
  // No transaction was asked of the investor.
  expect(alice.log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(0);

  // An investor cannot reach the review.
  const res = await page.goto("/compliance/wallets");
  expect(res?.status()).toBe(404);

  // Grace approves from her own wallet.
  const grace = await as(browser, "grace", "/compliance/wallets");
  await expect(grace.page.getByRole("heading", { level: 1, name: "Wallet links" })).toBeVisible();
  const request = grace.page.locator("li[data-request]").filter({ hasText: "Alice Cheung" });
  await expect(request).toBeVisible();
  await connectIfAsked(grace.page, request);
  await request.getByRole("button", { name: "Approve and register on-chain" }).click();
  await expect(grace.page.getByText("Linked on-chain").first()).toBeVisible({ timeout: 45_000 });
  expect(grace.log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(1);

  // The audit log holds the approval with its transaction.
  await grace.page.goto("/compliance/audit?action=wallet_link.approve");
  await expect(
    grace.page
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: /wallet_link\.approve|Wallet link/i })
      .first(),
  ).toBeVisible();

  // Alice sees both wallets, the new one verified on-chain.
  await page.goto("/account/wallets");
  await expect(linked.getByRole("listitem")).toHaveCount(2);
  const added = linked.locator(`li[data-wallet="${newWallet.toLowerCase()}"]`);
  await expect(added).toContainText("Verified on-chain");
  await expect(page.getByText("Your last request was approved")).toBeVisible();
  await grace.page.context().close();
  await page.context().close();
});
