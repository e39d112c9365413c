/**
 * Section 5: render time of the trading page (signed in) and of the artwork page's market section with 1,000 open
 * orders (the book is read from the indexer's market_orders table, brought up to date while the app is stopped).
 */
import { createPublicClient, http, type Address } from "viem";
import { syncToHead } from "../../../lib/indexer/projections";
import { fmt, kB, log, printTable } from "../lib";
import { ALICE, MARKET_SLUG, measurePage, MEI, placeOpenOrders, sessionCookie } from "../market";
import { startWeb, stopWeb, withDatabase, type Stack } from "../stack";
import { ports, settings, summary, type OrderbookRow } from "./context";

export const OPEN_ORDERS = 1_000;

/** The trading page (signed in as `viewers`) and the public artwork page, with the book as it stands. */
async function measureBook(
  stack: Stack,
  book: string,
  viewers: { name: string; address: Address }[],
): Promise<OrderbookRow[]> {
  const pages: { page: string; path: string; cookie?: string }[] = [];
  for (const v of viewers)
    pages.push({
      page: `trade page (${v.name})`,
      path: `/artworks/${MARKET_SLUG}/trade`,
      cookie: await sessionCookie(stack, v.address),
    });
  pages.push({ page: "artwork page (visitor)", path: `/artworks/${MARKET_SLUG}` });
  const rows: OrderbookRow[] = [];
  for (const p of pages) {
    log(
      `measuring ${p.path} as ${p.page} (${book}): 1 warm-up + ${settings.renders} cold + ${settings.renders} warm renders`,
    );
    const r = await measurePage(stack, p.path, { renders: settings.renders, cookie: p.cookie });
    if (r.status !== 200)
      summary.errors.push({ section: "orderbook", message: `${p.page} ${p.path} answered ${r.status}, not 200` });
    rows.push({ ...r, book, page: p.page });
  }
  return rows;
}

function printOrderbook() {
  const rows = summary.orderbook?.rows ?? [];
  printTable(
    `Trading page /artworks/${MARKET_SLUG}/trade and artwork page /artworks/${MARKET_SLUG} with the order book (median ms; cold = new block, so no cached chain reads)`,
    [
      "order book",
      "page",
      "status",
      "cold ms",
      "warm ms",
      "cold eth_call",
      "cold JSON-RPC calls",
      "warm calls",
      "cold RPC bytes",
      "HTML",
    ],
    rows.map((r) => [
      r.book,
      r.page,
      r.status,
      fmt(r.coldMs),
      fmt(r.warmMs),
      fmt(r.coldEthCall),
      fmt(r.coldCalls),
      fmt(r.warmCalls),
      fmt(r.rpcBytes),
      kB(r.htmlBytes),
    ]),
  );
  // Issue 17, large lists: a wallet's own open orders are paged, so its trade page stays light however many it has.
  const own = rows.find((r) => r.page.includes("own bids"));
  if (own)
    console.log(
      `  Open orders page (${own.page}): HTML ${kB(own.htmlBytes)} — target ≤ 200 kB: ${own.htmlBytes <= 200 * 1024 ? "met" : "NOT met"}`,
    );
}

/**
 * The bench app runs with INDEXER_MODE=off (so every RPC call counted belongs to a render): bring the
 * indexer's tables up to the chain head while the app is stopped (PGlite allows one process), as the
 * embedded indexer would have done.
 */
export async function indexBenchDatabase(stack: Stack): Promise<void> {
  await stopWeb(stack);
  const s = stack;
  const r = await withDatabase(s.env, (db) =>
    syncToHead({
      db,
      client: createPublicClient({ transport: http(s.chain.url, { timeout: 120_000 }) }),
      contracts: s.deployment,
      confirmations: 0,
    }),
  );
  log(`indexer caught up to block ${r.cursor} (${r.inserted} new events)`);
  await startWeb(stack, ports.web);
}

export async function runOrderbook(stack: Stack): Promise<void> {
  summary.orderbook = { rows: [] };
  await indexBenchDatabase(stack);
  summary.orderbook.rows.push(
    ...(await measureBook(stack, "seeded (2 open orders)", [{ name: "alice, no own orders", address: ALICE }])),
  );
  log(`placing ${OPEN_ORDERS} open orders (automine off, batched)…`);
  const placed = await placeOpenOrders(stack, OPEN_ORDERS);
  log(`placed ${placed.asks} asks and ${placed.bids} bids in ${placed.seconds.toFixed(1)} s`);
  summary.orderbook.placed = placed;
  await indexBenchDatabase(stack);
  summary.orderbook.rows.push(
    ...(await measureBook(stack, `+${OPEN_ORDERS} open orders`, [
      { name: "alice, no own orders", address: ALICE },
      { name: `mei, ${OPEN_ORDERS / 2} own bids`, address: MEI },
    ])),
  );
  printOrderbook();
}
