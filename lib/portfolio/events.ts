import "server-only";

import { and, eq, inArray, lte, or } from "drizzle-orm";
import { getAddress, type Address, type Hex } from "viem";
import { artworkShareTokenAbi, marketAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { decodeArgs } from "@/lib/chain/event-args";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { getDb, schema } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { getIndexerLag } from "@/lib/indexer/indexer";
import { argIn, recordedEvents } from "@/lib/indexer/recorded";

/*
 * The chain events a portfolio is built from — the investor's primary purchases, share transfers and market orders
 * placed and cancelled — read from the indexer's table up to its cursor and from the chain for the blocks after it.
 * Without an indexer, everything comes from the chain. Only ever called with the caller's own wallets.
 */

type EventBase = { transactionHash: Hex; logIndex: number; blockNumber: bigint };

export type Purchase = EventBase & { args: { id?: bigint; buyer?: Address; shares?: bigint; cost?: bigint } };
export type ShareTransfer = EventBase & { args: { from?: Address; to?: Address; value?: bigint }; address: Address };
/** A market order one of the wallets placed (`side` 0 = ask, 1 = bid, as IMarket.Side). */
export type OrderPlaced = EventBase & {
  orderId: bigint;
  maker: Address;
  token: Address;
  side: number;
  shares: bigint;
  price: bigint;
};
/** The cancellation of one of those orders: `remaining` shares withdrawn, by `canceller`, for `reason` (IMarket FILL_*). */
export type OrderCancelled = EventBase & { orderId: bigint; remaining: bigint; canceller: Address; reason: number };

export type PortfolioEvents = {
  purchases: Purchase[];
  transfers: ShareTransfer[];
  placed: OrderPlaced[];
  cancelled: OrderCancelled[];
  /** Block times the indexer recorded (the rest are read from the chain by the caller). */
  times: Map<bigint, Date>;
};

const LOG_CHUNK = 50_000n;

function chunks(from: bigint, to: bigint): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (let start = from; start <= to; start += LOG_CHUNK)
    out.push([start, start + LOG_CHUNK - 1n > to ? to : start + LOG_CHUNK - 1n]);
  return out;
}

const blockTimes = new Map<bigint, Date>();
/** A block's time from the chain, cached (blocks after the indexer's cursor). */
export async function blockTime(blockNumber: bigint): Promise<Date> {
  const hit = blockTimes.get(blockNumber);
  if (hit) return hit;
  const block = await getPublicClient().getBlock({ blockNumber });
  const at = new Date(Number(block.timestamp) * 1000);
  if (blockTimes.size > 10_000) blockTimes.clear();
  blockTimes.set(blockNumber, at);
  return at;
}

const baseOf = (log: { transactionHash: Hex; logIndex: number; blockNumber: bigint }): EventBase => ({
  transactionHash: log.transactionHash,
  logIndex: log.logIndex,
  blockNumber: log.blockNumber,
});

/*
 * An order's events from either source: viem's decoded log args (bigints, checksummed addresses) or the indexer's
 * stored args (decimal strings, lowercase addresses) read alike.
 */
export const orderPlacedOf = (base: EventBase, a: Record<string, unknown>): OrderPlaced => ({
  ...base,
  ...decodeArgs(a, {
    orderId: "bigint",
    maker: "address",
    token: "address",
    side: "number",
    shares: "bigint",
    price: "bigint",
  }),
});
export const orderCancelledOf = (base: EventBase, a: Record<string, unknown>): OrderCancelled => ({
  ...base,
  ...decodeArgs(a, { orderId: "bigint", remaining: "bigint", canceller: "address", reason: "number" }),
});

