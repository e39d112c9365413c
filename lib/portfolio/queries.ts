import "server-only";

import { desc } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { artworkShareTokenAbi, hKDStablecoinAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { latestOfferingPerArtwork, selectListedWithOfferings } from "@/lib/catalogue";
import type { OfferingView } from "@/lib/catalogue/client";
import { distributionsByOnChainIds } from "@/lib/distributions";
import { getLastTradePrices, getOpenOrdersPage, getTradesOf } from "@/lib/market";
import type { Page, PageCursor } from "@/lib/paging";
import { getDb, schema } from "@/lib/db";
import { getInvestorWallets } from "@/lib/investors";
import { buildPositions, costBasisFor, shareOfArtwork, sumRealised, sumTotals, valueHolding } from "./math";
import { blockTime, readPortfolioEvents } from "./events";
import { distributionEntries, type MarketTrades, rawHistory } from "./history";
import { readDistributionPayments } from "./distribution-events";
import { type ArtworkReference, priceAt } from "./insights";
import type { HistoryEntry, Holding, Portfolio } from "./types";

export type { CancelledBecause, HistoryEntry, HistoryKind, Holding, Lockup, Portfolio } from "./types";

/** The investor's market trades (from the indexer) and the last trade prices, read before the chain part. */
type MarketInputs = {
  trades: MarketTrades;
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
  const rows = await selectListedWithOfferings(await getDb()).orderBy(desc(schema.offerings.createdAt));
  return latestOfferingPerArtwork(rows).map((l) => ({ ...l, token: getAddress(l.artwork.tokenAddress!) }));
}

type ChainRead = {
  listed: Listed;
  totalSupply: bigint;
  /** The artwork's share count (shares not yet sold in an offering included). */
  maxSupply: bigint;
  balances: bigint[];
  states: (readonly [boolean, bigint, bigint, bigint])[];
  price: bigint;
};

/**
 * One multicall at the block: decimals, HKD per wallet, and per token its supply and share count, each wallet's balance and lock state,
 * and the offering.
 */
async function readChain(wallets: Address[], blockNumber: bigint, listed: Listed[]) {
  const d = getDeployments();
  const client = getPublicClient();
  const calls = [
    { address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "decimals" } as const,
    ...wallets.map(
      (w) => ({ address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "balanceOf", args: [w] }) as const,
    ),
    ...listed.flatMap((l) => [
      { address: l.token, abi: artworkShareTokenAbi, functionName: "totalSupply" } as const,
      { address: l.token, abi: artworkShareTokenAbi, functionName: "maxSupply" } as const,
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
  const results = await client.multicall({
    contracts: calls,
    allowFailure: false,
    blockNumber,
    ...getMulticallOptions(),
  });
  let i = 0;
  const next = () => results[i++] as unknown;
  const decimals = Number(next());
  const hkdBalance = wallets.reduce((sum) => sum + (next() as bigint), 0n);
  const chain = listed.map((l): ChainRead => {
    const totalSupply = next() as bigint;
    const maxSupply = next() as bigint;
    const balances = wallets.map(() => next() as bigint);
    const states = wallets.map(() => next() as readonly [boolean, bigint, bigint, bigint]);
    const offering = l.offeringId === null ? (next(), null) : (next() as OfferingView);
    return { listed: l, totalSupply, maxSupply, balances, states, price: offering?.terms.pricePerShare ?? 0n };
  });
  return { decimals, hkdBalance, chain };
}

/** The history rows with their artwork and block time, newest first. */
async function historyOf(raw: ReturnType<typeof rawHistory>, listed: Listed[], times: Map<bigint, Date>) {
  const artworkOf = new Map(listed.map((l) => [l.token.toLowerCase(), l.artwork]));
  // Block times: the indexer's for indexed blocks; the chain's (cached) for the few after its cursor.
  const missing = [...new Set(raw.map((r) => r.blockNumber))].filter((b) => !times.has(b));
  const timeOf = new Map([
    ...times,
    ...(await Promise.all(missing.map(async (b) => [b, await blockTime(b)] as const))),
  ]);
  return raw
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
}

/** What values a listed artwork's shares. */
const referenceOf = (c: ChainRead): ArtworkReference => ({
  token: c.listed.token,
  slug: c.listed.artwork.slug,
  title: c.listed.artwork.title,
  titleZh: c.listed.artwork.titleZh ?? null,
  offeringPrice: c.price,
  shareCount: c.maxSupply,
  appraisals: c.listed.artwork.appraisals,
});

/** The holdings the wallets hold now, valued at the last trade price (else the latest appraisal's, else the offering's). */
function holdingsOf(
  chain: ChainRead[],
  positions: ReturnType<typeof buildPositions>,
  lastPrices: Map<string, bigint>,
  wallets: Address[],
  decimals: number,
): Holding[] {
  const nowMs = Date.now();
  const now = nowMs / 1000;
  return chain
    .map((c) => {
      const balance = c.balances.reduce((a, b) => a + b, 0n);
      const position = positions.get(c.listed.token.toLowerCase());
      const costBasis = costBasisFor(position, balance, c.price);
      const last = lastPrices.get(c.listed.token.toLowerCase());
      const { price, source } = priceAt(referenceOf(c), last ?? null, nowMs, decimals);
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
        priceSource: source,
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
}

/** The distribution payments the wallets received, as history rows with their distribution's token and kind. */
async function distributionRows(wallets: Address[], blockNumber: bigint) {
  const d = getDeployments();
  const payments = await readDistributionPayments({ wallets, toBlock: blockNumber });
  if (!d.distributor || payments.length === 0) return [];
  const infoOf = await distributionsByOnChainIds(await getDb(), {
    chainId: d.chainId,
    distributor: d.distributor,
    ids: [...new Set(payments.map((p) => p.onChainId.toString()))],
  });
  return distributionEntries(payments, infoOf, d.distributor);
}

async function loadPortfolio(wallets: Address[], blockNumber: bigint, market: MarketInputs): Promise<Portfolio> {
  const listed = await getListed();
  const own = new Set(wallets.map((w) => w.toLowerCase()));
  const [{ decimals, hkdBalance, chain }, events, distributions] = await Promise.all([
    readChain(wallets, blockNumber, listed),
    readPortfolioEvents({ wallets, tokens: listed.map((l) => l.token), toBlock: blockNumber }),
    distributionRows(wallets, blockNumber),
  ]);
  const priceOf = new Map(chain.map((c) => [c.listed.token.toLowerCase(), c.price]));
  const tokenOfOffering = new Map(
    listed.filter((l) => l.offeringId !== null).map((l) => [l.offeringId!.toString(), l.token]),
  );
  const raw = rawHistory({ events, tokenOfOffering, own, trades: market.trades, distributions });
  const positions = buildPositions(
    raw.flatMap((r) => (r.ledger ? [r.ledger] : [])),
    (token) => priceOf.get(token.toLowerCase()) ?? 0n,
  );
  const history: HistoryEntry[] = await historyOf(raw, listed, events.times);
  const holdings = holdingsOf(chain, positions, market.lastPrices, wallets, decimals);
  return {
    wallets,
    decimals,
    hkdBalance,
    holdings,
    history,
    totals: sumTotals(holdings),
    realised: sumRealised(positions),
    references: chain.map(referenceOf),
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

/** Open orders on one page of the portfolio. */
export const PORTFOLIO_ORDERS_PAGE = 10;

/**
 * One page of the open market orders of the investor's wallets (from the indexer), oldest first, with their artwork,
 * and the HKD all their open bids hold in the market.
 */
export async function getPortfolioOrders({
  wallets,
  cursor = {},
}: {
  wallets: Address[];
  cursor?: PageCursor;
}): Promise<Page<PortfolioOrder> & { bidEscrow: bigint }> {
  const [page, listed] = await Promise.all([
    getOpenOrdersPage({ makers: wallets, cursor, size: PORTFOLIO_ORDERS_PAGE }),
    getListed(),
  ]);
  const artworkOf = new Map(listed.map((l) => [l.token.toLowerCase(), l.artwork]));
  return {
    ...page,
    rows: page.rows.map((o) => {
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
    }),
  };
}
