/**
 * The holders' vote on selling an artwork (issue 15), with the wallet that really signs. Lumen offers both of its
 * traded artworks to buyers: Still Life with Lychees (SLL) at HK$4,000.00 and Quiet Mountains (QM) at HK$6,000.00,
 * each with a 25% turnout. On QM David votes against; on SLL Alice votes for, then David for. The chain's clock moves
 * past the close (15 days) and Mei, who need not hold anything, finalises both: QM is rejected — nothing changes, its
 * shares still move and the price is back with lumen — and SLL is sold — its shares no longer move (code 15) and
 * Alice redeems hers, the HKD arriving in her portfolio and her statement; lumen has no rounding dust to take back. Runs after the deadlines journey (it moves the clock; an
 * approved sale ends SLL's trading for good), before the faults journey.
 */
import type { Browser, Page } from "@playwright/test";
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Address, type Hex } from "viem";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, installWallet, rpc, test, type DemoKey, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

test.describe.configure({ mode: "serial" });

const SLL = { slug: "still-life-with-lychees", title: "Still Life with Lychees", price: "4,000.00" };
const QM = { slug: "quiet-mountains", title: "Quiet Mountains", price: "6,000.00" };
const tokens: Record<string, Address> = {};
const erc20 = parseAbi([
  "function balanceOf(address) view returns (uint256)",
  "function canTransfer(address from, address to, uint256 amount) view returns (uint8)",
]);
const sends = (log: WalletLog) => log.filter((r) => r.method === "eth_sendTransaction").length;

async function call<F extends "balanceOf" | "canTransfer">(to: Address, functionName: F, args: readonly unknown[]) {
  const data = encodeFunctionData({ abi: erc20, functionName, args } as never);
  const out = await rpc<Hex>("eth_call", [{ to, data }, "latest"]);
  return decodeFunctionResult({ abi: erc20, functionName, data: out } as never) as unknown as bigint | number;
}

async function as(browser: Browser, who: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, who);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

async function connectIfAsked(page: Page) {
  const connect = page.getByRole("main").getByRole("button", { name: "Connect wallet" }).first();
  if (await connect.isVisible()) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
}

const panel = (page: Page) => page.getByTestId("sale-panel");

/** Reloads until the sale panel shows `status` (the indexer records the contract's events a moment later). */
async function panelStatus(page: Page, status: string) {
  await expect
    .poll(
      async () => {
        await page.reload();
        return panel(page)
          .getAttribute("data-status", { timeout: 5_000 })
          .catch(() => null);
      },
      { timeout: 60_000 },
    )
    .toBe(status);
}

