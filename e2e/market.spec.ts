/**
 * Secondary market (issue 6): two verified investors trade through the order book on Quiet Mountains (no
 * lock-up, any country) — an ask taken in full, a partial fill, cancels (an ask; a bid whose HKD escrow comes
 * back), a sale into a standing bid — and both see their balances and portfolios change. Ineligible parties (expired KYC buying, shares in
 * lock-up selling) are stopped with the reason in words before any signature.
 *
 * Seed state used (scripts/seed/data.ts): david's ask 15 @ HK$5,350 and priya's bid 8 @ HK$4,900 on Quiet
 * Mountains; mei holds 110 Quiet Mountains and 40 Harbour at Dusk (locked 30 days); alice holds 25 Quiet Mountains.
 * Earlier specs (alphabetical order): compliance freezes and unfreezes mei on Quiet Mountains, freezes 50 of david's
 * and moves 20 of them to alice; investor buys in other offerings. Journeys here run in order and leave the book as
 * the next one expects: after the sale into priya's bid, Quiet Mountains has no bid left.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Address, type Hex } from "viem";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, installWallet, rpc, test, type DemoKey, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_ORIGIN } from "./ports";

const erc20 = parseAbi(["function balanceOf(address) view returns (uint256)"]);

/** HKD of an investor's wallet in base units (6 decimals), read from the chain itself, not from a page. */
async function hkdOnChain(key: DemoKey): Promise<bigint> {
  const { paymentToken } = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    paymentToken: Address;
  };
  const data = encodeFunctionData({ abi: erc20, functionName: "balanceOf", args: [addressOf(key)] });
  const out = await rpc<Hex>("eth_call", [{ to: paymentToken, data }, "latest"]);
  return decodeFunctionResult({ abi: erc20, functionName: "balanceOf", data: out });
}

/** "HK$15,678.99" → 15,678.99 HKD in base units (6 decimals), exactly. */
const baseUnits = (text: string) => BigInt(text.replace(/[^\d]/g, "")) * 10_000n;

const SLUG = "quiet-mountains";
const TITLE = "Quiet Mountains";
const SIGNING = ["eth_sendTransaction", "eth_signTypedData_v4", "eth_signTypedData", "personal_sign", "eth_sign"];
const signingRequests = (log: WalletLog, from = 0) => log.slice(from).filter((r) => SIGNING.includes(r.method));

type Investor = { page: Page; log: WalletLog };

/** A signed-in investor in a browser context of their own, on the trade page of `slug`. */
async function openTrade(browser: Browser, key: DemoKey, slug = SLUG): Promise<Investor> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, key);
  // The page object waits 30 s for the redirect; a cold or busy server may need longer.
  await signInWithTestWallet(page, { next: `/artworks/${slug}/trade`, expectSuccess: false });
  await expect(page).toHaveURL(new RegExp(`/artworks/${slug}/trade$`), { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: /Trade shares/ })).toBeVisible();
  await connectIfAsked(page);
  return { page, log };
}

/**
 * After a full page load the test wallet (like a wallet that did not keep the site's permission) may not
 * reconnect: the trade form then offers "Connect wallet". Connects when asked, until the form has read the
 * investor's state from the chain.
 */
