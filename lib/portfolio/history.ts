import "server-only";

/**
 * An investor's history and ledger from the chain's events, in chain order: primary purchases, share transfers
 * (market fills carry the trade's price) and market orders placed and cancelled (`queries.ts`).
 */
import { getAddress, zeroAddress, type Address } from "viem";
import type { getTradesOf } from "@/lib/market";
import type { DistributionKind } from "@/lib/distributions";
import { FillCode } from "@/lib/market/client";
import type { DistributionPayment } from "./distribution-events";
import type { OrderCancelled, PortfolioEvents, ShareTransfer } from "./events";
import { type LedgerEvent, tradeAmounts } from "./math";
import type { CancelledBecause, HistoryEntry } from "./types";

export type MarketTrades = Awaited<ReturnType<typeof getTradesOf>>;

/** One history row before its artwork and time are known, with what it changes in the ledger (orders: nothing). */
export type RawEntry = {
  blockNumber: bigint;
  logIndex: number;
  entry: Omit<HistoryEntry, "at" | "slug" | "title" | "titleZh" | "token">;
  token: string;
  ledger: LedgerEvent | null;
};

function purchaseEntries(events: PortfolioEvents, tokenOfOffering: Map<string, Address>): RawEntry[] {
  return events.purchases.flatMap((p) => {
    const token = tokenOfOffering.get(p.args.id!.toString());
    if (!token) return [];
    return [
      {
        blockNumber: p.blockNumber,
        logIndex: p.logIndex,
        token,
        ledger: { kind: "purchase", token, shares: p.args.shares!, cost: p.args.cost! },
        entry: {
          kind: "purchase",
          wallet: getAddress(p.args.buyer!),
          shares: p.args.shares!,
          amount: p.args.cost!,
          counterparty: null,
          order: null,
          txHash: p.transactionHash,
          blockNumber: p.blockNumber,
          logIndex: p.logIndex,
        },
      },
    ];
  });
}

const amountsOf = (fill: MarketTrades[number], side: "buyer" | "seller") =>
  tradeAmounts({ shares: fill.shares, price: fill.price, fee: fill.fee, side, makerSide: fill.side });

/** What a share transfer is to the investor, or null when it is none of theirs to show. */
function transferEntry(
  t: ShareTransfer,
  own: ReadonlySet<string>,
  purchaseTxs: ReadonlySet<string>,
  takeFill: (txHash: string, token: string, from: string, to: string) => MarketTrades[number] | undefined,
): RawEntry | null {
  const from = t.args.from!;
  const to = t.args.to!;
  const value = t.args.value!;
  let fill: MarketTrades[number] | undefined;
  const fromOwn = own.has(from.toLowerCase());
  const toOwn = own.has(to.toLowerCase());
  const row = (
    ledger: LedgerEvent,
    entry: Pick<RawEntry["entry"], "kind" | "wallet" | "counterparty"> & { amount?: bigint; fee?: bigint },
  ): RawEntry => ({
    blockNumber: t.blockNumber,
    logIndex: t.logIndex,
    token: t.address,
    ledger,
    entry: {
      shares: value,
      amount: null,
      order: null,
      txHash: t.transactionHash,
      blockNumber: t.blockNumber,
      logIndex: t.logIndex,
      ...entry,
    },
  });
  const moved = (kind: "transferIn" | "transferOut") => ({ kind, token: t.address, shares: value }) as const;
  if (from === zeroAddress) {
    if (purchaseTxs.has(t.transactionHash)) return null; // the purchase event already records this mint
    return row(moved("transferIn"), { kind: "allocation", wallet: getAddress(to), counterparty: null });
  }
  if (to === zeroAddress) {
    return row(moved("transferOut"), { kind: "redemption", wallet: getAddress(from), counterparty: null });
  }
  if (fromOwn && toOwn) return null; // between the investor's own wallets
  if (toOwn && (fill = takeFill(t.transactionHash, t.address, from, to))) {
    const { cost, fee } = amountsOf(fill, "buyer");
    return row(
      { kind: "marketBuy", token: t.address, shares: value, cost: cost! },
      { amount: cost!, fee, kind: "marketBuy", wallet: getAddress(to), counterparty: getAddress(from) },
    );
  }
  if (fromOwn && (fill = takeFill(t.transactionHash, t.address, from, to))) {
    const { proceeds, fee } = amountsOf(fill, "seller");
    return row(
      { kind: "marketSell", token: t.address, shares: value, proceeds: proceeds! },
      { amount: proceeds!, fee, kind: "marketSell", wallet: getAddress(from), counterparty: getAddress(to) },
    );
  }
  if (toOwn) {
    return row(moved("transferIn"), { kind: "transferIn", wallet: getAddress(to), counterparty: getAddress(from) });
  }
  return row(moved("transferOut"), { kind: "transferOut", wallet: getAddress(from), counterparty: getAddress(to) });
}