async function offer(page: Page, log: WalletLog, art: typeof SLL) {
  await page.goto("/issuer");
  await page
    .getByRole("link", { name: new RegExp(art.title) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  const form = page.getByRole("form", { name: "The buyer's offer" });
  await form.getByLabel("Buyer's wallet address").fill(addressOf("harbourfront"));
  await form.getByLabel("Price for the whole artwork (HK$)").fill(art.price);
  await form.getByLabel("Offer document").setInputFiles({
    name: `offer-${art.slug}.pdf`,
    mimeType: "application/pdf",
    buffer: Buffer.from(`%PDF-1.4 offer for ${art.title}`),
  });
  await form.getByLabel("Turnout needed (%)").fill("25");
  await form.getByRole("button", { name: "Prepare the vote" }).click();
  const preview = page.getByTestId("sale-preview");
  await expect(preview.getByRole("heading", { name: "Check the vote before signing" })).toBeVisible();
  await expect(preview.getByRole("table", { name: "Voting weights" }).getByRole("row")).not.toHaveCount(1);
  await expect(preview.getByTestId("sale-confirmation")).toContainText(`escrows HK$${art.price}`);
  await expect(preview.getByTestId("sale-confirmation")).toContainText("ends for good");
  const href = await preview.getByRole("link", { name: "Open", exact: true }).getAttribute("href");
  tokens[art.slug] = ((await (await page.request.get(href!)).json()) as { token: Address }).token;
  const before = sends(log);
  await connectIfAsked(page);
  await preview.getByRole("button", { name: `Escrow HK$${art.price} and open the vote` }).click();
  await expect(preview.getByTestId("sale-open-status")).toContainText("The vote is open.", { timeout: 60_000 });
  expect(sends(log) - before).toBe(2);
  await panelStatus(page, "voting");
}

async function vote(browser: Browser, who: DemoKey, art: typeof SLL, support: boolean) {
  const { page } = await as(browser, who, `/artworks/${art.slug}/trade`);
  await expect(panel(page)).toBeVisible();
  await connectIfAsked(page);
  await panel(page)
    .getByRole("button", { name: support ? "Vote for the sale" : "Vote against the sale" })
    .click();
  await expect(page.getByTestId("sale-tx-status")).toContainText("Done: recorded.", { timeout: 60_000 });
  await expect(page.getByTestId("sale-my-vote")).toHaveAttribute("data-vote", support ? "for" : "against");
  await page.context().close();
}

test("the issuer offers two artworks for sale: the weights and what approval means before signing", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { page, log } = await as(browser, "lumen", "/issuer");
  await offer(page, log, QM);
  await offer(page, log, SLL);
  await expectNoAxeViolations(page, { label: "issuer sale panel" });
});

test("holders vote with their own wallets; the tally runs on the artwork page", async ({ browser }) => {
  test.setTimeout(240_000);
  await vote(browser, "david", QM, false);
  await vote(browser, "alice", SLL, true);
  await vote(browser, "david", SLL, true);
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await page.goto(`/artworks/${SLL.slug}`);
  await expect(panel(page).getByTestId("sale-outcome")).toContainText("would be approved");
  await expect(panel(page).getByTestId("sale-tally")).toContainText(/for · 0 against/);
  await expectNoAxeViolations(page, { label: "artwork sale panel" });
  await context.close();
});

test("after the close anyone finalises: QM rejected changes nothing, SLL sold ends its trading", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lumenBefore = (await call(await hkdToken(), "balanceOf", [addressOf("lumen")])) as bigint;
  await rpc("evm_increaseTime", [15 * 86_400]);
  await rpc("evm_mine", []);
  const { page } = await as(browser, "mei", `/artworks/${QM.slug}/trade`);
  for (const art of [QM, SLL]) {
    await page.goto(`/artworks/${art.slug}/trade`);
    await expect(panel(page)).toHaveAttribute("data-status", "closed");
    await connectIfAsked(page);
    await panel(page).getByRole("button", { name: "Finalise the vote" }).click();
    await expect(page.getByTestId("sale-tx-status")).toContainText("Done: recorded.", { timeout: 60_000 });
  }
  await panelStatus(page, "approved");
  await page.goto(`/artworks/${QM.slug}/trade`);
  await panelStatus(page, "rejected");
  await expect(panel(page).getByTestId("sale-outcome")).toContainText("nothing changed");
  // Rejected: QM's shares still move and the HK$6,000.00 is back with lumen.
  expect(Number(await call(tokens[QM.slug]!, "canTransfer", [addressOf("david"), addressOf("mei"), 1n]))).toBe(0);
  expect((await call(await hkdToken(), "balanceOf", [addressOf("lumen")])) as bigint).toBe(
    lumenBefore + 6_000_000_000n,
  );
  // Approved: no transfer of SLL can move its shares again (trading ended, code 15).
  expect(Number(await call(tokens[SLL.slug]!, "canTransfer", [addressOf("alice"), addressOf("david"), 1n]))).toBe(15);
});

