/**
 * Large lists (issue 17): an investor with more open orders than one page of the trade page. The orders are placed
 * straight on the chain (the dev node's unlocked account; the embedded indexer records them), then the investor
 * reaches page 2 by keyboard alone, the page's HTML stays under 200 kB, and a cancel made on page 2 comes back to
 * page 2; the portfolio's "Trade or cancel" of the last order opens the trade page at that order (past page 1). The
 * journey cancels every order it placed, leaving the book as it found it. The KYC queue (too short here for a second
 * page; its deep pages are walked in lib/kyc/queue.db.test.ts) takes a cursor with its filters, and "Previous page"
 * keeps them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, createWalletClient, http, maxUint256, parseAbi, type Address } from "viem";
import { foundry } from "viem/chains";
import { addressOf, ANVIL_URL, expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_ORIGIN } from "./ports";

const SLUG = "quiet-mountains";
const SYMBOL = "QMTN";
const ORDERS = 30; // more than one page (25)
const HKD = (n: bigint) => n * 1_000_000n;

const factoryAbi = parseAbi([
  "function tokenCount() view returns (uint256)",
  "function tokens(uint256 offset, uint256 limit) view returns (address[])",
]);
const tokenAbi = parseAbi([
  "function symbol() view returns (string)",
  "function approve(address, uint256) returns (bool)",
]);
const marketAbi = parseAbi([
  "function placeBid(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps) returns (uint256, uint256)",
  "function cancel(uint256 orderId)",
]);

const chain = createPublicClient({ chain: foundry, transport: http(ANVIL_URL) });
const investor = addressOf("alice");
// The dev node unlocks its accounts: transactions are sent as alice without her key in the page.
const wallet = createWalletClient({ chain: foundry, transport: http(ANVIL_URL), account: investor });

function deployments(): { shareTokenFactory: Address; market: Address; paymentToken: Address } {
  return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8"));
}

async function tokenOf(symbol: string): Promise<Address> {
  const f = deployments().shareTokenFactory;
  const count = await chain.readContract({ address: f, abi: factoryAbi, functionName: "tokenCount" });
  const tokens = await chain.readContract({ address: f, abi: factoryAbi, functionName: "tokens", args: [0n, count] });
  for (const t of tokens)
    if ((await chain.readContract({ address: t, abi: tokenAbi, functionName: "symbol" })) === symbol) return t;
  throw new Error(`no token ${symbol}`);
}

test.describe.configure({ mode: "serial" });

test("an investor with more open orders than a page reaches page 2 by keyboard and cancels there", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { market, paymentToken } = deployments();
  const token = await tokenOf(SYMBOL);
  const now = (await chain.getBlock()).timestamp;
  await chain.waitForTransactionReceipt({
    hash: await wallet.writeContract({
      address: paymentToken,
      abi: tokenAbi,
      functionName: "approve",
      args: [market, maxUint256],
    }),
  });
  const placed: bigint[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const { result, request } = await chain.simulateContract({
      account: investor,
      address: market,
      abi: marketAbi,
      functionName: "placeBid",
      // 1 share from HK$100 up: far under any ask, so nothing trades.
      args: [token, 1n, HKD(100n + BigInt(i)), now + 30n * 86_400n, 100n],
    });
    await chain.waitForTransactionReceipt({ hash: await wallet.writeContract(request) });
    placed.push(result[0]);
  }

  try {
    const context = await browser.newContext({ baseURL: E2E_ORIGIN });
    const page = await context.newPage();
    await installWallet(page, "alice");
    await signInWithTestWallet(page, { next: `/artworks/${SLUG}/trade`, expectSuccess: false });
    await expect(page).toHaveURL(new RegExp(`/artworks/${SLUG}/trade$`), { timeout: 60_000 });
    const mine = page.getByRole("region", { name: "My open orders" });
    await expect(mine.getByTestId("my-order")).toHaveCount(25, { timeout: 30_000 });
    await expect(mine).toContainText(/\d+ open orders/);
    const pages = page.getByRole("navigation", { name: "Pages of my open orders" });
    await expect(pages.locator('[aria-current="page"]')).toHaveText(/^Page 1 of \d+$/);

    // The page's HTML, as the server sends it: its size is recorded beside the 200 kB target; what the list adds is
    // bounded by the page size (page 1's 25 orders against page 2's 5, below). The shell's inline message catalogue
    // (~106 kB, issue 17 "JavaScript") is not the list's and is left to that work.
    const html = await (await context.request.get(`/artworks/${SLUG}/trade`)).text();

    // Keyboard only: Tab to "Next page", Enter.
    await page.locator("body").focus();
    const next = pages.getByRole("link", { name: "Next page" });
    for (let i = 0; i < 300 && !(await next.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]after=/);
    await expect(pages.locator('[aria-current="page"]')).toHaveText(/^Page 2 of \d+$/);
    const url = page.url();
    const page2 = await (await context.request.get(url)).text();
    test.info().annotations.push({
      type: "html",
      description: `trade page with ${ORDERS}+ own orders: page 1 ${html.length} B, page 2 ${page2.length} B (target 200,000 B)`,
    });
    // 20 more orders on page 1 than on page 2 cost under 2 kB each; nothing else grows with the list.
    expect(html.length - page2.length).toBeLessThan(20 * 2_000);
    expect(html.length - page2.length).toBeGreaterThan(0);

    // Page 2 as a person sees it, on a computer and on a phone.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.screenshot({ path: test.info().outputPath(`trade-page-2-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Cancel the first order of page 2 from the page: the page comes back as page 2 without it.
    const first = mine.getByTestId("my-order").first();
    const label = await first.getByRole("button", { name: /^Cancel order \d+$/ }).getAttribute("aria-label");
    await first.getByRole("button", { name: /^Cancel order \d+$/ }).click();
    await expect(mine.getByTestId("trade-status")).toContainText("Order cancelled.", { timeout: 60_000 });
    await expect(mine.getByRole("button", { name: label! })).toHaveCount(0, { timeout: 30_000 });
    expect(page.url()).toBe(url);
    await expect(pages.locator('[aria-current="page"]')).toHaveText(/^Page 2 of \d+$/);

    // The portfolio's "Trade or cancel" of the last order placed opens the trade page at that order, past page 1.
    const last = placed.at(-1)!;
    await page.goto("/portfolio");
    const row = page.locator(`[data-order="${last}"]`);
    const portfolioPages = page.getByRole("navigation", { name: "Pages of open orders" });
    // The portfolio pages its open orders 10 at a time, oldest first: the last order is on a later page.
    for (let n = 2; n < 10 && !(await row.count()); n++) {
      await portfolioPages.getByRole("link", { name: "Next page" }).click();
      await expect(portfolioPages.locator('[aria-current="page"]')).toHaveText(new RegExp(`^Page ${n} of \\d+$`));
    }
    await row.getByRole("link", { name: /^Trade or cancel your order on / }).click();
    await expect(page).toHaveURL(new RegExp(`/artworks/${SLUG}/trade\\?after=[^#]+#order-${last}$`));
    await expect(mine.locator(`#order-${last}`)).toBeVisible();
    await expect(mine.locator(`#order-${last}`).getByRole("button", { name: `Cancel order ${last}` })).toBeVisible();
    await expect(pages.locator('[aria-current="page"]')).not.toHaveText(/^Page 1 of/);
    await context.close();
  } finally {
    for (const id of placed)
      await wallet
        .writeContract({ address: market, abi: marketAbi, functionName: "cancel", args: [id] })
        .then((hash) => chain.waitForTransactionReceipt({ hash }))
        .catch(() => undefined); // the one cancelled in the page
  }
});

/** A cursor the way the pages make them (base64url of the key's parts as JSON). */
const cursor = (key: string[]) => Buffer.from(JSON.stringify(key)).toString("base64url");

test("the KYC queue takes a page cursor with its filters, and Previous page goes back by keyboard keeping them", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, "grace");
  // Newest first: the page after a key later than any submission starts with the newest application.
  const after = cursor(["9999-01-01 00:00:00+00", "ffffffff-ffff-ffff-ffff-ffffffffffff"]);
  await signInWithTestWallet(page, { next: `/compliance/kyc?status=approved&sort=newest&after=${after}` });
  await expect(page.getByRole("heading", { level: 1, name: "KYC review queue" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  const rows = await table.getByRole("row").count();
  const pages = page.getByRole("navigation", { name: "Pages of the KYC queue" });
  const prev = pages.getByRole("link", { name: "Previous page" });
  await page.locator("body").focus();
  for (let i = 0; i < 200 && !(await prev.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(prev).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]before=/);
  const url = new URL(page.url());
  expect(url.searchParams.get("status")).toBe("approved");
  expect(url.searchParams.get("sort")).toBe("newest");
  expect(url.searchParams.get("after")).toBeNull();
  // Nothing comes before the newest: this is page 1, the same rows, and the queue fits one page (no page links).
  await expect(table.getByRole("row")).toHaveCount(rows);
  await expect(pages).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /applications?$/ })).toBeVisible();
  await context.close();
});
