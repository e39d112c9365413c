import "server-only";

import { and, asc, desc, eq, gte, lte, or, sql } from "drizzle-orm";
import { cache } from "react";
import { getAddress, type Address } from "viem";
import { marketAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { indexerCursor, marketOrders, marketTrades } from "@/lib/db/schema";
import { DAY_MS, dayChange, type DayChange } from "./stats";

export type BookLevel = { price: bigint; shares: bigint; orders: number };
export type OpenOrder = {
  id: bigint;
  maker: Address;
  side: "ask" | "bid";
  price: bigint;
  size: bigint;
  remaining: bigint;
  /** When the order stops being fillable (null: placed before orders had an expiry). */
  expiresAt: Date | null;
  /** Shares the maker side can deliver now, and why not all (0 = all). */
  fillable: bigint;
  reasonCode: number;
  /** True when `fillable` was read from the chain at this block (else it is the indexed remaining size). */
  verified: boolean;
};
export type OrderBook = {
  asks: BookLevel[];
  bids: BookLevel[];
  orders: OpenOrder[];
  /** Open orders that cannot be filled now (shares moved or frozen, allowance withdrawn, …). */
  unfillable: number;
  bestAsk: OpenOrder | null;
  bestBid: OpenOrder | null;
  /** Where the list of open orders came from. */
  source: "indexer" | "chain";
};

const PAGE = 500n;

type Row = Omit<OpenOrder, "fillable" | "reasonCode" | "verified">;

/**
 * Open orders of the token from the indexer's `market_orders`, and the highest order id it has recorded (any
 * token). Null when the indexer has not run.
 */
async function readIndexedOrders(token: Address): Promise<{ rows: Row[]; lastId: bigint } | null> {
  const db = await getDb();
  const [cursor] = await db.select({ block: indexerCursor.blockNumber }).from(indexerCursor).limit(1);
  if (!cursor) return null;
  const [rows, [last]] = await Promise.all([
    db
      .select()
      .from(marketOrders)
      .where(and(eq(marketOrders.token, token.toLowerCase()), eq(marketOrders.status, "open"))),
    db.select({ id: sql<string | null>`max(${marketOrders.orderId})` }).from(marketOrders),
  ]);
  return {
    lastId: BigInt(last?.id ?? "0"),
    rows: rows.map((r) => {
      const size = BigInt(r.size);
      return {
        id: BigInt(r.orderId),
        maker: getAddress(r.maker),
        side: r.side,
        price: BigInt(r.price),
        size,
        remaining: size - BigInt(r.filled) - BigInt(r.cancelled),
        expiresAt: r.expiresAt,
      };
    }),
  };
}

/** Orders newer than the indexer's last one (placed in the last block or two), read from the chain. */
const TAIL_LIMIT = 200n;
async function readChainTail(token: Address, market: Address, lastId: bigint, blockNumber: bigint): Promise<Row[]> {
  const client = getPublicClient();
  const count = await client.readContract({ address: market, abi: marketAbi, functionName: "orderCount", blockNumber });
  const from = count - lastId > TAIL_LIMIT ? count - TAIL_LIMIT + 1n : lastId + 1n;
  const ids: bigint[] = [];
  for (let id = from; id <= count; id++) ids.push(id);
  const orders = await Promise.all(
    ids.map((id) =>
      client
        .readContract({ address: market, abi: marketAbi, functionName: "order", args: [id], blockNumber })
        .then((o) => ({ id, o })),
    ),
  );
  return orders
    .filter(({ o }) => o.token.toLowerCase() === token.toLowerCase() && o.remaining > 0n)
    .map(({ id, o }) => ({
      id,
      maker: o.maker,
      side: o.side === 0 ? ("ask" as const) : ("bid" as const),
      price: o.price,
      size: o.size,
      remaining: o.remaining,
      expiresAt: new Date(Number(o.expiresAt) * 1000),
    }));
}

/** Every open order of the token read from the chain's open-orders index (fallback without an indexer: O(open orders)). */
async function readChainOrders(token: Address, market: Address, blockNumber: bigint): Promise<Row[]> {
  const client = getPublicClient();
  const count = await client.readContract({
    address: market,
    abi: marketAbi,
    functionName: "openOrderCount",
    args: [token],
    blockNumber,
  });
  const ids: bigint[] = [];
  for (let offset = 0n; offset < count; offset += PAGE) {
    ids.push(
      ...(await client.readContract({
        address: market,
        abi: marketAbi,
        functionName: "openOrders",
        args: [token, offset, PAGE],
        blockNumber,
      })),
    );
  }
  return Promise.all(
    ids.map(async (id): Promise<Row> => {
      const o = await client.readContract({
        address: market,
        abi: marketAbi,
        functionName: "order",
        args: [id],
        blockNumber,
      });
      return {
        id,
        maker: o.maker,
        side: o.side === 0 ? "ask" : "bid",
        price: o.price,
        size: o.size,
        remaining: o.remaining,
        expiresAt: new Date(Number(o.expiresAt) * 1000),
      };
    }),
  );
}

const byBest = (side: "ask" | "bid") => (a: Row, b: Row) =>
  a.price === b.price ? (a.id < b.id ? -1 : 1) : (side === "ask" ? a.price < b.price : a.price > b.price) ? -1 : 1;

/**
 * The token's order book. Open orders come from the indexer's table (one query, however long the token's history);
 * every open order is checked against the chain (`fillable`, one multicall, cached per block) — closed ones the
 * indexer has not caught up with are dropped, orders that cannot fill (an ask no longer backed, an expired order)
 * count in no depth and no best price — and orders placed after the indexer's last recorded one are read from the
 * chain. Without an indexer the open orders are read from the chain's open-orders index.
 */
export const getOrderBook = cache(
  async ({ token, maker }: { token: Address; maker?: Address }): Promise<OrderBook | null> => {
    const market = getDeployments().market;
    if (!market) return null;
    const client = getPublicClient();
    const indexed = await readIndexedOrders(token);
    const source = indexed ? "indexer" : "chain";
    const me = maker?.toLowerCase();
    const orders = await readAtLatestBlock({
      key: `book:${token}:${source}:${me ?? ""}:${indexed ? `${indexed.lastId}:${indexed.rows.map((o) => `${o.id}/${o.remaining}`).join(",")}` : ""}`,
      read: async (blockNumber) => {
        // The indexer trails the chain by a block or so: orders placed since are read from the chain.
        const rows = indexed
          ? [...indexed.rows, ...(await readChainTail(token, market, indexed.lastId, blockNumber))]
          : await readChainOrders(token, market, blockNumber);
        const asks = rows.filter((o) => o.side === "ask").sort(byBest("ask"));
        const bids = rows.filter((o) => o.side === "bid").sort(byBest("bid"));
        // Every open order is checked (the chain keeps only open orders in its index, so this costs the open book):
        // an ask that can no longer deliver, or an expired order, is never shown as depth.
        const check = new Set(rows.map((o) => o.id));
        // Concurrent reads in one tick are folded into one multicall by the client.
        const fills = new Map(
          await Promise.all(
            [...check].map(
              async (id) =>
                [
                  id,
                  await client.readContract({
                    address: market,
                    abi: marketAbi,
                    functionName: "fillable",
                    args: [id],
                    blockNumber,
                  }),
                ] as const,
            ),
          ),
        );
        return [...asks, ...bids].flatMap((o): OpenOrder[] => {
          const f = fills.get(o.id);
          if (!f) return [{ ...o, fillable: o.remaining, reasonCode: 0, verified: false }];
          const [fillable, reasonCode] = f;
          if (reasonCode === FILL_ORDER_CLOSED) return []; // filled or cancelled since the indexer's last block
          return [{ ...o, fillable, reasonCode, verified: true }];
        });
      },
    });
    const level = (side: "ask" | "bid") => {
      const map = new Map<bigint, BookLevel>();
      for (const o of orders) {
        if (o.side !== side || o.fillable === 0n) continue;
        const l = map.get(o.price) ?? { price: o.price, shares: 0n, orders: 0 };
        l.shares += o.fillable;
        l.orders += 1;
        map.set(o.price, l);
      }
      return [...map.values()].sort((a, b) =>
        a.price === b.price ? 0 : (side === "ask" ? a.price < b.price : a.price > b.price) ? -1 : 1,
      );
    };
    const live = orders.filter((o) => o.fillable > 0n);
    const bestAsk = live.find((o) => o.side === "ask") ?? null;
    const bestBid = live.find((o) => o.side === "bid") ?? null;
    return {
      asks: level("ask"),
      bids: level("bid"),
      orders,
      unfillable: orders.length - live.length,
      bestAsk,
      bestBid,
      source,
    };
  },
);

/** Market code: the order was filled completely or cancelled (IMarket.sol FILL_ORDER_CLOSED). */
const FILL_ORDER_CLOSED = 32;

export type TradeRow = {
  id: number;
  txHash: string;
  tradedAt: Date;
  shares: bigint;
  price: bigint;
  side: "ask" | "bid";
  buyer: string;
  seller: string;
  fee: bigint;
};
export type MarketStats = {
  lastPrice: bigint | null;
  /** Change of the last price against the price 24 h ago (the last trade at or before then), or why there is none. */
  change24h: DayChange;
  volume24h: bigint;
  shares24h: bigint;
  trades: TradeRow[];
  /** Trades oldest first, for the chart. */
  series: { at: Date; price: bigint }[];
};

const toRow = (t: typeof marketTrades.$inferSelect): TradeRow => ({
  id: t.id,
  txHash: t.txHash,
  tradedAt: t.tradedAt,
  shares: BigInt(t.shares),
  price: BigInt(t.price),
  side: t.makerSide,
  buyer: t.buyer,
  seller: t.seller,
  fee: BigInt(t.fee),
});

/** Last price, 24 h change and volume, recent trades and the price series, from the indexer's tables. */
export const getMarketStats = cache(
  async ({ token, now = new Date() }: { token: Address; now?: Date }): Promise<MarketStats> => {
    const db = await getDb();
    const t = token.toLowerCase();
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const [recent, before, series, day] = await Promise.all([
      db
        .select()
        .from(marketTrades)
        .where(eq(marketTrades.token, t))
        .orderBy(desc(marketTrades.tradedAt), desc(marketTrades.id))
        .limit(20),
      // The price in force 24 h ago: the last trade at or before then (none when every trade is more recent).
      db
        .select({ price: marketTrades.price })
        .from(marketTrades)
        .where(and(eq(marketTrades.token, t), lte(marketTrades.tradedAt, dayAgo)))
        .orderBy(desc(marketTrades.tradedAt), desc(marketTrades.id))
        .limit(1),
      db
        .select({ at: marketTrades.tradedAt, price: marketTrades.price })
        .from(marketTrades)
        .where(eq(marketTrades.token, t))
        .orderBy(desc(marketTrades.tradedAt), desc(marketTrades.id))
        .limit(200),
      db
        .select({ shares: marketTrades.shares, price: marketTrades.price })
        .from(marketTrades)
        .where(and(eq(marketTrades.token, t), gte(marketTrades.tradedAt, dayAgo))),
    ]);
    const trades = recent.map(toRow);
    const lastPrice = trades[0]?.price ?? null;
    const change24h = dayChange({ last: lastPrice, reference: before[0] ? BigInt(before[0].price) : null });
    let volume24h = 0n;
    let shares24h = 0n;
    for (const d of day) {
      volume24h += BigInt(d.shares) * BigInt(d.price);
      shares24h += BigInt(d.shares);
    }
    return {
      lastPrice,
      change24h,
      volume24h,
      shares24h,
      trades,
      series: series.reverse().map((s) => ({ at: s.at, price: BigInt(s.price) })),
    };
  },
);

/** A wallet's trades, both sides, oldest first (for realised gains). */
export async function getTradesOf({ wallet }: { wallet: string }) {
  const db = await getDb();
  const w = wallet.toLowerCase();
  const rows = await db
    .select()
    .from(marketTrades)
    .where(or(eq(marketTrades.buyer, w), eq(marketTrades.seller, w)))
    .orderBy(asc(marketTrades.tradedAt), asc(marketTrades.id));
  return rows.map(toRow).map((r, i) => ({ ...r, token: rows[i]!.token }));
}

/** The last trade price of every token that has traded (lower-case token → price), from the indexer. */
export async function getLastTradePrices(): Promise<Map<string, bigint>> {
  const db = await getDb();
  const rows = await db
    .selectDistinctOn([marketTrades.token], { token: marketTrades.token, price: marketTrades.price })
    .from(marketTrades)
    .orderBy(marketTrades.token, desc(marketTrades.tradedAt), desc(marketTrades.id));
  return new Map(rows.map((r) => [r.token, BigInt(r.price)]));
}

/** Market contract address and fee, for the trade page. */
export async function getMarketConfig(): Promise<{ market: Address; feeBps: bigint } | null> {
  const market = getDeployments().market;
  if (!market) return null;
  const [, feeBps] = await readAtLatestBlock({
    key: "market:fee",
    read: (blockNumber) =>
      getPublicClient().readContract({ address: market, abi: marketAbi, functionName: "fee", blockNumber }),
  });
  return { market, feeBps };
}
