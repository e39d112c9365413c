import "server-only";

import { desc, eq, isNotNull } from "drizzle-orm";
import { getAddress, zeroAddress, type Address, type Hex } from "viem";
import { artworkShareTokenAbi, hKDStablecoinAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import type { OfferingView } from "@/lib/catalogue/offering";
import { getDb, schema } from "@/lib/db";
import { getInvestorWallets } from "@/lib/investors";
import { FillCode } from "@/lib/market/reasons";
import { getLastTradePrices, getOpenOrdersOf, getTradesOf } from "@/lib/market/queries";
import {
  buildPositions,
  costBasisFor,
  shareOfArtwork,
  sumRealised,
  sumTotals,
  tradeAmounts,
  valueHolding,
  type LedgerEvent,
  type Totals,
} from "./math";
import { blockTime, readPortfolioEvents } from "./events";

export type Lockup = { wallet: Address; shares: bigint; until: Date };

export type Holding = {
  slug: string;
  title: string;
  titleZh: string | null;
  artist: string;
  image: string | null;
  token: Address;
  balance: bigint;
  totalSupply: bigint;
  /** 0..1 */
  share: number;
  /** Price used for the value: the last market trade when there is one, else the offering price. */
  price: bigint;
  priceSource: "trade" | "offering";
  /** Gains realised by selling this artwork's shares on the market (fees included). */
  realised: bigint;
  value: bigint;
  costBasis: bigint;
  gain: bigint;
  gainBps: number | null;
  lockups: Lockup[];
  frozen: boolean;
};

export type HistoryKind =
  | "purchase"
  | "transferIn"
  | "transferOut"
  | "allocation"
  | "redemption"
  | "marketBuy"
  | "marketSell"
  | "bidPlaced"
  | "askPlaced"
  | "bidCancelled"
  | "askCancelled";
/** Why an order was cancelled: by the investor, because it expired, because its wallet was recovered, or otherwise. */
export type CancelledBecause = "own" | "expired" | "recovered" | "other";
export type HistoryEntry = {
  kind: HistoryKind;
  at: Date;
  slug: string;
  title: string;
  titleZh: string | null;
  token: Address;
  wallet: Address;
  shares: bigint;
  /** HKD paid (purchases, market buys with any fee) or received (market sales, net of any fee). */
  amount: bigint | null;
  counterparty: Address | null;
  /** Market order rows (placed, cancelled): the order, its limit price per share and, when cancelled, why. */
  order: { id: string; price: bigint; because: CancelledBecause | null } | null;
  txHash: Hex;
  blockNumber: bigint;
  logIndex: number;
};

export type Portfolio = {
  wallets: Address[];
  decimals: number;
  hkdBalance: bigint;
  holdings: Holding[];
  history: HistoryEntry[];
  totals: Totals;
  /** Gains realised by market sales, all artworks, fees included (average-cost method). */
  realised: bigint;
  blockNumber: bigint;
};

/** The investor's market trades (from the indexer) and the last trade prices, read before the chain part. */
type MarketInputs = {
  trades: Awaited<ReturnType<typeof getTradesOf>>;
  lastPrices: Map<string, bigint>;
};

/** The wallets a portfolio covers: all the investor's linked wallets when a record exists, else the signed-in one. */
export async function getPortfolioWallets({
  address,
  investorId,
}: {
  address: Address;
  investorId: string | null;
}): Promise<Address[]> {
  if (!investorId) return [getAddress(address)];
  const rows = await getInvestorWallets(await getDb(), { investorId });
  const set = new Set([getAddress(address), ...rows.map((r) => getAddress(r.address))]);
  return [...set];
}

type Listed = { artwork: schema.Artwork; token: Address; offeringId: bigint | null };

async function getListed(): Promise<Listed[]> {
  const db = await getDb();
  const rows = await db
    .select({ artwork: schema.artworks, offeringId: schema.offerings.onChainId })
    .from(schema.artworks)
    .leftJoin(schema.offerings, eq(schema.offerings.artworkId, schema.artworks.id))
    .where(isNotNull(schema.artworks.tokenAddress))
    .orderBy(desc(schema.offerings.createdAt));
  const seen = new Map<string, Listed>();
  for (const r of rows) {
    if (seen.has(r.artwork.id)) continue;
    seen.set(r.artwork.id, {
      artwork: r.artwork,
      token: getAddress(r.artwork.tokenAddress!),
      offeringId: r.offeringId ? BigInt(r.offeringId) : null,
    });
  }
  return [...seen.values()];
}

async function loadPortfolio(wallets: Address[], blockNumber: bigint, market: MarketInputs): Promise<Portfolio> {
  const listed = await getListed();
  const d = getDeployments();
  const client = getPublicClient();
  const tokens = listed.map((l) => l.token);
  const own = new Set(wallets.map((w) => w.toLowerCase()));

  // One multicall: decimals, HKD per wallet, and per token its supply, each wallet's balance and lock state, and the offering.
  const calls = [
    { address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "decimals" } as const,
    ...wallets.map(
      (w) => ({ address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "balanceOf", args: [w] }) as const,
    ),
    ...listed.flatMap((l) => [
      { address: l.token, abi: artworkShareTokenAbi, functionName: "totalSupply" } as const,
      ...wallets.map(
        (w) => ({ address: l.token, abi: artworkShareTokenAbi, functionName: "balanceOf", args: [w] }) as const,
      ),
      ...wallets.map(
        (w) => ({ address: l.token, abi: artworkShareTokenAbi, functionName: "walletState", args: [w] }) as const,
      ),
      l.offeringId === null
        ? ({ address: l.token, abi: artworkShareTokenAbi, functionName: "totalSupply" } as const)
        : ({
            address: d.primaryOffering,
            abi: primaryOfferingAbi,
            functionName: "offering",
            args: [l.offeringId],
          } as const),
    ]),
  ];
  const [results, events] = await Promise.all([
    client.multicall({ contracts: calls, allowFailure: false, blockNumber, ...getMulticallOptions() }),
    readPortfolioEvents({ wallets, tokens, toBlock: blockNumber }),
  ]);
  let i = 0;
  const next = () => results[i++] as unknown;
  const decimals = Number(next());
  const hkdBalance = wallets.reduce((sum) => sum + (next() as bigint), 0n);
  const chain = listed.map((l) => {
    const totalSupply = next() as bigint;
    const balances = wallets.map(() => next() as bigint);
    const states = wallets.map(() => next() as readonly [boolean, bigint, bigint, bigint]);
    const offering = l.offeringId === null ? (next(), null) : (next() as OfferingView);
    return { listed: l, totalSupply, balances, states, price: offering?.terms.pricePerShare ?? 0n };
  });
  const priceOf = new Map(chain.map((c) => [c.listed.token.toLowerCase(), c.price]));
  const artworkOf = new Map(listed.map((l) => [l.token.toLowerCase(), l.artwork]));

  // Ledger + history, in chain order.
  const purchaseTxs = new Set(events.purchases.map((p) => p.transactionHash));
  type Raw = {
    blockNumber: bigint;
    logIndex: number;
    entry: Omit<HistoryEntry, "at" | "slug" | "title" | "titleZh" | "token">;
    token: string;
    ledger: LedgerEvent | null;
  };
  const raw: Raw[] = [];
  const tokenOfOffering = new Map(
    listed.filter((l) => l.offeringId !== null).map((l) => [l.offeringId!.toString(), l.token]),
  );
  for (const p of events.purchases) {
    const token = tokenOfOffering.get(p.args.id!.toString());
    if (!token) continue;
    raw.push({
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
    });
  }
  // Share transfers that are market fills (same transaction, token, seller and buyer) carry the trade's price.
  const fills = new Map<string, MarketInputs["trades"]>();
  for (const tr of market.trades) {
    const key = `${tr.txHash.toLowerCase()}:${tr.token.toLowerCase()}:${tr.seller.toLowerCase()}:${tr.buyer.toLowerCase()}`;
    fills.set(key, [...(fills.get(key) ?? []), tr]);
  }
  const takeFill = (txHash: string, token: string, from: string, to: string) =>
    fills.get(`${txHash.toLowerCase()}:${token.toLowerCase()}:${from.toLowerCase()}:${to.toLowerCase()}`)?.shift();
  const seenLogs = new Set<string>();
  for (const t of events.transfers) {
    const id = `${t.transactionHash}:${t.logIndex}`;
    if (seenLogs.has(id)) continue;
    seenLogs.add(id);
    const from = t.args.from!;
    const to = t.args.to!;
    const value = t.args.value!;
    let fill: MarketInputs["trades"][number] | undefined;
    const fromOwn = own.has(from.toLowerCase());
    const toOwn = own.has(to.toLowerCase());
    const base = {
      shares: value,
      amount: null,
      order: null,
      txHash: t.transactionHash,
      blockNumber: t.blockNumber,
      logIndex: t.logIndex,
    };
    if (from === zeroAddress) {
      if (purchaseTxs.has(t.transactionHash)) continue; // the purchase event already records this mint
      raw.push({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        token: t.address,
        ledger: { kind: "transferIn", token: t.address, shares: value },
        entry: { ...base, kind: "allocation", wallet: getAddress(to), counterparty: null },
      });
    } else if (to === zeroAddress) {
      raw.push({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        token: t.address,
        ledger: { kind: "transferOut", token: t.address, shares: value },
        entry: { ...base, kind: "redemption", wallet: getAddress(from), counterparty: null },
      });
    } else if (fromOwn && toOwn) {
      continue; // between the investor's own wallets
    } else if (toOwn && (fill = takeFill(t.transactionHash, t.address, from, to))) {
      const { cost } = tradeAmounts({
        shares: fill.shares,
        price: fill.price,
        fee: fill.fee,
        side: "buyer",
        makerSide: fill.side,
      });
      raw.push({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        token: t.address,
        ledger: { kind: "marketBuy", token: t.address, shares: value, cost: cost! },
        entry: { ...base, amount: cost!, kind: "marketBuy", wallet: getAddress(to), counterparty: getAddress(from) },
      });
    } else if (fromOwn && (fill = takeFill(t.transactionHash, t.address, from, to))) {
      const { proceeds } = tradeAmounts({
        shares: fill.shares,
        price: fill.price,
        fee: fill.fee,
        side: "seller",
        makerSide: fill.side,
      });
      raw.push({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        token: t.address,
        ledger: { kind: "marketSell", token: t.address, shares: value, proceeds: proceeds! },
        entry: {
          ...base,
          amount: proceeds!,
          kind: "marketSell",
          wallet: getAddress(from),
          counterparty: getAddress(to),
        },
      });
    } else if (toOwn) {
      raw.push({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        token: t.address,
        ledger: { kind: "transferIn", token: t.address, shares: value },
        entry: { ...base, kind: "transferIn", wallet: getAddress(to), counterparty: getAddress(from) },
      });
    } else {
      raw.push({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        token: t.address,
        ledger: { kind: "transferOut", token: t.address, shares: value },
        entry: { ...base, kind: "transferOut", wallet: getAddress(from), counterparty: getAddress(to) },
      });
    }
  }
  // Market orders the wallets placed and their cancellations: no shares or HKD change hands (a bid's HKD moves into
  // the market's escrow and back), so they carry no ledger event; fills appear as the market buys and sells above.
  const placedById = new Map(events.placed.map((o) => [o.orderId, o]));
  for (const o of events.placed) {
    const bid = o.side === 1;
    raw.push({
      blockNumber: o.blockNumber,
      logIndex: o.logIndex,
      token: o.token,
      ledger: null,
      entry: {
        kind: bid ? "bidPlaced" : "askPlaced",
        wallet: o.maker,
        shares: o.shares,
        amount: bid ? o.shares * o.price : null,
        counterparty: null,
        order: { id: o.orderId.toString(), price: o.price, because: null },
        txHash: o.transactionHash,
        blockNumber: o.blockNumber,
        logIndex: o.logIndex,
      },
    });
  }
  for (const c of events.cancelled) {
    const o = placedById.get(c.orderId);
    if (!o) continue;
    const bid = o.side === 1;
    const because: CancelledBecause =
      c.reason === FillCode.Ok && own.has(c.canceller.toLowerCase())
        ? "own"
        : c.reason === FillCode.OrderExpired
          ? "expired"
          : c.reason === FillCode.WalletRecovered
            ? "recovered"
            : "other";
    raw.push({
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
    });
  }
  raw.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  const positions = buildPositions(
    raw.flatMap((r) => (r.ledger ? [r.ledger] : [])),
    (token) => priceOf.get(token.toLowerCase()) ?? 0n,
  );
  // Block times: the indexer's for indexed blocks; the chain's (cached) for the few after its cursor.
  const missing = [...new Set(raw.map((r) => r.blockNumber))].filter((b) => !events.times.has(b));
  const timeOf = new Map([
    ...events.times,
    ...(await Promise.all(missing.map(async (b) => [b, await blockTime(b)] as const))),
  ]);
  const history: HistoryEntry[] = raw
    .map((r) => {
      const a = artworkOf.get(r.token.toLowerCase());
      return {
        ...r.entry,
        token: getAddress(r.token),
        at: timeOf.get(r.blockNumber)!,
        slug: a?.slug ?? "",
        title: a?.title ?? r.token,
        titleZh: a?.titleZh ?? null,
      };
    })
    .reverse();

  const now = Date.now() / 1000;
  const holdings: Holding[] = chain
    .map((c) => {
      const balance = c.balances.reduce((a, b) => a + b, 0n);
      const position = positions.get(c.listed.token.toLowerCase());
      const costBasis = costBasisFor(position, balance, c.price);
      const last = market.lastPrices.get(c.listed.token.toLowerCase());
      const price = last ?? c.price;
      const v = valueHolding({ balance, price, costBasis });
      const a = c.listed.artwork;
      return {
        slug: a.slug,
        title: a.title,
        titleZh: a.titleZh ?? null,
        artist: a.artist,
        image: a.images[0]?.src ?? null,
        token: c.listed.token,
        balance,
        totalSupply: c.totalSupply,
        share: shareOfArtwork(balance, c.totalSupply),
        price,
        priceSource: last === undefined ? ("offering" as const) : ("trade" as const),
        realised: position?.realised ?? 0n,
        ...v,
        lockups: c.states.flatMap((s, w) =>
          s[2] > 0n && Number(s[3]) > now
            ? [{ wallet: wallets[w]!, shares: s[2], until: new Date(Number(s[3]) * 1000) }]
            : [],
        ),
        frozen: c.states.some((s) => s[0]),
      };
    })
    .filter((h) => h.balance > 0n);
  return {
    wallets,
    decimals,
    hkdBalance,
    holdings,
    history,
    totals: sumTotals(holdings),
    realised: sumRealised(positions),
    blockNumber,
  };
}

/**
 * The investor's portfolio from the chain, memoised per block, joined with the indexer's market trades. Only
 * ever called with the caller's own wallets. The trades are read first and are part of the memo key, so a fill
 * the indexer records after the block was first read is not hidden until the next block.
 */
export async function getPortfolio({ wallets }: { wallets: Address[] }): Promise<Portfolio> {
  const sorted = [...wallets].map((w) => getAddress(w)).sort();
  const [perWallet, lastPrices] = await Promise.all([
    Promise.all(sorted.map((wallet) => getTradesOf({ wallet }))),
    getLastTradePrices(),
  ]);
  const seen = new Set<string>();
  const trades = perWallet
    .flat()
    .filter((t) => (seen.has(`${t.txHash}:${t.id}`) ? false : (seen.add(`${t.txHash}:${t.id}`), true)));
  const version = `${trades.length}:${trades.at(-1)?.id ?? 0}:${[...lastPrices.values()].join("/")}`;
  return readAtLatestBlock({
    key: `portfolio:${sorted.join(",")}:${version}`,
    read: (blockNumber) => loadPortfolio(sorted, blockNumber, { trades, lastPrices }),
  });
}

export type PortfolioOrder = {
  orderId: string;
  slug: string | null;
  title: string;
  titleZh: string | null;
  token: Address;
  maker: Address;
  side: "ask" | "bid";
  price: bigint;
  size: bigint;
  remaining: bigint;
  placedAt: Date;
};

/** Open market orders of the investor's wallets (from the indexer), oldest first, with their artwork. */
export async function getPortfolioOrders({ wallets }: { wallets: Address[] }): Promise<PortfolioOrder[]> {
  const [perWallet, listed] = await Promise.all([
    Promise.all(wallets.map((maker) => getOpenOrdersOf({ maker }))),
    getListed(),
  ]);
  const artworkOf = new Map(listed.map((l) => [l.token.toLowerCase(), l.artwork]));
  return perWallet
    .flat()
    .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime())
    .map((o) => {
      const a = artworkOf.get(o.token);
      const size = BigInt(o.size);
      return {
        orderId: o.orderId,
        slug: a?.slug ?? null,
        title: a?.title ?? o.token,
        titleZh: a?.titleZh ?? null,
        token: getAddress(o.token),
        maker: getAddress(o.maker),
        side: o.side,
        price: BigInt(o.price),
        size,
        remaining: size - BigInt(o.filled) - BigInt(o.cancelled),
        placedAt: o.placedAt,
      };
    });
}