function transferEntries(events: PortfolioEvents, own: ReadonlySet<string>, trades: MarketTrades): RawEntry[] {
  const purchaseTxs = new Set<string>(events.purchases.map((p) => p.transactionHash));
  // Share transfers that are market fills (same transaction, token, seller and buyer) carry the trade's price.
  const fillKey = (txHash: string, token: string, from: string, to: string) =>
    `${txHash.toLowerCase()}:${token.toLowerCase()}:${from.toLowerCase()}:${to.toLowerCase()}`;
  const fills = new Map<string, MarketTrades>();
  for (const tr of trades) {
    const key = fillKey(tr.txHash, tr.token, tr.seller, tr.buyer);
    fills.set(key, [...(fills.get(key) ?? []), tr]);
  }
  const takeFill = (txHash: string, token: string, from: string, to: string) =>
    fills.get(fillKey(txHash, token, from, to))?.shift();
  const seenLogs = new Set<string>();
  const out: RawEntry[] = [];
  for (const t of events.transfers) {
    const id = `${t.transactionHash}:${t.logIndex}`;
    if (seenLogs.has(id)) continue;
    seenLogs.add(id);
    const entry = transferEntry(t, own, purchaseTxs, takeFill);
    if (entry) out.push(entry);
  }
  return out;
}

/** Why an order was cancelled, from the investor's side. */
function cancelledBecause(c: OrderCancelled, own: ReadonlySet<string>): CancelledBecause {
  if (c.reason === FillCode.Ok && own.has(c.canceller.toLowerCase())) return "own";
  if (c.reason === FillCode.OrderExpired) return "expired";
  if (c.reason === FillCode.WalletRecovered) return "recovered";
  return "other";
}

// Market orders the wallets placed and their cancellations: no shares or HKD change hands (a bid's HKD moves into
// the market's escrow and back), so they carry no ledger event; fills appear as the market buys and sells.
function orderEntries(events: PortfolioEvents, own: ReadonlySet<string>): RawEntry[] {
  const placedById = new Map(events.placed.map((o) => [o.orderId, o]));
  const placed = events.placed.map((o): RawEntry => ({
    blockNumber: o.blockNumber,
    logIndex: o.logIndex,
    token: o.token,
    ledger: null,
    entry: {
      kind: o.side === 1 ? "bidPlaced" : "askPlaced",
      wallet: o.maker,
      shares: o.shares,
      amount: o.side === 1 ? o.shares * o.price : null,
      counterparty: null,
      order: { id: o.orderId.toString(), price: o.price, because: null },
      txHash: o.transactionHash,
      blockNumber: o.blockNumber,
      logIndex: o.logIndex,
    },
  }));
  const cancelled = events.cancelled.flatMap((c): RawEntry[] => {
    const o = placedById.get(c.orderId);
    if (!o) return [];
    const bid = o.side === 1;
    const because = cancelledBecause(c, own);
    return [
      {
        blockNumber: c.blockNumber,
        logIndex: c.logIndex,
        token: o.token,
        ledger: null,
        entry: {
          kind: bid ? "bidCancelled" : "askCancelled",
          wallet: o.maker,
          shares: c.remaining,
          amount: bid ? c.remaining * o.price : null,
          counterparty: because === "own" ? null : c.canceller,
          order: { id: c.orderId.toString(), price: o.price, because },
          txHash: c.transactionHash,
          blockNumber: c.blockNumber,
          logIndex: c.logIndex,
        },
      },
    ];
  });
  return [...placed, ...cancelled];
}

/**
 * Distribution payments to the wallets: HKD in, no shares, nothing for the cost basis (the HKD balance is read from
 * the chain). A payment of a distribution the portal has no record of shows under the distributor's address.
 */
export function distributionEntries(
  payments: readonly DistributionPayment[],
  infoOf: ReadonlyMap<string, { token: Address; kind: DistributionKind }>,
  distributor: Address | undefined,
): RawEntry[] {
  return payments.map((p) => {
    const info = infoOf.get(p.onChainId.toString());
    return {
      blockNumber: p.blockNumber,
      logIndex: p.logIndex,
      token: info?.token ?? distributor ?? zeroAddress,
      ledger: null,
      entry: {
        kind: "distributionReceived",
        wallet: p.payee,
        shares: 0n,
        amount: p.amount,
        // A claim of a wallet recovered to this one names the wallet that held at the record block.
        counterparty: getAddress(p.holder) === getAddress(p.payee) ? null : p.holder,
        order: null,
        distributionKind: info?.kind ?? null,
        txHash: p.transactionHash,
        blockNumber: p.blockNumber,
        logIndex: p.logIndex,
      },
    };
  });
}

/** The investor's history rows with their ledger events, in chain order. */
export function rawHistory({
  events,
  tokenOfOffering,
  own,
  trades,
  distributions = [],
}: {
  events: PortfolioEvents;
  tokenOfOffering: Map<string, Address>;
  own: ReadonlySet<string>;
  trades: MarketTrades;
  distributions?: RawEntry[];
}): RawEntry[] {
  const raw = [
    ...purchaseEntries(events, tokenOfOffering),
    ...transferEntries(events, own, trades),
    ...orderEntries(events, own),
    ...distributions,
  ];
  return raw.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}

/**
 * The history with each sale redemption's payout: the burn of a holder's shares in a `redeem` transaction (its
 * redemption row) carries the HKD the sale paid for them. Other rows are left as they are.
 */
export function withSalePayouts(
  history: HistoryEntry[],
  redemptions: readonly { txHash: string; wallet: Address; payout: bigint }[],
): HistoryEntry[] {
  const paid = new Map(redemptions.map((r) => [`${r.txHash.toLowerCase()}:${r.wallet.toLowerCase()}`, r.payout]));
  return history.map((h) => {
    const payout =
      h.kind === "redemption" ? paid.get(`${h.txHash.toLowerCase()}:${h.wallet.toLowerCase()}`) : undefined;
    return payout === undefined ? h : { ...h, amount: payout };
  });
}
