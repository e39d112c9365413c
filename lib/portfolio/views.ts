import type { AuthContext } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import type { PageCursor } from "@/lib/paging";
import { buildPortfolioInsights } from "@/lib/portfolio/insights";
import { getPortfolio, getPortfolioOrders, getPortfolioWallets } from "@/lib/portfolio/queries";

/** Everything the portfolio page shows for the signed-in wallet, read in one place. */
export async function loadPortfolioView(ctx: AuthContext, { orders: ordersAt = {} }: { orders?: PageCursor } = {}) {
  const wallets = await getPortfolioWallets({ address: ctx.address, investorId: ctx.investor?.id ?? null });
  const [portfolio, orders] = await Promise.all([
    getPortfolio({ wallets }),
    getPortfolioOrders({ wallets, cursor: ordersAt }),
  ]);
  return {
    portfolio,
    orders,
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
  return buildPortfolioInsights(await getDb(), view.portfolio);
}
