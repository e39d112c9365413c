import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MarketSection } from "@/components/market/market-section";
import { MyOrders } from "@/components/market/my-orders";
import { TradeForm } from "@/components/market/trade-form";
import { TradePageFrame } from "@/components/trade/page-parts";
import { PageHeading } from "@/components/ui/page-heading";
import { Alert } from "@/components/ui/alert";
import { requireRegisteredPageSession } from "@/lib/auth";
import { getTradeView, tradePageMetadata } from "@/lib/trade";

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = tradePageMetadata("market.page");

export default async function TradePage({ params }: Props) {
  const { slug } = await params;
  const session = await requireRegisteredPageSession(`/artworks/${slug}/trade`);
  const [view, t] = await Promise.all([
    getTradeView({ slug, account: session.address }),
    getTranslations("market.page"),
  ]);
  if (!view) notFound();
  const { artwork, market } = view;
  return (
    <TradePageFrame slug={slug} back={t("back")} wide={market !== null}>
      <PageHeading
        look="desk"
        className="gap-2"
        eyebrow={`${t("eyebrow")} · ${artwork.artist}`}
        title={`${t("title")} — ${artwork.title}`}
        intro={t("intro")}
        introClassName="max-w-2xl text-ink-muted"
      />
      {market ? (
        <>
          <div className="grid gap-10 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
            <TradeForm setup={market.setup} />
            <MyOrders setup={market.setup} orders={market.mine} />
          </div>
          <MarketSection slug={slug} token={view.token} decimals={view.decimals} tradeLink={false} book={market.book} />
        </>
      ) : (
        <Alert tone="warn">{t("noMarket")}</Alert>
      )}
    </TradePageFrame>
  );
}
