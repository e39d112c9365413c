import "server-only";

/**
 * The portfolio "as investors would rather see it": the value of the holdings over time, the allocation by artwork,
 * income from distributions, and each holding's performance since purchase. Integer base units (bigint) throughout;
 * the page only formats.
 *
 * Valuation basis (one rule, also the holdings table's): at any moment a share is worth the last price it traded at
 * on the market; where it has not traded yet, the latest appraisal of the artwork ÷ its number of shares; before any
 * appraisal, the offering price. Past balances are the current ones (the chain's) with the later share movements of
 * the history undone; an artwork's number of shares is its token's maximum supply (the shares of its offering, sold or not).
 */
import type { Database } from "@/lib/db";
import type { schema } from "@/lib/db";
import { listTradePrices, type TradePrice } from "@/lib/market";
import { hkDateStamp } from "@/lib/format/date";
import { mulDivRound } from "./math";
import type { HistoryEntry, HistoryKind, Holding, Portfolio } from "./types";

type Appraisal = schema.Appraisal;

/** What a holding's price per share is taken from; "sale" once its holders approved a sale (what redeeming pays). */
export type PriceSource = "trade" | "appraisal" | "offering" | "sale";

/** What values one artwork's shares: its offering price, number of shares and appraisals (whole artwork, HKD cents). */
export type PriceReference = {
  token: string;
  offeringPrice: bigint;
  /** The artwork's share count (the token's maximum supply): an appraisal of the whole artwork ÷ it is a share's worth. */
  shareCount: bigint;
  appraisals: readonly Appraisal[];
};

/** What values an artwork's shares, with the artwork's names (the portfolio keeps one per listed artwork). */
export type ArtworkReference = PriceReference & { slug: string; title: string; titleZh: string | null };

