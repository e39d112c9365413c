import type { Address } from "viem";
import { withSalePayouts } from "./history";
import { sumTotals, valuation } from "./math";
import type { Portfolio } from "./types";

/** What `valueSoldHoldings` needs of a token's latest sale (lib/sale's `HoldingSale`). */
export type SaleTerms = { token: string; status: string; price: bigint; supplyAtClose: bigint | null };

/** A token's sale approved with its supply at the close, keyed by lower-case token (the sold artworks). */
export function soldTokens<S extends SaleTerms>(sales: readonly S[]): Map<string, S & { supplyAtClose: bigint }> {
  return new Map(
    sales
      .filter((s): s is S & { supplyAtClose: bigint } => s.status === "approved" && (s.supplyAtClose ?? 0n) > 0n)
      .map((s) => [s.token.toLowerCase(), s]),
  );
}

/**
 * The portfolio as the sales left it (the page and both statements): sold holdings valued at what redeeming pays
 * ({@link valueSoldHoldings}) and each redemption row carrying the HKD the sale paid for the shares it burned.
 */
export function withSales(
  portfolio: Portfolio,
  {
    sales,
    redemptions,
  }: { sales: readonly SaleTerms[]; redemptions: readonly { txHash: string; wallet: Address; payout: bigint }[] },
): Portfolio {
  const valued = valueSoldHoldings(portfolio, sales);
  return redemptions.length > 0 ? { ...valued, history: withSalePayouts(valued.history, redemptions) } : valued;
}

/**
 * A token whose holders approved a sale trades no more: its shares are worth what redeeming them pays,
 * floor(price × shares ÷ supply at the close), not their last trade or appraisal. Values those holdings so (price per
 * share = price ÷ supply, source "sale") and sums the totals again; every other holding is left as it is. The value is
 * floored on the holding's total over the investor's wallets, where the contract floors each wallet's redemption: at
 * most one base unit (HK$0.000001) more per extra wallet.
 */
export function valueSoldHoldings(portfolio: Portfolio, sales: readonly SaleTerms[]): Portfolio {
  const sold = soldTokens(sales);
  if (sold.size === 0) return portfolio;
  const holdings = portfolio.holdings.map((h) => {
    const sale = sold.get(h.token.toLowerCase());
    if (!sale) return h;
    const supply = sale.supplyAtClose;
    return {
      ...h,
      price: sale.price / supply,
      priceSource: "sale" as const,
      ...valuation((sale.price * h.balance) / supply, h.costBasis),
    };
  });
  return { ...portfolio, holdings, totals: sumTotals(holdings) };
}
