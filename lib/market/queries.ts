import "server-only";

import { and, asc, desc, eq, gte, lt, or } from "drizzle-orm";
import { cache } from "react";
import type { Address } from "viem";
import { marketAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { marketOrders, marketTrades } from "@/lib/db/schema";

export type BookLevel = { price: bigint; shares: bigint; orders: number };
export type OpenOrder = {
  id: bigint;
  maker: Address;
  side: "ask" | "bid";
  price: bigint;
  size: bigint;
  remaining: bigint;
  /** Shares the maker side can deliver now, and why not all (0 = all). */
  fillable: bigint;
  reasonCode: number;
};
export type OrderBook = {
  asks: BookLevel[];
  bids: BookLevel[];
  orders: OpenOrder[];
  /** Open orders that cannot be filled now (shares moved or frozen, allowance withdrawn, …). */
  unfillable: number;
  bestAsk: OpenOrder | null;
  bestBid: OpenOrder | null;
};

const PAGE = 500n;

/** The token's open orders read from the chain (the source of truth), aggregated by price. */
export const getOrderBook = cache(async ({ token }: { token: Address }): Promise<OrderBook | null> => {
  const market = getDeployments().market;
  if (!market) return null;
  const client = getPublicClient();
  const orders = await readAtLatestBlock({
    key: `book:${token}`,
    read: async (blockNumber) => {
      const count = await client.readContract({ address: market, abi: marketAbi, functionName: "tokenOrderCount", args: [token], blockNumber });
      const ids: bigint[] = [];
      for (let offset = 0n; offset < count; offset += PAGE) {
        ids.push(...(await client.readContract({ address: market, abi: marketAbi, functionName: "openOrders", args: [token, offset, PAGE], blockNumber })));
      }
      // Concurrent reads in one tick are folded into one multicall by the client.
      return Promise.all(
        ids.map(async (id): Promise<OpenOrder> => {
          const [o, [fillable, reasonCode]] = await Promise.all([
            client.readContract({ address: market, abi: marketAbi, functionName: "order", args: [id], blockNumber }),
            client.readContract({ address: market, abi: marketAbi, functionName: "fillable", args: [id], blockNumber }),
          ]);
          return { id, maker: o.maker, side: o.side === 0 ? "ask" : "bid", price: o.price, size: o.size, remaining: o.remaining, fillable, reasonCode };
        }),
      );
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
    return [...map.values()].sort((a, b) => (side === "ask" ? Number(a.price - b.price) : Number(b.price - a.price)));
  };
  const live = orders.filter((o) => o.fillable > 0n);
  const bestAsk = live.filter((o) => o.side === "ask").sort((a, b) => Number(a.price - b.price) || Number(a.id - b.id))[0] ?? null;
  const bestBid = live.filter((o) => o.side === "bid").sort((a, b) => Number(b.price - a.price) || Number(a.id - b.id))[0] ?? null;
  return { asks: level("ask"), bids: level("bid"), orders, unfillable: orders.length - live.length, bestAsk, bestBid };
});

export type TradeRow = { id: number; txHash: string; tradedAt: Date; shares: bigint; price: bigint; side: "ask" | "bid"; buyer: string; seller: string; fee: bigint };
export type MarketStats = {
  lastPrice: bigint | null;
  /** Change of the last price against the last price 24 h ago, in basis points (null without a reference). */
  change24hBps: number | null;
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
export const getMarketStats = cache(async ({ token, now = new Date() }: { token: Address; now?: Date }): Promise<MarketStats> => {
  const db = await getDb();
  const t = token.toLowerCase();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [recent, before, series] = await Promise.all([
    db.select().from(marketTrades).where(eq(marketTrades.token, t)).orderBy(desc(marketTrades.tradedAt), desc(marketTrades.id)).limit(20),
    db.select().from(marketTrades).where(and(eq(marketTrades.token, t), lt(marketTrades.tradedAt, dayAgo))).orderBy(desc(marketTrades.tradedAt), desc(marketTrades.id)).limit(1),
    db.select({ at: marketTrades.tradedAt, price: marketTrades.price }).from(marketTrades).where(eq(marketTrades.token, t)).orderBy(desc(marketTrades.tradedAt), desc(marketTrades.id)).limit(200),
  ]);
  const day = await db.select().from(marketTrades).where(and(eq(marketTrades.token, t), gte(marketTrades.tradedAt, dayAgo)));
  const trades = recent.map(toRow);
  const lastPrice = trades[0]?.price ?? null;
  const ref = before[0] ? BigInt(before[0].price) : series.length > 1 ? BigInt(series[series.length - 1]!.price) : null;
  const change24hBps = lastPrice !== null && ref !== null && ref > 0n ? Number(((lastPrice - ref) * 10_000n) / ref) : null;
  let volume24h = 0n;
  let shares24h = 0n;
  for (const d of day) {
    volume24h += BigInt(d.shares) * BigInt(d.price);
    shares24h += BigInt(d.shares);
  }
  return {
    lastPrice,
    change24hBps,
    volume24h,
    shares24h,
    trades,
    series: series.reverse().map((s) => ({ at: s.at, price: BigInt(s.price) })),
  };
});

/** A wallet's open orders (all tokens or one), from the indexer. */
export async function getOpenOrdersOf({ maker, token }: { maker: string; token?: string }) {
  const db = await getDb();
  const where = token
    ? and(eq(marketOrders.maker, maker.toLowerCase()), eq(marketOrders.status, "open"), eq(marketOrders.token, token.toLowerCase()))
    : and(eq(marketOrders.maker, maker.toLowerCase()), eq(marketOrders.status, "open"));
  return db.select().from(marketOrders).where(where).orderBy(asc(marketOrders.placedAt));
}

/** A wallet's trades, both sides, oldest first (for realised gains). */
export async function getTradesOf({ wallet }: { wallet: string }) {
  const db = await getDb();
  const w = wallet.toLowerCase();
  const rows = await db.select().from(marketTrades).where(or(eq(marketTrades.buyer, w), eq(marketTrades.seller, w))).orderBy(asc(marketTrades.tradedAt), asc(marketTrades.id));
  return rows.map(toRow).map((r, i) => ({ ...r, token: rows[i]!.token }));
}

/** Market contract address and fee, for the trade page. */
export async function getMarketConfig(): Promise<{ market: Address; feeBps: bigint } | null> {
  const market = getDeployments().market;
  if (!market) return null;
  const [, feeBps] = await readAtLatestBlock({
    key: "market:fee",
    read: (blockNumber) => getPublicClient().readContract({ address: market, abi: marketAbi, functionName: "fee", blockNumber }),
  });
  return { market, feeBps };
}
