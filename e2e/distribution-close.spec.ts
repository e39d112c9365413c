/**
 * Closing a distribution after its claim window (issue 15), the issuer's side, with the wallet that really signs.
 * Seed state used (scripts/seed/distribution.ts): Lumen paid HK$40,000 of income on Still Life with Lychees with a
 * 90-day claim window (the distributor's first distribution). Before the window ends the portal offers no Close
 * (the chain would refuse it); once the chain's clock is past the deadline, Close says what comes back — what is
 * unclaimed, with the cents left by rounding — before the wallet signs, and exactly that comes back.
 *
 * It moves the chain's clock 91 days ahead, so it runs in its own Playwright project after every journey that signs
 * deadlines (the "deadlines" project; alone: `playwright test e2e/distribution-close.spec.ts --no-deps`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Address, type Hex } from "viem";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, installWallet, rpc, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_ORIGIN } from "./ports";

const TITLE = "Still Life with Lychees";
const SEEDED_ID = "1";
const abi = parseAbi([
  "function balanceOf(address) view returns (uint256)",
  "function distribution(uint256 id) view returns ((address token, uint256 recordBlock, uint8 kind, bool held, bool closed, address issuer, uint256 claimDeadline, uint256 leafCount, uint256 amount, uint256 claimed, bytes32 root, bytes32 treeHash))",
]);

function deployments(): { distributor: Address; paymentToken: Address } {
  return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    distributor: Address;
    paymentToken: Address;
  };
}

async function call<F extends "balanceOf" | "distribution">(to: Address, functionName: F, args: readonly unknown[]) {
  const data = encodeFunctionData({ abi, functionName, args } as never);
  const out = await rpc<Hex>("eth_call", [{ to, data }, "latest"]);
  return decodeFunctionResult({ abi, functionName, data: out } as never) as F extends "balanceOf"
    ? bigint
    : { closed: boolean; amount: bigint; claimed: bigint };
}

/** "HK$15,678.99" → base units (6 decimals), exactly. */
const baseUnits = (text: string) => BigInt(text.replace(/[^\d]/g, "")) * 10_000n;

const row = (page: Page) =>
  page.getByRole("region", { name: "Distributions", exact: true }).getByTestId(`distribution-${SEEDED_ID}`);

async function openIssuerArtwork(page: Page) {
  await page.goto("/issuer");
  await page
    .getByRole("link", { name: new RegExp(TITLE) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  await expect(row(page)).toBeVisible({ timeout: 30_000 });
}

/**
 * Presses Close. With no wallet connected (the test wallet forgets its permission on a full load) Close first opens
 * the wallet list: the issuer picks the wallet, then presses Close again.
 */
async function pressClose(page: Page) {
  await row(page).getByRole("button", { name: "Close", exact: true }).click();
  const wallets = page.getByRole("dialog", { name: "Connect a wallet" });
  const confirm = page.getByRole("dialog", { name: `Close distribution ${SEEDED_ID}?` });
  await expect(wallets.or(confirm)).toBeVisible();
  if (await wallets.isVisible()) {
    await wallets.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(wallets).toBeHidden();
    await row(page).getByRole("button", { name: "Close", exact: true }).click();
  }
  await expect(confirm).toBeVisible();
  return confirm;
}

test("the issuer closes a distribution only after its window, and takes back exactly what was unclaimed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { distributor, paymentToken } = deployments();
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, "lumen");
  await signInWithTestWallet(page, { next: "/issuer" });
  await openIssuerArtwork(page);

  // Inside the window: no Close, and the reason in words (the chain would refuse a close before the deadline).
  const before = await call(distributor, "distribution", [BigInt(SEEDED_ID)]);
  expect(before.closed).toBe(false);
  await expect(row(page).getByRole("button", { name: "Close", exact: true })).toHaveCount(0);
  await expect(row(page)).toContainText("Can be closed after the deadline");

  // The chain's clock passes the 90-day deadline.
  await rpc("evm_increaseTime", [91 * 24 * 60 * 60]);
  await rpc("evm_mine");
  await openIssuerArtwork(page);

  const lumen = addressOf("lumen");
  const hkdBefore = await call(paymentToken, "balanceOf", [lumen]);
  const unclaimed = before.amount - before.claimed;
  const dialog = await pressClose(page);
  // What comes back is said before anything is signed, and it is what the chain holds for this distribution.
  const confirm = dialog.getByRole("button", { name: /^Close and take back HK\$/ });
  const said = baseUnits((await confirm.innerText()).replace(/^.*HK\$/, ""));
  expect(said).toBe(unclaimed);
  await expect(dialog).toContainText("cannot be undone");
  expect(log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(0);
  await expectNoAxeViolations(page, { label: "close distribution dialog" });

  await confirm.click();
  await expect(page.getByTestId(`distribution-close-${SEEDED_ID}`)).toContainText("came back to your wallet", {
    timeout: 60_000,
  });
  expect(log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(1);
  // The page refreshes to the row closed (the server waited for the indexer); what came back is still said there.
  await expect(row(page)).toContainText("Closed", { timeout: 30_000 });
  await expect(page.getByTestId(`distribution-close-${SEEDED_ID}`)).toContainText("came back to your wallet");
  expect((await call(distributor, "distribution", [BigInt(SEEDED_ID)])).closed).toBe(true);
  expect((await call(paymentToken, "balanceOf", [lumen])) - hkdBefore).toBe(unclaimed);

  // Read back from the indexer: closed, with what came back; no Close any more.
  await expect
    .poll(
      async () => {
        await openIssuerArtwork(page);
        return row(page).innerText();
      },
      { timeout: 60_000 },
    )
    .toMatch(/Closed/);
  await expect(row(page).getByRole("button", { name: "Close", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, { label: "issuer distributions, closed" });
  await context.close();
});