/** An appraisal counts from the start of its day in Hong Kong. */
export function appraisalTime(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/** An appraisal (whole artwork, HKD cents) per share in base units, rounded half up; null when it cannot be read. */
export function appraisalPerShare(a: Pick<Appraisal, "value">, shareCount: bigint, decimals: number): bigint | null {
  if (shareCount <= 0n || !/^\d+$/.test(a.value)) return null;
  const cents = BigInt(a.value);
  const units = decimals >= 2 ? cents * 10n ** BigInt(decimals - 2) : cents / 10n ** BigInt(2 - decimals);
  return mulDivRound(units, 1n, shareCount);
}

/** The latest appraisal on or before `at` (ms), or null. */
function appraisalBefore(appraisals: readonly Appraisal[], at: number): Appraisal | null {
  let best: Appraisal | null = null;
  let bestAt = -Infinity;
  for (const a of appraisals) {
    const t = appraisalTime(a.date);
    if (Number.isFinite(t) && t <= at && t >= bestAt) {
      best = a;
      bestAt = t;
    }
  }
  return best;
}

/** The price of a share at `at` (ms) when `lastTrade` is the last trade price by then (null: none yet). */
export function priceAt(
  ref: PriceReference,
  lastTrade: bigint | null,
  at: number,
  decimals: number,
): { price: bigint; source: PriceSource } {
  if (lastTrade !== null) return { price: lastTrade, source: "trade" };
  const appraisal = appraisalBefore(ref.appraisals, at);
  const perShare = appraisal ? appraisalPerShare(appraisal, ref.shareCount, decimals) : null;
  if (perShare !== null) return { price: perShare, source: "appraisal" };
  return { price: ref.offeringPrice, source: "offering" };
}

/** What each kind of history row does to the shares held (rows not listed move none). */
export const SHARE_SIGN: Partial<Record<HistoryKind, 1n | -1n>> = {
  purchase: 1n,
  allocation: 1n,
  transferIn: 1n,
  marketBuy: 1n,
  transferOut: -1n,
  redemption: -1n,
  marketSell: -1n,
};

export type ValuePoint = { at: Date; value: bigint };

type Change = { token: string; at: number; delta: bigint };

/** An artwork whose holders approved a sale (`at`, ms): from then its shares are worth floor(price × shares ÷ supply). */
export type SoldAt = { price: bigint; supply: bigint; at: number };

/**
 * The value of the holdings at every moment it may have changed (a share movement, a trade or an appraisal of an
 * artwork held), from the first share movement to `now`, oldest first. Empty when the investor never held a share.
 */
export function valueSeries({
  history,
  balances,
  references,
  trades,
  now,
  decimals,
  sold = new Map(),
}: {
  history: readonly Pick<HistoryEntry, "kind" | "at" | "token" | "shares" | "blockNumber" | "logIndex">[];
  /** Shares held now, lower-case token → balance (the chain's). */
  balances: ReadonlyMap<string, bigint>;
  /** Lower-case token → what values its shares. */
  references: ReadonlyMap<string, PriceReference>;
  /** Lower-case token → its trades, oldest first. */
  trades: ReadonlyMap<string, readonly TradePrice[]>;
  now: Date;
  decimals: number;
  /** Lower-case token → its approved sale: valued at what redeeming pays from the approval on (the holdings' value). */
  sold?: ReadonlyMap<string, SoldAt>;
}): ValuePoint[] {
  const changes: Change[] = history
    .flatMap((h) => {
      const sign = SHARE_SIGN[h.kind];
      return sign ? [{ token: h.token.toLowerCase(), at: h.at.getTime(), delta: sign * h.shares, h }] : [];
    })
    .sort((a, b) =>
      a.at !== b.at
        ? a.at - b.at
        : a.h.blockNumber !== b.h.blockNumber
          ? a.h.blockNumber < b.h.blockNumber
            ? -1
            : 1
          : a.h.logIndex - b.h.logIndex,
    )
    .map(({ token, at, delta }) => ({ token, at, delta }));
  const end = now.getTime();
  const held = new Map<string, bigint>();
  for (const [token, balance] of balances) if (balance > 0n) held.set(token.toLowerCase(), balance);
  if (changes.length === 0 && held.size === 0) return [];
  // Undo every movement from today's balances: what was held before the first one.
  const balance = new Map(held);
  for (const c of changes) balance.set(c.token, (balance.get(c.token) ?? 0n) - c.delta);
  const tokens = new Set([...balance.keys()]);
  const start = Math.min(changes[0]?.at ?? end, end);
  const times = new Set<number>([start, end]);
  for (const c of changes) if (c.at <= end) times.add(c.at);
  for (const token of tokens) {
    for (const t of trades.get(token) ?? []) {
      const at = t.at.getTime();
      if (at > start && at <= end) times.add(at);
    }
    for (const a of references.get(token)?.appraisals ?? []) {
      const at = appraisalTime(a.date);
      if (at > start && at <= end) times.add(at);
    }
    const sale = sold.get(token);
    if (sale && sale.at > start && sale.at <= end) times.add(sale.at);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const tradeIndex = new Map<string, number>();
  const lastTrade = new Map<string, bigint>();
  const points: ValuePoint[] = [];
  let next = 0;
  for (const at of sorted) {
    while (next < changes.length && changes[next]!.at <= at) {
      const c = changes[next++]!;
      balance.set(c.token, (balance.get(c.token) ?? 0n) + c.delta);
    }
    let value = 0n;
    for (const token of tokens) {
      const list = trades.get(token) ?? [];
      let i = tradeIndex.get(token) ?? 0;
      while (i < list.length && list[i]!.at.getTime() <= at) lastTrade.set(token, list[i++]!.price);
      tradeIndex.set(token, i);
      const shares = balance.get(token) ?? 0n;
      const ref = references.get(token);
      if (shares <= 0n || !ref) continue;
      const sale = sold.get(token);
      if (sale && sale.supply > 0n && at >= sale.at) value += (sale.price * shares) / sale.supply;
      else value += shares * priceAt(ref, lastTrade.get(token) ?? null, at, decimals).price;
    }
    points.push({ at: new Date(at), value });
  }
  return points;
}

export type AllocationRow = {
  token: string;
  slug: string;
  title: string;
  titleZh: string | null;
  value: bigint;
  /** 0..1, six decimals. */
  share: number;
};

/** Each holding's share of the holdings' value, largest first (shares of a total of 0 are 0). */
export function allocation(
  holdings: readonly Pick<Holding, "token" | "slug" | "title" | "titleZh" | "value">[],
): AllocationRow[] {
  const total = holdings.reduce((a, h) => a + h.value, 0n);
  return holdings
    .map((h) => ({
      token: h.token,
      slug: h.slug,
      title: h.title,
      titleZh: h.titleZh,
      value: h.value,
      share: total > 0n ? Number(mulDivRound(h.value, 1_000_000n, total)) / 1_000_000 : 0,
    }))
    .sort((a, b) => (a.value === b.value ? a.title.localeCompare(b.title) : a.value > b.value ? -1 : 1));
}

export type PerformanceRow = {
  token: string;
  slug: string;
  title: string;
  titleZh: string | null;
  costBasis: bigint;
  value: bigint;
  priceSource: PriceSource;
  /** Distributions received for this artwork's shares (all of them, since the first purchase). */
  distributions: bigint;
  /** value + distributions − cost basis. */
  gain: bigint;
  /** gain ÷ cost basis in basis points (null without a cost basis). */
  gainBps: number | null;
};

/** Distributions received per artwork (lower-case token → HKD) and in all. */
export function distributionsReceived(history: readonly Pick<HistoryEntry, "kind" | "token" | "amount">[]) {
  const byToken = new Map<string, bigint>();
  let total = 0n;
  for (const h of history) {
    if (h.kind !== "distributionReceived" || h.amount === null) continue;
    const key = h.token.toLowerCase();
    byToken.set(key, (byToken.get(key) ?? 0n) + h.amount);
    total += h.amount;
  }
  return { byToken, total };
}

/** Each holding since purchase: what it cost, what it is worth, what it paid out, and the gain in HKD and %. */
export function performance(
  holdings: readonly Pick<Holding, "token" | "slug" | "title" | "titleZh" | "value" | "costBasis" | "priceSource">[],
  history: readonly Pick<HistoryEntry, "kind" | "token" | "amount">[],
): PerformanceRow[] {
  const { byToken } = distributionsReceived(history);
  return holdings.map((h) => {
    const distributions = byToken.get(h.token.toLowerCase()) ?? 0n;
    const gain = h.value + distributions - h.costBasis;
    return {
      token: h.token,
      slug: h.slug,
      title: h.title,
      titleZh: h.titleZh,
      costBasis: h.costBasis,
      value: h.value,
      priceSource: h.priceSource,
      distributions,
      gain,
      gainBps: h.costBasis > 0n ? Number((gain * 10_000n) / h.costBasis) : null,
    };
  });
}

/** The Hong Kong calendar years in which the investor had any activity, newest first. */
export function activityYears(history: readonly Pick<HistoryEntry, "at">[]): number[] {
  const years = new Set(history.map((h) => Number(hkDateStamp(h.at).slice(0, 4))));
  return [...years].sort((a, b) => b - a);
}

export type PortfolioInsights = {
  series: ValuePoint[];
  allocation: AllocationRow[];
  performance: PerformanceRow[];
  /** Distributions received, all artworks, since the first. */
  incomeReceived: bigint;
  years: number[];
};

/** The insights of a portfolio already read (`getPortfolio`), with the trade prices of its artworks from `db`. */
export async function buildPortfolioInsights(
  db: Database,
  portfolio: Pick<Portfolio, "holdings" | "history" | "references" | "decimals">,
  { now = new Date(), sold = new Map() }: { now?: Date; sold?: ReadonlyMap<string, SoldAt> } = {},
): Promise<PortfolioInsights> {
  const tokens = new Set<string>(portfolio.holdings.map((h) => h.token.toLowerCase()));
  for (const h of portfolio.history) if (SHARE_SIGN[h.kind]) tokens.add(h.token.toLowerCase());
  const trades = await listTradePrices(db, { tokens: [...tokens] });
  const references = new Map(portfolio.references.map((r) => [r.token.toLowerCase(), r]));
  const balances = new Map(portfolio.holdings.map((h) => [h.token.toLowerCase(), h.balance]));
  return {
    series: valueSeries({
      history: portfolio.history,
      balances,
      references,
      trades,
      now,
      decimals: portfolio.decimals,
      sold,
    }),
    allocation: allocation(portfolio.holdings),
    performance: performance(portfolio.holdings, portfolio.history),
    incomeReceived: distributionsReceived(portfolio.history).total,
    years: activityYears(portfolio.history),
  };
}
