/**
 * The market's projection: `market_orders` and `market_trades`, rebuilt per order from its recorded events
 * (`chain_events`, reorg-safe and idempotent). Registered with the indexer in `lib/indexer/projections.ts`.
 * Plain module: the indexer runs it in the server or in the worker process.
 */
import { getAbiItem } from "viem";
import { gt, inArray, lt, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { marketAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { inJsonBatches } from "@/lib/db/rows";
import { artworks, chainEvents, marketOrders, marketTrades } from "@/lib/db/schema";
import { defineProjection, type IndexedEvent } from "@/lib/indexer/projection";
import { recordedEvents } from "@/lib/indexer/recorded";
import { emitOrderFill } from "@/lib/notifications";

/** Fills older than this when first indexed are history (a fresh index of an old chain): recorded, not notified. */
const NOTIFY_WITHIN_MS = 3 * 24 * 60 * 60_000;

const orderEvent = (name: "OrderPlaced" | "OrderFilled" | "OrderCancelled") => ({
  abi: getAbiItem({ abi: marketAbi, name }),
  from: "market" as const,
  orderId: true,
  ...(name === "OrderPlaced" ? { token: "arg" as const } : {}),
});

/** Rows per INSERT statement (of one JSON parameter whatever the number of rows). */
const ROWS = 5_000;

/** Orders refreshed per pass of `refreshOrders`. */
const ORDERS_PER_PASS = 10_000;

/**
 * `column` is one of `ids`, as one array parameter: a catch-up refreshes thousands of orders per batch, and an IN list
 * of as many parameters costs drizzle's builder, the driver and PostgreSQL's parser a node per id.
 */
const anyOrder = (column: AnyPgColumn, ids: readonly string[]) =>
  sql`${column} = ANY(${sql.param([...ids])}::numeric[])`;

const orderIdsOf = (events: readonly IndexedEvent[]) => [
  ...new Set(events.map((e) => e.orderId).filter((id): id is string => id !== null)),
];

/**
 * Recompute the projection of these orders from `chain_events` (which is reorg-safe and idempotent);
 * an order whose OrderPlaced event is gone is deleted, and its trades are rebuilt from its fills.
 */
export async function refreshOrders(tx: Database, orderIds: readonly string[], latest?: LatestEvents): Promise<void> {
  // A slice of orders per pass keeps each statement's parameters (one per order id) far below PostgreSQL's 65,535.
  for (let i = 0; i < orderIds.length; i += ORDERS_PER_PASS)
    await refreshOrderSlice(tx, orderIds.slice(i, i + ORDERS_PER_PASS), latest);
}

/** A live batch's order events: every one of its blocks, up to `through` (just recorded). */
type LatestEvents = { events: readonly IndexedEvent[]; through: bigint };

/**
 * The recorded events of these orders. `latest`: a live batch's own events are taken as they are, and only the
 * orders' events outside its blocks are read back from the record (a catch-up need not re-read what it just wrote).
 */
async function orderEvents(tx: Database, orderIds: readonly string[], latest?: LatestEvents) {
  const ids = anyOrder(chainEvents.orderId, orderIds);
  if (!latest?.events.length) return recordedEvents(tx, ids);
  const first = latest.events.reduce((m, e) => (e.blockNumber < m ? e.blockNumber : m), latest.through);
  const wanted = new Set(orderIds);
  const outside = or(lt(chainEvents.blockNumber, first), gt(chainEvents.blockNumber, latest.through));
  const others = await recordedEvents(tx, ids, outside);
  return [...others, ...latest.events.filter((e) => e.orderId !== null && wanted.has(e.orderId))];
}

async function refreshOrderSlice(tx: Database, orderIds: readonly string[], latest?: LatestEvents): Promise<void> {
  const events = await orderEvents(tx, orderIds, latest);
  const byOrder = new Map<string, typeof events>();
  for (const e of events) {
    const list = byOrder.get(e.orderId!) ?? [];
    list.push(e);
    byOrder.set(e.orderId!, list);
  }
  await tx.delete(marketTrades).where(anyOrder(marketTrades.orderId, orderIds));
  const orderRows: (typeof marketOrders.$inferInsert)[] = [];
  const tradeRows: (typeof marketTrades.$inferInsert)[] = [];
  const gone = orderIds.filter((id) => !byOrder.get(id)?.some((e) => e.eventName === "OrderPlaced"));
  if (gone.length) await tx.delete(marketOrders).where(anyOrder(marketOrders.orderId, gone));
  for (const [orderId, list] of byOrder) {
    const placed = list.find((e) => e.eventName === "OrderPlaced");
    if (!placed) continue;
    const side = Number(placed.args.side) === 0 ? "ask" : "bid";
    const maker = String(placed.args.maker);
    const token = String(placed.args.token);
    const size = BigInt(String(placed.args.shares));
    let filled = 0n;
    let cancelled = 0n;
    for (const e of list) {
      if (e.eventName === "OrderFilled") {
        const shares = BigInt(String(e.args.shares));
        filled += shares;
        const taker = String(e.args.taker);
        tradeRows.push({
          txHash: e.txHash,
          logIndex: e.logIndex,
          blockNumber: e.blockNumber,
          tradedAt: e.blockTime,
          orderId,
          token,
          makerSide: side,
          buyer: side === "ask" ? taker : maker,
          seller: side === "ask" ? maker : taker,
          shares: shares.toString(),
          price: String(e.args.price),
          fee: String(e.args.fee),
        });
      } else if (e.eventName === "OrderCancelled") {
        cancelled += BigInt(String(e.args.remaining));
      }
    }
    const status = filled + cancelled >= size ? (cancelled > 0n ? "cancelled" : "filled") : "open";
    orderRows.push({
      orderId,
      token,
      maker,
      side,
      price: String(placed.args.price),
      size: size.toString(),
      filled: filled.toString(),
      cancelled: cancelled.toString(),
      status,
      placedBlock: placed.blockNumber,
      placedTx: placed.txHash,
      placedAt: placed.blockTime,
      expiresAt: placed.args.expiresAt === undefined ? null : new Date(Number(placed.args.expiresAt) * 1000),
    });
  }
  // A catch-up refreshes thousands of orders per batch.
  await inJsonBatches(
    orderRows,
    ROWS,
    (r) => [
      r.orderId,
      r.token,
      r.maker,
      r.side,
      r.price,
      r.size,
      r.filled,
      r.cancelled,
      r.status,
      r.placedBlock.toString(),
      r.placedTx,
      r.placedAt.toISOString(),
      r.expiresAt?.toISOString() ?? null,
    ],
    (rows) =>
      tx.execute(sql`
      INSERT INTO ${marketOrders} (order_id, token, maker, side, price, size, filled, cancelled, status, placed_block,
        placed_tx, placed_at, expires_at)
      SELECT (r->>0)::numeric, r->>1, r->>2, r->>3, (r->>4)::numeric, (r->>5)::numeric, (r->>6)::numeric,
        (r->>7)::numeric, r->>8, (r->>9)::bigint, r->>10, (r->>11)::timestamptz, (r->>12)::timestamptz
      FROM jsonb_array_elements(${rows}::jsonb) AS r
      ON CONFLICT (order_id) DO UPDATE SET
        filled = excluded.filled, cancelled = excluded.cancelled, status = excluded.status`),
  );
  await inJsonBatches(
    tradeRows,
    ROWS,
    (r) => [
      r.txHash,
      r.logIndex,
      r.blockNumber.toString(),
      r.tradedAt.toISOString(),
      r.orderId,
      r.token,
      r.makerSide,
      r.buyer,
      r.seller,
      r.shares,
      r.price,
      r.fee,
    ],
    (rows) =>
      tx.execute(sql`
      INSERT INTO ${marketTrades} (tx_hash, log_index, block_number, traded_at, order_id, token, maker_side, buyer,
        seller, shares, price, fee)
      SELECT r->>0, (r->>1)::integer, (r->>2)::bigint, (r->>3)::timestamptz, (r->>4)::numeric, r->>5, r->>6, r->>7,
        r->>8, (r->>9)::numeric, (r->>10)::numeric, (r->>11)::numeric
      FROM jsonb_array_elements(${rows}::jsonb) AS r
      ON CONFLICT DO NOTHING`),
  );
}

/**
 * Tells each maker of a newly recorded fill (live blocks only: a backfill or rescan re-reads history). The shares
 * left after the fill come from the order's own events up to it. Idempotent: one notification per fill event.
 */
export async function notifyFills(tx: Database, events: readonly IndexedEvent[], now = new Date()): Promise<void> {
  const fills = events.filter(
    (e) =>
      e.eventName === "OrderFilled" && e.orderId !== null && now.getTime() - e.blockTime.getTime() < NOTIFY_WITHIN_MS,
  );
  if (fills.length === 0) return;
  const history = await recordedEvents(tx, anyOrder(chainEvents.orderId, [...new Set(fills.map((f) => f.orderId!))]));
  const tokens = [
    ...new Set(history.filter((e) => e.eventName === "OrderPlaced").map((e) => String(e.args.token).toLowerCase())),
  ];
  const listed = tokens.length
    ? await tx
        .select({ token: artworks.tokenAddress, slug: artworks.slug, title: artworks.title, titleZh: artworks.titleZh })
        .from(artworks)
        .where(inArray(artworks.tokenAddress, tokens))
    : [];
  for (const fill of fills) {
    const own = history.filter((e) => e.orderId === fill.orderId);
    const placed = own.find((e) => e.eventName === "OrderPlaced");
    if (!placed) continue;
    const upTo = own.filter(
      (e) => e.blockNumber < fill.blockNumber || (e.blockNumber === fill.blockNumber && e.logIndex <= fill.logIndex),
    );
    const used = upTo.reduce(
      (sum, e) =>
        sum +
        (e.eventName === "OrderFilled" ? BigInt(String(e.args.shares)) : 0n) +
        (e.eventName === "OrderCancelled" ? BigInt(String(e.args.remaining)) : 0n),
      0n,
    );
    const remaining = BigInt(String(placed.args.shares)) - used;
    const art = listed.find((a) => a.token === String(placed.args.token).toLowerCase());
    await emitOrderFill(tx, {
      txHash: fill.txHash,
      logIndex: fill.logIndex,
      maker: String(placed.args.maker),
      side: Number(placed.args.side) === 0 ? "ask" : "bid",
      shares: String(fill.args.shares),
      remaining: (remaining > 0n ? remaining : 0n).toString(),
      slug: art?.slug ?? null,
      title: art?.title ?? null,
      titleZh: art?.titleZh ?? null,
    });
  }
}

/** Orders and trades from the market's order events. Version 1: the projection as the indexer first built it. */
export const marketProjection = defineProjection({
  name: "market",
  version: 1,
  events: [orderEvent("OrderPlaced"), orderEvent("OrderFilled"), orderEvent("OrderCancelled")],
  // A rescan refreshes only the orders with a newly recorded event (the others were built from all of theirs).
  async apply(tx, batch) {
    // A live batch is the newest range: its own events need not be read back from the record.
    await refreshOrders(
      tx,
      orderIdsOf(batch.kind === "rescan" ? batch.inserted : batch.events),
      batch.kind === "live" ? { events: batch.events, through: batch.through } : undefined,
    );
    // Makers are told of fills as they happen (not when history is re-read).
    if (batch.kind === "live") await notifyFills(tx, batch.events);
  },
  async rollback(tx, ancestor, removed) {
    await tx.delete(marketTrades).where(gt(marketTrades.blockNumber, ancestor));
    await refreshOrders(tx, orderIdsOf(removed));
  },
});
