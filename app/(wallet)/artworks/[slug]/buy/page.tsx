import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BuyForm } from "@/components/trade/buy-form";
import { BuySummary, OfferingOver } from "@/components/trade/buy-sections";
import { TradePageFrame } from "@/components/trade/page-parts";
import { PageHeading } from "@/components/ui/page-heading";
import { requireRegisteredPageSession } from "@/lib/auth";
import { getBuyView, tradePageMetadata } from "@/lib/trade";

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = tradePageMetadata("trade");

export default async function BuyPage({ params }: Props) {
  const { slug } = await params;
  const session = await requireRegisteredPageSession(`/artworks/${slug}/buy`);
  const [t, tc] = await Promise.all([getTranslations("trade"), getTranslations("account.investor.categories")]);
  const view = await getBuyView({ slug, session, categoryWord: (c) => tc(c).toLowerCase() });
  if (!view) notFound();
  return (
    <TradePageFrame slug={slug} back={t("back")}>
      <div className="grid gap-10 md:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)]">
        <BuySummary view={view} />
        <section className="flex flex-col gap-6">
          <PageHeading look="desk" className="gap-2" eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
          {view.over ? <OfferingOver view={view} /> : <BuyForm offering={view.offering} />}
        </section>
      </div>
    </TradePageFrame>
  );
}
