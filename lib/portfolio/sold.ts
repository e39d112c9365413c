import { sumTotals, valuation } from "./math";
import type { Portfolio } from "./types";

/** What `valueSoldHoldings` needs of a token's latest sale (lib/sale's `HoldingSale`). */
export type SaleTerms = { token: string; status: string; price: bigint; supplyAtClose: bigint | null };

/**
 * A token whose holders approved a sale trades no more: its shares are worth what redeeming them pays,
 * floor(price × shares ÷ supply at the close), not their last trade or appraisal. Values those holdings so (price per
 * share = price ÷ supply, source "sale") and sums the totals again; every other holding is left as it is. The value is
 * floored on the holding's total over the investor's wallets, where the contract floors each wallet's redemption: at
 * most one base unit (HK$0.000001) more per extra wallet.
 */
export function valueSoldHoldings(portfolio: Portfolio, sales: readonly SaleTerms[]): Portfolio {
  const sold = new Map(
    sales
      .filter((s) => s.status === "approved" && s.supplyAtClose !== null && s.supplyAtClose > 0n)
      .map((s) => [s.token.toLowerCase(), s]),
  );
  if (sold.size === 0) return portfolio;
  const holdings = portfolio.holdings.map((h) => {
    const sale = sold.get(h.token.toLowerCase());
    if (!sale) return h;
    const supply = sale.supplyAtClose!;
    return {
      ...h,
      price: sale.price / supply,
      priceSource: "sale" as const,
      ...valuation((sale.price * h.balance) / supply, h.costBasis),
    };
  });
  return { ...portfolio, holdings, totals: sumTotals(holdings) };
}
