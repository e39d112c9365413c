import "server-only";

/**
 * The yearly statement's figures (the PDF renders them): holdings at the end of a Hong Kong calendar year valued by
 * the portfolio's one rule (`insights.ts`), the year's trades and other share movements, its distributions and the
 * market fees paid. Pure: the portfolio and the trade prices are read by `statement.ts`.
 */
import type { TradePrice } from "@/lib/market";
import { type ArtworkReference, priceAt, type PriceSource, SHARE_SIGN } from "./insights";
import type { HistoryEntry, Holding } from "./types";

const HK_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The first instant of a Hong Kong calendar year. */
export const hkYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - HK_OFFSET_MS);

export type YearEndHolding = {
  token: string;
  slug: string;
  title: string;
  titleZh: string | null;
  shares: bigint;
  price: bigint;
  priceSource: PriceSource;
  value: bigint;
};

export type YearlyStatement = {
  year: number;
  /** The year's first instant, and its end (the end of the year, or now during the year). */
  from: Date;
  to: Date;
  /** True while the year is not over: the holdings are today's. */
  partial: boolean;
  holdings: YearEndHolding[];
  /** Purchases, market buys and sales, transfers, allocations and redemptions in the year, oldest first. */
  trades: HistoryEntry[];
  /** Distributions received in the year, oldest first. */
  distributions: HistoryEntry[];
  totals: { value: bigint; distributions: bigint; fees: bigint; bought: bigint; sold: bigint };
};

/** One year of an investor's portfolio. `trades`: lower-case token → its trade prices, oldest first. */
export function yearlyStatement({
  year,
  now,
  decimals,
  holdings,
  history,
  references,
  trades,
}: {
  year: number;
  now: Date;
  decimals: number;
  holdings: readonly Pick<Holding, "token" | "balance">[];
  history: readonly HistoryEntry[];
  references: readonly ArtworkReference[];
  trades: ReadonlyMap<string, readonly TradePrice[]>;
}): YearlyStatement {
  const from = hkYearStart(year);
  const end = hkYearStart(year + 1);
  const partial = end.getTime() > now.getTime();
  const to = partial ? now : new Date(end.getTime() - 1);
  const inYear = (h: HistoryEntry) => h.at.getTime() >= from.getTime() && h.at.getTime() <= to.getTime();
  // Shares at the year's end: today's, with every later movement undone.
  const shares = new Map<string, bigint>();
  for (const h of holdings) shares.set(h.token.toLowerCase(), h.balance);
  for (const h of history) {
    const sign = SHARE_SIGN[h.kind];
    if (!sign || h.at.getTime() <= to.getTime()) continue;
    const key = h.token.toLowerCase();
    shares.set(key, (shares.get(key) ?? 0n) - sign * h.shares);
  }
  const yearEnd: YearEndHolding[] = references.flatMap((ref) => {
    const key = ref.token.toLowerCase();
    const held = shares.get(key) ?? 0n;
    if (held <= 0n) return [];
    const lastTrade = (trades.get(key) ?? []).filter((t) => t.at.getTime() <= to.getTime()).at(-1)?.price ?? null;
    const { price, source } = priceAt(ref, lastTrade, to.getTime(), decimals);
    return [
      {
        token: ref.token,
        slug: ref.slug,
        title: ref.title,
        titleZh: ref.titleZh,
        shares: held,
        price,
        priceSource: source,
        value: held * price,
      },
    ];
  });
  const chronological = history.filter(inYear).sort((a, b) => a.at.getTime() - b.at.getTime());
  const moves = chronological.filter((h) => SHARE_SIGN[h.kind]);
  const distributions = chronological.filter((h) => h.kind === "distributionReceived");
  const sum = (rows: HistoryEntry[], pick: (h: HistoryEntry) => bigint) => rows.reduce((a, h) => a + pick(h), 0n);
  return {
    year,
    from,
    to,
    partial,
    holdings: yearEnd,
    trades: moves,
    distributions,
    totals: {
      value: yearEnd.reduce((a, h) => a + h.value, 0n),
      distributions: sum(distributions, (h) => h.amount ?? 0n),
      fees: sum(moves, (h) => h.fee ?? 0n),
      bought: sum(
        moves.filter((h) => h.kind === "purchase" || h.kind === "marketBuy"),
        (h) => h.amount ?? 0n,
      ),
      sold: sum(
        moves.filter((h) => h.kind === "marketSell"),
        (h) => h.amount ?? 0n,
      ),
    },
  };
}