/** The events of the wallets in a block range, straight from the chain (chunked getLogs). */
async function readEventsFromChain({
  wallets,
  tokens,
  fromBlock,
  toBlock,
  knownOrderIds,
}: {
  wallets: Address[];
  tokens: Address[];
  fromBlock: bigint;
  toBlock: bigint;
  /** Orders of the wallets placed before `fromBlock`, whose cancellations may fall in the range. */
  knownOrderIds: ReadonlySet<bigint>;
}): Promise<Omit<PortfolioEvents, "times">> {
  if (fromBlock > toBlock) return { purchases: [], transfers: [], placed: [], cancelled: [] };
  const client = getPublicClient();
  const d = getDeployments();
  const market = d.market;
  const perRange = await Promise.all(
    chunks(fromBlock, toBlock).map(async ([from, to]) => {
      const range = { fromBlock: from, toBlock: to };
      /** The share tokens' transfers out of (`from`) or into (`to`) the wallets. */
      const transfers = (args: { from: Address[] } | { to: Address[] }) =>
        tokens.length
          ? client.getContractEvents({
              address: tokens,
              abi: artworkShareTokenAbi,
              eventName: "Transfer",
              args,
              ...range,
            })
          : [];
      const [purchases, outs, ins, placed, cancelled] = await Promise.all([
        client.getContractEvents({
          address: d.primaryOffering,
          abi: primaryOfferingAbi,
          eventName: "SharesPurchased",
          args: { buyer: wallets },
          ...range,
        }),
        transfers({ from: wallets }),
        transfers({ to: wallets }),
        market
          ? client.getContractEvents({
              address: market,
              abi: marketAbi,
              eventName: "OrderPlaced",
              args: { maker: wallets },
              ...range,
            })
          : [],
        // Cancellations are matched to the wallets' orders below: the event names the order, not its maker.
        market
          ? client.getContractEvents({ address: market, abi: marketAbi, eventName: "OrderCancelled", ...range })
          : [],
      ]);
      return { purchases, outs, ins, placed, cancelled };
    }),
  );
  const placed = perRange.flatMap((r) => r.placed).map((e) => orderPlacedOf(baseOf(e), e.args));
  const own = new Set([...knownOrderIds, ...placed.map((p) => p.orderId)]);
  return {
    purchases: perRange.flatMap((r) => r.purchases) as Purchase[],
    transfers: [...perRange.flatMap((r) => r.outs), ...perRange.flatMap((r) => r.ins)] as ShareTransfer[],
    placed,
    cancelled: perRange
      .flatMap((r) => r.cancelled)
      .filter((e) => own.has(e.args.orderId!))
      .map((e) => orderCancelledOf(baseOf(e), e.args)),
  };
}

/**
 * The wallets' events from the indexer's table up to its cursor (one query, with block times), then from the chain
 * only for the blocks the indexer has not recorded yet.
 */
export async function readPortfolioEvents({
  wallets,
  tokens,
  toBlock,
}: {
  wallets: Address[];
  tokens: Address[];
  toBlock: bigint;
}): Promise<PortfolioEvents> {
  const d = getDeployments();
  const db = await getDb();
  const { cursor } = getServerEnv().indexerMode === "off" ? { cursor: null } : await getIndexerLag(db, toBlock);
  const indexedTo = cursor !== null && cursor >= d.startBlock ? (cursor < toBlock ? cursor : toBlock) : null;
  const times = new Map<bigint, Date>();
  const purchases: Purchase[] = [];
  const transfers: ShareTransfer[] = [];
  const placed: OrderPlaced[] = [];
  const cancelled: OrderCancelled[] = [];
  if (indexedTo !== null) {
    const own = wallets.map((w) => w.toLowerCase());
    const tokenList = tokens.map((t) => t.toLowerCase());
    const market = d.market?.toLowerCase();
    const ev = schema.chainEvents;
    const placedByOwn = and(eq(ev.eventName, "OrderPlaced"), eq(ev.contract, market ?? ""), argIn("maker", own));
    const ownOrderIds = db.select({ orderId: ev.orderId }).from(ev).where(placedByOwn);
    const rows = await recordedEvents(
      db,
      lte(ev.blockNumber, indexedTo),
      or(
        and(eq(ev.eventName, "SharesPurchased"), eq(ev.contract, d.primaryOffering.toLowerCase()), argIn("buyer", own)),
        tokenList.length
          ? and(eq(ev.eventName, "Transfer"), inArray(ev.contract, tokenList), or(argIn("from", own), argIn("to", own)))
          : undefined,
        market ? placedByOwn : undefined,
        market
          ? and(eq(ev.eventName, "OrderCancelled"), eq(ev.contract, market), inArray(ev.orderId, ownOrderIds))
          : undefined,
      ),
    );
    for (const r of rows) {
      times.set(r.blockNumber, r.blockTime);
      const base = { transactionHash: r.txHash as Hex, logIndex: r.logIndex, blockNumber: r.blockNumber };
      const a = r.args;
      if (r.eventName === "SharesPurchased") {
        purchases.push({
          ...base,
          args: decodeArgs(a, { id: "bigint", buyer: "address", shares: "bigint", cost: "bigint" }),
        });
      } else if (r.eventName === "Transfer") {
        transfers.push({
          ...base,
          address: getAddress(r.contract),
          args: decodeArgs(a, { from: "address", to: "address", value: "bigint" }),
        });
      } else if (r.eventName === "OrderPlaced") {
        placed.push(orderPlacedOf(base, a));
      } else {
        cancelled.push(orderCancelledOf(base, a));
      }
    }
  }
  const tail = await readEventsFromChain({
    wallets,
    tokens,
    fromBlock: indexedTo === null ? d.startBlock : indexedTo + 1n,
    toBlock,
    knownOrderIds: new Set(placed.map((p) => p.orderId)),
  });
  return {
    purchases: [...purchases, ...tail.purchases],
    transfers: [...transfers, ...tail.transfers],
    placed: [...placed, ...tail.placed],
    cancelled: [...cancelled, ...tail.cancelled],
    times,
  };
}
