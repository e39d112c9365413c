import {
  HistorySection,
  HoldingsSection,
  LockupsSection,
  OrdersSection,
  PortfolioHeader,
  PortfolioNotice,
  PortfolioTotals,
} from "@/components/portfolio/portfolio-sections";
import { DistributionsSection } from "@/components/portfolio/distributions-section";
import { requirePageSession } from "@/lib/auth";
import { parsePageCursor } from "@/lib/paging";
import { loadPortfolioInsights, loadPortfolioView } from "@/lib/portfolio";
import { InsightsSection } from "@/components/portfolio/insights-section";
import { titleMetadata } from "@/lib/i18n/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("portfolio");

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, sp] = await Promise.all([requirePageSession({ next: "/portfolio" }), searchParams]);
  const view = await loadPortfolioView(ctx, { orders: parsePageCursor(sp, 2, "orders") });
  const insights = await loadPortfolioInsights(view);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-10 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <PortfolioHeader wallets={view.portfolio.wallets} years={insights.years} />
      <PortfolioNotice roles={ctx.roles} staff={view.staff} />
      <PortfolioTotals view={view} />
      <HoldingsSection view={view} />
      <InsightsSection insights={insights} decimals={view.portfolio.decimals} wallet={ctx.address} />
      <OrdersSection view={view} sp={sp} />
      <LockupsSection view={view} />
      <DistributionsSection wallet={ctx.address} decimals={view.portfolio.decimals} explorerUrl={view.explorerUrl} />
      <HistorySection view={view} sp={sp} />
    </div>
  );
}