async function connectIfAsked(page: Page) {
  const connect = page.getByRole("button", { name: "Connect wallet" });
  await expect(async () => {
    if (await connect.isVisible()) {
      await connect.click();
      const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
      await dialog.getByRole("button", { name: /Test Wallet/ }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(page.locator('[data-check="kyc"]')).not.toHaveAttribute("data-state", "unknown", { timeout: 5_000 });
    await expect(connect).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 45_000 });
}

const money = (text: string) => Number(text.replace(/[^\d.-]/g, ""));

/** Shares of `title` and HKD cash, as the investor's portfolio page shows them. */
async function portfolioOf(page: Page, title = TITLE): Promise<{ shares: number; hkd: number }> {
  await page.goto("/portfolio");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const row = page.getByRole("table", { name: "Holdings" }).getByRole("row", { name: new RegExp(title) });
  const shares = (await row.count())
    ? Number((await row.locator('[data-col="shares"]').innerText()).replace(/[^\d]/g, ""))
    : 0;
  const hkd = money(await page.getByTestId("portfolio-hkd").innerText());
  return { shares, hkd };
}

async function gotoTrade(page: Page, slug = SLUG) {
  await page.goto(`/artworks/${slug}/trade`);
  await expect(page.getByRole("heading", { level: 1, name: /Trade shares/ })).toBeVisible();
  await connectIfAsked(page);
}

/**
 * Opens the trade page with "take the best offer" and expects the best offer another investor's confirmed
 * transaction just made: the server has caught up with that block, so no reload is needed.
 */
async function takeBestOffer(page: Page, order: { side: "Buy" | "Sell"; mode: "take"; shares: number }, best: string) {
  await gotoTrade(page);
  await fillOrder(page, order);
  await expect(page.getByTestId("best-offer")).toHaveText(best);
}

type CheckId = "order" | "kyc" | "token" | "funds" | "price";

function check(page: Page, id: CheckId) {
  return page.locator(`[data-check="${id}"]`);
}

async function fillOrder(
  page: Page,
  { side, mode, shares, price }: { side: "Buy" | "Sell"; mode: "limit" | "take"; shares: number; price?: string },
) {
  await page.getByRole("radio", { name: side, exact: true }).check();
  await page.getByRole("radio", { name: mode === "limit" ? "Place a limit order" : "Take the best offer" }).check();
  const sharesInput = page.getByLabel("Number of shares");
  await sharesInput.fill(String(shares));
  if (price !== undefined) {
    const priceInput = page.getByLabel(/price per share/i);
    await priceInput.fill(price);
  }
}

async function expectAllChecksPass(page: Page, ids: CheckId[]) {
  for (const id of ids) await expect(check(page, id)).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
}

function tradeStatus(page: Page) {
  return page.getByRole("form", { name: "New order" }).getByTestId("trade-status");
}

function myOrders(page: Page) {
  return page.getByRole("region", { name: "My open orders" });
}

test.describe("secondary market", () => {
  // The journeys build on each other's order book (best offers): in order; two investors and several
  // transactions each take longer than the default on a busy machine.
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  test("mei places an ask, alice takes it: shares and HKD move, both portfolios change", async ({ browser }) => {
    const mei = await openTrade(browser, "mei");
    const alice = await openTrade(browser, "alice");
    const meiBefore = await portfolioOf(mei.page);
    const aliceBefore = await portfolioOf(alice.page);

    // Mei: a limit sell below david's HK$5,350, so it becomes the best offer.
    await gotoTrade(mei.page);
    await fillOrder(mei.page, { side: "Sell", mode: "limit", shares: 4, price: "5100" });
    await expectAllChecksPass(mei.page, ["kyc", "token", "funds"]);
    await expect(check(mei.page, "funds")).toContainText("shares free to sell");
    await mei.page.getByRole("button", { name: "Place sell order" }).click();
    const meiStatus = tradeStatus(mei.page);
    await expect(meiStatus).toContainText("Your order is in the book.", { timeout: 45_000 });
    await expect(meiStatus.getByTestId("tx-hash")).toHaveText(/^0x[0-9a-f]{64}$/);
    // Approve the market for the shares, then place: two transactions, no typed-data signature.
    expect(mei.log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(2);
    await expect(myOrders(mei.page).getByTestId("my-order")).toHaveCount(1);
    await expect(myOrders(mei.page).getByTestId("my-order")).toContainText("Remaining: 4");
    await expect(myOrders(mei.page).getByTestId("my-order")).toContainText("HK$5,100.00");

    // Alice: takes the best offer (mei's), paying the value and the 0.5 % taker fee.
    await takeBestOffer(alice.page, { side: "Buy", mode: "take", shares: 4 }, "Best offer: 4 shares at HK$5,100.00");
    await expectAllChecksPass(alice.page, ["kyc", "token", "funds", "price"]);
    await expect(alice.page.getByTestId("trade-total")).toHaveText("HK$20,502.00");
    await alice.page.getByRole("button", { name: "Take the offer" }).click();
    await expect(tradeStatus(alice.page)).toContainText("Trade done: 4 shares.", { timeout: 45_000 });

    // Confirmed means the server has caught up with the trade: both portfolios show it on the next load.
    const aliceAfter = await portfolioOf(alice.page);
    expect(aliceAfter.shares).toBe(aliceBefore.shares + 4);
    expect(aliceAfter.hkd).toBeCloseTo(aliceBefore.hkd - 20_502, 2);
    const meiAfter = await portfolioOf(mei.page);
    expect(meiAfter.shares).toBe(meiBefore.shares - 4);
    expect(meiAfter.hkd).toBeCloseTo(meiBefore.hkd + 20_400, 2);

    // The order is gone from mei's open orders; the artwork page shows the trade as the last price.
    await gotoTrade(mei.page);
    await expect(myOrders(mei.page).getByTestId("my-order")).toHaveCount(0);
    await expect(myOrders(mei.page)).toContainText("You have no open orders for this artwork.");
    // The artwork page's market section reads the indexer's tables, which the confirmation waited for.
    await alice.page.goto(`/artworks/${SLUG}`);
    await expect(alice.page.getByTestId("last-price")).toHaveText("HK$5,100.00");
    // Mei's sale realised a gain over her average cost; alice's holding is valued at the last trade price.
    await mei.page.goto("/portfolio");
    await expect(mei.page.getByTestId("portfolio-realised")).toHaveText(/^\+HK\$[\d,]+\.\d\d$/);
    await alice.page.goto("/portfolio");
    const aliceRow = alice.page.getByRole("table", { name: "Holdings" }).getByRole("row", { name: new RegExp(TITLE) });
    await expect(aliceRow.locator('[data-col="price"]')).toContainText("HK$5,100.00");
    await expect(aliceRow.locator('[data-col="price"]')).toContainText("last trade");
    await expect(
      alice.page
        .getByRole("table", { name: "Transaction history" })
        .getByRole("row", { name: /Bought on market.*Quiet Mountains/ })
        .first(),
    ).toContainText("HK$20,502.00");
  });

  test("a partial fill leaves the rest of the ask open, and mei cancels it", async ({ browser }) => {
    const mei = await openTrade(browser, "mei");
    const alice = await openTrade(browser, "alice");

    await fillOrder(mei.page, { side: "Sell", mode: "limit", shares: 10, price: "5150" });
    await expectAllChecksPass(mei.page, ["kyc", "token", "funds"]);
    await mei.page.getByRole("button", { name: "Place sell order" }).click();
    await expect(tradeStatus(mei.page)).toContainText("Your order is in the book.", { timeout: 45_000 });

    await takeBestOffer(alice.page, { side: "Buy", mode: "take", shares: 3 }, "Best offer: 10 shares at HK$5,150.00");
    await expectAllChecksPass(alice.page, ["kyc", "token", "funds", "price"]);
    await alice.page.getByRole("button", { name: "Take the offer" }).click();
    await expect(tradeStatus(alice.page)).toContainText("Trade done: 3 shares.", { timeout: 45_000 });
    await takeBestOffer(alice.page, { side: "Buy", mode: "take", shares: 1 }, "Best offer: 7 shares at HK$5,150.00");

    // Mei's portfolio lists the open order, with the rest of its size, and leads to the trade page to cancel it.
    await mei.page.goto("/portfolio");
    const row = mei.page.getByRole("table", { name: "Open orders" }).getByRole("row", { name: /Quiet Mountains/ });
    await expect(row.locator('[data-col="remaining"]')).toHaveText("7 of 10");
    await mei.page.getByRole("link", { name: "Trade or cancel your order on Quiet Mountains" }).click();
    // At the page of mei's own orders that starts with this one (issue 17), scrolled to it.
    await expect(mei.page).toHaveURL(new RegExp(`/artworks/${SLUG}/trade\\?after=[^#]+#order-\\d+$`));
    await connectIfAsked(mei.page);
    const order = myOrders(mei.page).getByTestId("my-order");
    await expect(order).toHaveCount(1);
    await expect(order).toContainText("Remaining: 7");
    const before = signingRequests(mei.log).length;
    await order.getByRole("button", { name: /^Cancel order \d+$/ }).click();
    await expect(myOrders(mei.page).getByTestId("trade-status")).toContainText("Order cancelled.", { timeout: 45_000 });
    // The cancel, then lowering the market's share allowance (7 left from the 10 approved) to what mei's other open
    // asks need: none, so no needless permission stays behind.
    await expect(myOrders(mei.page).getByTestId("trade-status")).toContainText(
      "The market's permission to move your shares was lowered to what your remaining sell orders need (0 shares).",
    );
    expect(signingRequests(mei.log).length).toBe(before + 2);
    await expect(myOrders(mei.page).getByTestId("my-order")).toHaveCount(0);
    // The book is back to david's HK$5,350 as the best offer.
    await takeBestOffer(alice.page, { side: "Buy", mode: "take", shares: 1 }, "Best offer: 15 shares at HK$5,350.00");
  });

  test("a second ask keeps the first deliverable, and the buyer pays exactly the total shown", async ({ browser }) => {
    const mei = await openTrade(browser, "mei");
    const alice = await openTrade(browser, "alice");

    // Mei: 3 shares at HK$5,200.33, then 2 at HK$5,250. The second approval covers both asks (5 shares), not only
    // the new one: before, the market was allowed 3 and the 2-share ask was placed without a new approval, so after
    // the 3 filled, the 2 could not be delivered.
    await fillOrder(mei.page, { side: "Sell", mode: "limit", shares: 3, price: "5200.33" });
    await expectAllChecksPass(mei.page, ["kyc", "token", "funds"]);
    await mei.page.getByRole("button", { name: "Place sell order" }).click();
    await expect(tradeStatus(mei.page)).toContainText("Your order is in the book.", { timeout: 45_000 });
    await gotoTrade(mei.page);
    await fillOrder(mei.page, { side: "Sell", mode: "limit", shares: 2, price: "5250" });
    await expectAllChecksPass(mei.page, ["kyc", "token", "funds"]);
    await expect(
      mei.page.getByText(
        "Your wallet will ask you first to allow the market to move 5 shares (this order and your other open sell orders on this artwork)",
      ),
    ).toBeVisible();
    await mei.page.getByRole("button", { name: "Place sell order" }).click();
    await expect(tradeStatus(mei.page)).toContainText("Your order is in the book.", { timeout: 45_000 });
    await expect(myOrders(mei.page).getByTestId("my-order")).toHaveCount(2);
    await expect(myOrders(mei.page)).not.toContainText("Cannot fill now");

    // Alice takes the 3: 3 × HK$5,200.33 = HK$15,600.99, fee 0.5 % = HK$78.00495 → HK$78.00 (rounded down to the
    // cent, in the taker's favour). The chain takes exactly the total the form showed.
    await takeBestOffer(alice.page, { side: "Buy", mode: "take", shares: 3 }, "Best offer: 3 shares at HK$5,200.33");
    await expectAllChecksPass(alice.page, ["kyc", "token", "funds", "price"]);
    const total = alice.page.getByTestId("trade-total");
    await expect(total).toHaveText("HK$15,678.99");
    const before = await hkdOnChain("alice");
    await alice.page.getByRole("button", { name: "Take the offer" }).click();
    await expect(tradeStatus(alice.page)).toContainText("Trade done: 3 shares.", { timeout: 45_000 });
    expect(before - (await hkdOnChain("alice"))).toBe(baseUnits("HK$15,678.99"));

    // Mei's second ask is still deliverable: it is now the best offer, and alice takes it too.
    await takeBestOffer(alice.page, { side: "Buy", mode: "take", shares: 2 }, "Best offer: 2 shares at HK$5,250.00");
    await expectAllChecksPass(alice.page, ["kyc", "token", "funds", "price"]);
    await alice.page.getByRole("button", { name: "Take the offer" }).click();
    await expect(tradeStatus(alice.page)).toContainText("Trade done: 2 shares.", { timeout: 45_000 });
    await gotoTrade(mei.page);
    await expect(myOrders(mei.page).getByTestId("my-order")).toHaveCount(0);
  });

  test("a bid escrows HKD, and cancelling it refunds the escrow", async ({ browser }) => {
    const alice = await openTrade(browser, "alice");
    const before = await portfolioOf(alice.page);
    await gotoTrade(alice.page);
    await fillOrder(alice.page, { side: "Buy", mode: "limit", shares: 2, price: "4950" });
    await expectAllChecksPass(alice.page, ["kyc", "token", "funds"]);
    await expect(alice.page.getByTestId("trade-total")).toHaveText("HK$9,900.00");
    await alice.page.getByRole("button", { name: "Place buy order" }).click();
    await expect(tradeStatus(alice.page)).toContainText("Your order is in the book.", { timeout: 45_000 });
    await expect(myOrders(alice.page).getByTestId("my-order")).toContainText("Remaining: 2");

    expect((await portfolioOf(alice.page)).hkd).toBeCloseTo(before.hkd - 9_900, 2);
    // The portfolio says where the money is: held by the market for the open bid, not gone.
    await expect(alice.page.getByTestId("portfolio-held")).toHaveText(
      "plus HK$9,900.00 held by the market for your open bids (returned if you cancel them)",
    );
    // The history says so too: the newest row is the bid, its shares unsigned (none moved), its HKD held.
    const history = alice.page.getByRole("table", { name: "Transaction history" });
    const newest = history.getByRole("row").nth(1);
    await expect(newest).toContainText("Buy order placed");
    await expect(newest).toContainText("Quiet Mountains");
    await expect(newest.getByRole("cell").nth(3)).toHaveText(/^2\s*at HK\$4,950\.00 each$/);
    await expect(newest.getByRole("cell").nth(4)).toHaveText(/^HK\$9,900\.00\s*held by the market$/);

    await gotoTrade(alice.page);
    await myOrders(alice.page)
      .getByTestId("my-order")
      .getByRole("button", { name: /^Cancel order \d+$/ })
      .click();
    await expect(myOrders(alice.page).getByTestId("trade-status")).toContainText("Order cancelled.", {
      timeout: 45_000,
    });
    await expect(myOrders(alice.page).getByTestId("my-order")).toHaveCount(0);
    expect((await portfolioOf(alice.page)).hkd).toBeCloseTo(before.hkd, 2);
    expect((await portfolioOf(alice.page)).shares).toBe(before.shares);
    await expect(alice.page.getByTestId("portfolio-held")).toHaveCount(0);
    // The cancellation is the newest row, above the bid it cancelled; the escrow came back.
    const rows = alice.page.getByRole("table", { name: "Transaction history" }).getByRole("row");
    await expect(rows.nth(1)).toContainText("Buy order cancelled");
    await expect(rows.nth(1).getByRole("cell").nth(3)).toHaveText(/^2\s*at HK\$4,950\.00 each$/);
    await expect(rows.nth(1).getByRole("cell").nth(4)).toHaveText(/^HK\$9,900\.00\s*returned to you$/);
    await expect(rows.nth(2)).toContainText("Buy order placed");
  });

  test("mei's sell limit below priya's bid trades against it on-chain at the bid's price, told before signing; the book is not crossed and both portfolios change", async ({
    browser,
  }) => {
    const mei = await openTrade(browser, "mei");
    const priya = await openTrade(browser, "priya");
    const meiBefore = await portfolioOf(mei.page);
    const priyaBefore = await portfolioOf(priya.page);
    // Priya's seeded bid is waiting, its HKD held by the market.
    const bid = priya.page.getByRole("table", { name: "Open orders" }).getByRole("row", { name: /Quiet Mountains/ });
    await expect(bid.locator('[data-col="remaining"]')).toHaveText("8 of 8");

    // Mei enters a limit sell of 10 at HK$4,800, below priya's bid of 8 at HK$4,900. The market matches it on-chain:
    // before signing, the form says what will trade now (at the bid's price, with the taker fee) and what rests.
    await gotoTrade(mei.page);
    await fillOrder(mei.page, { side: "Sell", mode: "limit", shares: 10, price: "4800" });
    const preview = mei.page.getByTestId("match-preview");
    await expect(preview).toContainText(
      "Trades 8 shares now at HK$4,900.00 a share with orders already in the book: HK$39,200.00, platform fee HK$196.00.",
    );
    await expect(preview).toContainText("The rest (2 shares) rests as a sell order at HK$4,800.00 a share.");
    // The order check says the same (not that all 10 wait in the book).
    await expect(check(mei.page, "order")).toContainText(
      "Sells 8 shares now to bids already in the book; the other 2 stay in the book as an offer to sell at HK$4,800.00 each",
    );
    await expectNoAxeViolations(mei.page, { label: "trade form with a crossing limit order" });

    // Taking the bid instead says why a price is refused and how many will fill, before any wallet prompt.
    await mei.page.getByRole("radio", { name: "Take the best offer" }).check();
    // Mei wants to sell 10; the best bid is priya's 8 at HK$4,900.
    await expect(mei.page.getByTestId("best-offer")).toHaveText("Best offer: 8 shares at HK$4,900.00");
    const take = mei.page.getByRole("button", { name: "Take the offer" });
    const minPrice = mei.page.getByLabel("Lowest price per share I accept (HK$)");
    // A minimum above the bid: refused in words, before any wallet prompt.
    await minPrice.fill("5000");
    await expect(check(mei.page, "price")).toHaveAttribute("data-state", "failed");
    await expect(check(mei.page, "price")).toContainText(
      "The best bid is HK$4,900.00 a share, below your lowest price of HK$5,000.00.",
    );
    await expect(take).toBeDisabled();
    // No minimum at all: the same.
    await minPrice.fill("");
    await expect(check(mei.page, "order")).toHaveAttribute("data-state", "failed");
    await expect(check(mei.page, "order")).toContainText("Enter the lowest price per share you accept.");
    await expect(take).toBeDisabled();
    // Blocked: the form does not announce an approval the wallet will not be asked for (issue 11 item 22).
    await expect(mei.page.getByText("Your wallet will ask you first")).toHaveCount(0);
    await minPrice.fill("4900");
    await expect(check(mei.page, "order")).toHaveText(
      /Only 8 shares are bid for at the best price; you will sell 8, not 10\./,
    );
    await expect(mei.page.getByTestId("trade-total")).toHaveText("HK$39,004.00");

    // Back to the limit sell at HK$4,800: it is placed, trades 8 against the bid and rests the other 2.
    await fillOrder(mei.page, { side: "Sell", mode: "limit", shares: 10, price: "4800" });
    await expect(preview).toContainText("Trades 8 shares now");
    await expectAllChecksPass(mei.page, ["order", "kyc", "token", "funds"]);
    // 8 × HK$4,900 less the fee, and 2 × HK$4,800 if the rest is bought later.
    await expect(mei.page.getByTestId("trade-total")).toHaveText("HK$48,604.00");
    await mei.page.getByRole("button", { name: "Place sell order" }).click();
    await expect(tradeStatus(mei.page)).toContainText(
      "Trade done: 8 shares; the rest (2 shares) is in the book as your order.",
      { timeout: 45_000 },
    );
    // The book is not crossed: no bid is left, mei's 2 at HK$4,800 are the best offer.
    await gotoTrade(mei.page);
    await expect(mei.page.getByTestId("spread")).toHaveText("— / HK$4,800.00");
    await expect(mei.page.getByTestId("market-section")).toContainText("Nobody is bidding right now.");
    // Mei cancels the rest, so the next journeys find the book as before (david's asks only).
    const rest = myOrders(mei.page).getByTestId("my-order");
    await expect(rest).toHaveCount(1);
    await expect(rest).toContainText("Remaining: 2");
    await rest.getByRole("button", { name: /^Cancel order \d+$/ }).click();
    await expect(myOrders(mei.page).getByTestId("trade-status")).toContainText("Order cancelled.", {
      timeout: 45_000,
    });
    await expect(myOrders(mei.page).getByTestId("my-order")).toHaveCount(0);

    // Mei: 8 shares fewer, 8 × HK$4,900 less the 0.5 % taker fee more.
    const meiAfter = await portfolioOf(mei.page);
    expect(meiAfter.shares).toBe(meiBefore.shares - 8);
    expect(meiAfter.hkd).toBeCloseTo(meiBefore.hkd + 39_004, 2);
    // Priya: paid from the bid's escrow, so 8 shares more, the same cash, and no open order.
    const priyaAfter = await portfolioOf(priya.page);
    expect(priyaAfter.shares).toBe(priyaBefore.shares + 8);
    expect(priyaAfter.hkd).toBeCloseTo(priyaBefore.hkd, 2);
    await expect(priya.page.getByRole("region", { name: "Open orders" })).not.toContainText("Quiet Mountains");

    // The artwork page: a sale into a bid at HK$4,900 is the last price, and no bid is left.
    await priya.page.goto(`/artworks/${SLUG}`);
    const market = priya.page.getByTestId("market-section");
    await expect(priya.page.getByTestId("last-price")).toHaveText("HK$4,900.00");
    await expect(market.getByRole("row", { name: /Seller took an offer to buy/ }).first()).toContainText(
      "HK$39,200.00",
    );
    await expect(market).toContainText("Nobody is bidding right now.");
  });

  test("an investor whose KYC expired is stopped with the reason before any signature", async ({ browser }) => {
    const kenji = await openTrade(browser, "kenji");
    const afterSignIn = kenji.log.length;
    await fillOrder(kenji.page, { side: "Buy", mode: "take", shares: 2 });
    await expect(check(kenji.page, "kyc")).toHaveAttribute("data-state", "failed");
    await expect(check(kenji.page, "kyc")).toContainText(/Your KYC expired on .+\. Renew it before trading\./);
    await expect(check(kenji.page, "token")).toHaveAttribute("data-state", "failed");
    await expect(check(kenji.page, "token")).toContainText(
      "You are not verified to hold this token, or your KYC has expired.",
    );
    await expect(kenji.page.getByRole("alert").filter({ hasText: "You cannot place this order" })).toBeVisible();
    const submit = kenji.page.getByRole("button", { name: "Take the offer" });
    await expect(submit).toBeDisabled();
    await submit.click({ force: true });
    // A limit bid is refused the same way.
    await fillOrder(kenji.page, { side: "Buy", mode: "limit", shares: 1, price: "4000" });
    await expect(check(kenji.page, "kyc")).toHaveAttribute("data-state", "failed");
    await expect(kenji.page.getByRole("button", { name: "Place buy order" })).toBeDisabled();
    expect(signingRequests(kenji.log, afterSignIn)).toEqual([]);
  });

  test("a seller whose shares are in lock-up is told so before any signature", async ({ browser }) => {
    // david bought Harbour at Dusk in its offering (30-day lock-up); mei's holding there moves in the compliance journey.
    const seller = await openTrade(browser, "david", "harbour-at-dusk-no-3");
    const afterSignIn = seller.log.length;
    await fillOrder(seller.page, { side: "Sell", mode: "limit", shares: 5, price: "1100" });
    await expect(check(seller.page, "kyc")).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
    // The token check applies the seller's own rules only (not "is the receiver verified").
    await expect(check(seller.page, "token")).toHaveAttribute("data-state", "ok");
    await expect(check(seller.page, "funds")).toHaveAttribute("data-state", "failed");
    await expect(check(seller.page, "funds")).toContainText(
      "Some of your shares are locked up or frozen: only 0 are free to sell.",
    );
    await expect(seller.page.getByRole("button", { name: "Place sell order" })).toBeDisabled();
    expect(signingRequests(seller.log, afterSignIn)).toEqual([]);
  });
});
