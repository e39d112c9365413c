import "server-only";

/**
 * The yearly statement's figures (the PDF renders them): holdings at the end of a Hong Kong calendar year valued by
 * the portfolio's one rule (`insights.ts`) — a sold artwork's at what redeeming pays — the year's trades and other
 * share movements (sale redemptions with their proceeds), its distributions and the market fees paid. Pure: the
 * portfolio, its sales and the trade prices are read by `statement.ts`.
 */
import type { TradePrice } from "@/lib/market";
import { type ArtworkReference, priceAt, type PriceSource, SHARE_SIGN } from "./insights";
import { type SaleTerms, soldTokens } from "./sold";
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
  /** `redeemed`: the HKD sales paid for the shares redeemed in the year (their redemption rows' amounts). */
  totals: { value: bigint; distributions: bigint; fees: bigint; bought: bigint; sold: bigint; redeemed: bigint };
};

/** A redemption row that carries a sale's payout (a burn the portal knows no payment for has none). */
export const isSaleRedemption = (h: Pick<HistoryEntry, "kind" | "amount">) =>
  h.kind === "redemption" && h.amount !== null;

/**
 * One year of an investor's portfolio. `trades`: lower-case token → its trade prices, oldest first. `sales`: each
 * token's latest sale; an approved one whose vote closed by the year's end values the token's shares then at what
 * redeeming pays, floor(price × shares ÷ supply at the close).
 */
export function yearlyStatement({
  year,
  now,
  decimals,
  holdings,
  history,
  references,
  trades,
  sales = [],
}: {
  year: number;
  now: Date;
  decimals: number;
  holdings: readonly Pick<Holding, "token" | "balance">[];
  history: readonly HistoryEntry[];
  references: readonly ArtworkReference[];
  trades: ReadonlyMap<string, readonly TradePrice[]>;
  sales?: readonly (SaleTerms & { votingEnds: Date })[];
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
  const sold = soldTokens(sales.filter((s) => s.votingEnds.getTime() <= to.getTime()));
  const yearEnd: YearEndHolding[] = references.flatMap((ref) => {
    const key = ref.token.toLowerCase();
    const held = shares.get(key) ?? 0n;
    if (held <= 0n) return [];
    const { token, slug, title, titleZh } = ref;
    const sale = sold.get(key);
    if (sale) {
      const { price, supplyAtClose: supply } = sale;
      return [
        {
          token,
          slug,
          title,
          titleZh,
          shares: held,
          price: price / supply,
          priceSource: "sale" as const,
          value: (price * held) / supply,
        },
      ];
    }
    const lastTrade = (trades.get(key) ?? []).filter((t) => t.at.getTime() <= to.getTime()).at(-1)?.price ?? null;
    const { price, source } = priceAt(ref, lastTrade, to.getTime(), decimals);
    return [{ token, slug, title, titleZh, shares: held, price, priceSource: source, value: held * price }];
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
      redeemed: sum(moves.filter(isSaleRedemption), (h) => h.amount ?? 0n),
    },
  };
}