test("a holder redeems and sees the HKD arrive", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, log } = await as(browser, "alice", `/artworks/${SLL.slug}/trade`);
  await expect(panel(page)).toHaveAttribute("data-status", "approved");
  // The order form gives way to why no order can be placed (the market refuses one with code 15 too).
  await expect(page.getByRole("status").filter({ hasText: "Trading has ended" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Place|Review) / })).toHaveCount(0);
  const amount = page.getByTestId("sale-redeem-amount");
  await expect(amount).toContainText(/You can redeem your [\d,]+ shares for HK\$[\d,.]+/);
  const payoutText = /HK\$([\d,]+\.\d\d)/.exec((await amount.textContent()) ?? "")![1]!;
  const payout = BigInt(payoutText.replace(/[,.]/g, "")) * 10_000n;
  const before = (await call(await hkdToken(), "balanceOf", [addressOf("alice")])) as bigint;
  // The portfolio's holding row tells the sale and what redeeming pays, linked to the trade page.
  await page.goto("/portfolio");
  const sold = page.locator(`[data-slug="${SLL.slug}"]`).getByTestId("holding-sale").filter({ visible: true });
  await expect(sold).toHaveAttribute("data-status", "approved");
  await expect(sold).toHaveText(`Sold — redeem HK$${payoutText}`);
  await expect(sold).toHaveAttribute("href", `/artworks/${SLL.slug}/trade`);
  // Its shares are valued at what redeeming them pays, not at the last appraisal or trade.
  const row = page.locator(`[data-slug="${SLL.slug}"]`).filter({ visible: true }).first();
  await expect(row).toContainText("sale price ÷ shares");
  await page.goto(`/artworks/${SLL.slug}/trade`);
  expect(sends(log)).toBe(0);
  await connectIfAsked(page);
  await panel(page)
    .getByRole("button", { name: `Redeem for HK$${payoutText}` })
    .click();
  await expect(page.getByTestId("sale-tx-status")).toContainText("Done: recorded.", { timeout: 60_000 });
  expect((await call(await hkdToken(), "balanceOf", [addressOf("alice")])) as bigint).toBe(before + payout);
  expect((await call(tokens[SLL.slug]!, "balanceOf", [addressOf("alice")])) as bigint).toBe(0n);
  // The history's redemption row carries the payout once the indexer has recorded the sale's Redeemed event.
  const redemption = () =>
    page
      .getByRole("table", { name: "Transaction history" })
      .getByRole("row")
      .filter({ hasText: "Redemption" })
      .filter({ hasText: SLL.title })
      .first();
  await expect
    .poll(
      async () => {
        await page.goto("/portfolio");
        return (
          (await redemption()
            .textContent({ timeout: 5_000 })
            .catch(() => null)) ?? ""
        );
      },
      { timeout: 60_000 },
    )
    .toContain(`HK$${payoutText}`);
  await expect(page.getByTestId("portfolio-hkd")).toBeVisible();
  await expect(page.locator(`[data-slug="${SLL.slug}"]`)).toHaveCount(0);
  await page.goto(`/artworks/${SLL.slug}/trade`);
  await expect(page.getByTestId("sale-refusal")).toHaveAttribute("data-reason", "nothingToRedeem");
  await expect(panel(page).getByTestId("sale-redemptions")).toContainText("shares redeemed");
});

test("the statement lists the redemption's proceeds; the issuer sees no rounding dust to take back", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Alice's CSV statement: the redemption is a row with the HKD the sale paid for the shares it burned.
  const alice = await as(browser, "alice", "/portfolio");
  const csv = await (await alice.page.request.get("/portfolio/statement.csv")).text();
  const row = csv.split("\r\n").find((r) => r.startsWith("transaction,") && r.includes(",saleRedemption,"));
  expect(row, csv).toBeTruthy();
  const cells = row!.split(",");
  expect(cells[3]).toBe(SLL.title);
  expect(cells[8]).toBe("10.00"); // HK$4,000.00 ÷ 400 shares
  expect(Number(cells[9])).toBe(Number(cells[6]) * 10);
  await alice.page.context().close();
  // SLL's 400 shares divide its price exactly: every unit is reserved for a holder, nothing comes back to lumen.
  const { page, log } = await as(browser, "lumen", "/issuer");
  await page
    .getByRole("link", { name: new RegExp(SLL.title) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  await panelStatus(page, "approved");
  const sweep = panel(page).getByTestId("sale-sweep");
  await expect(sweep.getByTestId("sale-sweepable")).toHaveAttribute("data-amount", "0", { timeout: 30_000 });
  await expect(sweep.getByTestId("sale-sweepable")).toHaveText("HK$0.00");
  const button = sweep.getByRole("button", { name: "Take back the rounding dust" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/Nothing to take back: every base unit left is reserved/);
  expect(sends(log)).toBe(0);
  await expectNoAxeViolations(page, { label: "issuer sale panel after the sale" });
  await page.screenshot({ path: test.info().outputPath("issuer-sale-sweep.png"), fullPage: true });
  await page.context().close();
});

/** The payment token (HKD) from the deployments the stack wrote. */
async function hkdToken(): Promise<Address> {
  const { readFileSync } = await import("node:fs");
  const path = await import("node:path");
  const { E2E_DATA_DIR } = await import("./ports");
  return (
    JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as { paymentToken: Address }
  ).paymentToken;
}
