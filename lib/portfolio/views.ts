import type { AuthContext } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import type { PageCursor } from "@/lib/paging";
import { buildPortfolioInsights } from "@/lib/portfolio/insights";
import { blockTime } from "@/lib/portfolio/events";
import { getPortfolio, getPortfolioOrders, getPortfolioWallets } from "@/lib/portfolio/queries";
import { withSales } from "@/lib/portfolio/sold";
import { loadPortfolioSales } from "@/lib/sale";

/** Everything the portfolio page shows for the signed-in wallet, read in one place. */
export async function loadPortfolioView(ctx: AuthContext, { orders: ordersAt = {} }: { orders?: PageCursor } = {}) {
  const wallets = await getPortfolioWallets({ address: ctx.address, investorId: ctx.investor?.id ?? null });
  const [read, orders, sold] = await Promise.all([
    getPortfolio({ wallets }),
    getPortfolioOrders({ wallets, cursor: ordersAt }),
    loadPortfolioSales(await getDb(), { wallets }),
  ]);
  // A sold artwork's shares are worth what redeeming them pays; a redemption row carries what the sale paid.
  const portfolio = withSales(read, sold);
  const { sales } = sold;
  // A vote closes by the chain's time (the block the portfolio was read at), not the server's clock.
  const chainTime = sales.some((s) => s.status === "voting") ? await blockTime(read.blockNumber) : null;
  return {
    portfolio,
    orders,
    // The latest sale of each token that has one, with the wallets' vote and redemptions (the holdings' sale status).
    sales,
    chainTime,
    // The balance is what the wallets hold; the market holds the escrow of open bids apart from it.
    held: orders.bidEscrow,
    // Issuers, officers and the admin are not asked to do investor onboarding; they are pointed to their console.
    staff: (ctx.roles.admin || ctx.roles.compliance || ctx.roles.issuer) && !ctx.roles.registered && !ctx.investor,
    explorerUrl: getServerEnv().explorerUrl ?? null,
  };
}

export type PortfolioView = Awaited<ReturnType<typeof loadPortfolioView>>;

/** The value over time, allocation, income and performance of the portfolio the page has read. */
export async function loadPortfolioInsights(view: PortfolioView) {
  // A sold artwork's shares are worth what redeeming them pays from the approval on, as in the holdings.
  const sold = new Map(
    view.sales.flatMap((s) =>
      s.status === "approved" && s.supplyAtClose && s.finalizedAt
        ? [[s.token.toLowerCase(), { price: s.price, supply: s.supplyAtClose, at: s.finalizedAt.getTime() }] as const]
        : [],
    ),
  );
  return buildPortfolioInsights(await getDb(), view.portfolio, { sold });
}
