/**
 * Distributions, the investor's side (issue 15). Seed state used (scripts/seed/distribution.ts): Lumen paid
 * HK$40,000 of income on Still Life with Lychees (SLL) to its holders at a record block — Mei 60, Alice 140 and
 * David 200 of 400 shares, so HK$6,000 / HK$14,000 / HK$20,000; David has claimed, Mei and Alice have not. (Later
 * share moves on SLL, such as the batch journey's, change nothing of these entitlements.)
 *
 * Mei claims with the wallet that really signs: her HKD balance rises by HK$6,000 and the payment moves to her
 * history and statement. Alice, frozen on SLL by an officer, sees the reason and that her money stays reserved, with
 * no Claim button; once the freeze is lifted she claims it. The chain is left as other journeys expect it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { encodeFunctionData, decodeFunctionResult, parseAbi, type Address, type Hex } from "viem";
import { addressOf, expect, installWallet, rpc, test, type DemoKey } from "./fixtures/wallet";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_ORIGIN } from "./ports";

test.describe.configure({ mode: "serial" });

const TITLE = "Still Life with Lychees";
const distributorAbi = parseAbi([
  "function distributionCount() view returns (uint256)",
  "function distribution(uint256 id) view returns ((address token, uint256 recordBlock, uint8 kind, bool held, bool closed, address issuer, uint256 claimDeadline, uint256 leafCount, uint256 amount, uint256 claimed, bytes32 root, bytes32 treeHash))",
]);
const tokenAbi = parseAbi(["function setWalletFrozen(address wallet, bool frozen)"]);

function distributorAddress(): Address {
  const d = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    distributor: Address;
  };
  return d.distributor;
}

/** The share token of the seeded distribution (the distributor's first). */
async function seededToken(): Promise<Address> {
  const data = encodeFunctionData({ abi: distributorAbi, functionName: "distribution", args: [1n] });
  const out = await rpc<Hex>("eth_call", [{ to: distributorAddress(), data }, "latest"]);
  return decodeFunctionResult({ abi: distributorAbi, functionName: "distribution", data: out }).token;
}

/** Sends a transaction from an unlocked anvil dev account and waits for its success. */
async function sendAs(from: Address, to: Address, data: Hex) {
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from, to, data }]);
  await expect
    .poll(async () => (await rpc<{ status: string } | null>("eth_getTransactionReceipt", [hash]))?.status)
    .toBe("0x1");
}

async function as(browser: Browser, key: DemoKey): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, key);
  await signInWithTestWallet(page, { next: "/portfolio" });
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  return page;
}

/** "HK$15,678.99" → base units (6 decimals), exactly. */
const baseUnits = (text: string) => BigInt(text.replace(/[^\d]/g, "")) * 10_000n;
const hkdOf = async (page: Page) => baseUnits(await page.getByTestId("portfolio-hkd").innerText());
const section = (page: Page) => page.getByRole("region", { name: "Distributions", exact: true });
const claimOf = (page: Page) => section(page).getByTestId("distribution-claim").filter({ hasText: TITLE });

/** Connects the test wallet when the page offers it (a full load may not reconnect it). */
async function connectIfAsked(page: Page) {
  // The section first renders the claim (its button disabled until the signing wallet is connected), then asks to
  // connect when the wallet is not: wait for the claim before looking for the question.
  await expect(claimOf(page).getByRole("button", { name: /^Claim the distribution on / })).toBeVisible({
    timeout: 30_000,
  });
  const connect = section(page).getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible().catch(() => false)) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
}

test("an investor claims a distribution with the wallet that signs: HKD rises, the payment moves to history and statement", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const mei = await as(browser, "mei");
  const card = claimOf(mei);
  await expect(card).toContainText("Income");
  await expect(card).toContainText("HK$6,000.00");
  await expect(card).toContainText("Ready to claim");
  await expect(card).toContainText(/HKT/);
  await expect(section(mei).getByTestId("claimable-total")).toContainText("HK$6,000.00");
  await expectNoAxeViolations(mei, { label: "portfolio distributions" });
  const before = await hkdOf(mei);

  await connectIfAsked(mei);
  const claim = card.getByRole("button", { name: `Claim the distribution on ${TITLE}` });
  await expect(claim).toBeEnabled({ timeout: 30_000 });
  await claim.click();
  await expect(section(mei).getByTestId("claim-status")).toContainText("Claimed: the money is in your wallet.", {
    timeout: 60_000,
  });
  // The row moves to the payments received; the HKD balance has risen by exactly the entitlement.
  await expect(card).toHaveCount(0);
  const paid = section(mei).getByTestId("distribution-payments").getByRole("row").filter({ hasText: TITLE });
  await expect(paid).toContainText("HK$6,000.00");
  await expect(paid).toContainText("Income");
  await expect.poll(() => hkdOf(mei)).toBe(before + 6_000_000_000n);
  // The transaction history and the CSV statement say it too.
  const history = mei.getByRole("region", { name: "Transaction history" });
  await expect(history.getByRole("row").filter({ hasText: "Distribution received" }).first()).toContainText(
    "HK$6,000.00",
  );
  const csv = await (await mei.request.get("/portfolio/statement.csv")).text();
  expect(csv).toMatch(new RegExp(`transaction,[^\\r\\n]*,distributionReceived,${TITLE},[^\\r\\n]*,6000\\.00,`));
  await mei.context().close();
});

test("a frozen investor sees why and that the money stays reserved, with no Claim button; once unfrozen it claims", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const token = await seededToken();
  const alice = addressOf("alice");
  const freeze = (frozen: boolean) =>
    sendAs(
      addressOf("grace"),
      token,
      encodeFunctionData({ abi: tokenAbi, functionName: "setWalletFrozen", args: [alice, frozen] }),
    );
  await freeze(true);
  try {
    const page = await as(browser, "alice");
    const card = claimOf(page);
    await expect(card).toContainText("HK$14,000.00");
    await expect(card).toContainText("Reserved for you");
    await expect(card.getByTestId("claim-reason")).toHaveAttribute("data-reason", "frozen");
    await expect(card).toContainText("Your wallet is frozen on this artwork's share token");
    await expect(card).toContainText("The money stays reserved for you until you can claim it.");
    await expect(card.getByRole("button", { name: /Claim/ })).toHaveCount(0);

    // The freeze lifted, the reserved money is hers to claim.
    await freeze(false);
    await page.reload();
    await connectIfAsked(page);
    const claim = claimOf(page).getByRole("button", { name: `Claim the distribution on ${TITLE}` });
    await expect(claim).toBeEnabled({ timeout: 30_000 });
    await claim.click();
    await expect(section(page).getByTestId("claim-status")).toContainText("Claimed", { timeout: 60_000 });
    await expect(
      section(page).getByTestId("distribution-payments").getByRole("row").filter({ hasText: TITLE }),
    ).toContainText("HK$14,000.00");
    await page.context().close();
  } finally {
    await freeze(false).catch(() => undefined);
  }
});
