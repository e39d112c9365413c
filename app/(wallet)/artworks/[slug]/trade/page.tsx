import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MarketSection } from "@/components/market/market-section";
import { MyOrders } from "@/components/market/my-orders";
import { TradeForm } from "@/components/market/trade-form";
import { LazySaleHolderActions } from "@/components/sale/sale-holder-actions-lazy";
import { SalePanel } from "@/components/sale/sale-panel";
import { loadMySale, loadSaleOfToken } from "@/lib/sale";
import { TradePageFrame } from "@/components/trade/page-parts";
import { PageHeading } from "@/components/ui/page-heading";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { requireRegisteredPageSession } from "@/lib/auth";
import { pageHref, pageNumber, parsePageCursor } from "@/lib/paging";
import { getTradeView, MY_ORDERS_PAGE, tradePageMetadata } from "@/lib/trade";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = tradePageMetadata("market.page");

export default async function TradePage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const session = await requireRegisteredPageSession(`/artworks/${slug}/trade`);
  const [view, t] = await Promise.all([
    getTradeView({ slug, account: session.address, cursor: parsePageCursor(sp, 1) }),
    getTranslations("market.page"),
  ]);
  if (!view) notFound();
  const { artwork, market } = view;
  const base = `/artworks/${slug}/trade`;
  const { saleContract, chainTime, sale } = await loadSaleOfToken(view.token);
  const mine = sale && saleContract ? await loadMySale(view.token, session.address) : null;
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
      {sale && saleContract && mine ? (
        <SalePanel sale={sale} decimals={view.decimals} chainTime={chainTime}>
          <LazySaleHolderActions
            saleContract={saleContract}
            saleId={sale.onChainId}
            account={session.address}
            status={sale.status}
            closed={Date.parse(sale.votingEnds) / 1000 <= chainTime}
            decimals={view.decimals}
            mine={mine}
          />
        </SalePanel>
      ) : null}
      {market ? (
        <>
          <div className="grid gap-10 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
            {sale?.status === "approved" ? (
              <Alert tone="warn" title={t("tradingEndedTitle")}>
                {t("tradingEnded")}
              </Alert>
            ) : (
              <TradeForm setup={market.setup} />
            )}
            <MyOrders
              setup={market.setup}
              orders={market.mine.rows}
              total={market.mine.total ?? market.mine.rows.length}
              pager={
                <Pager
                  label={t("myOrdersPages")}
                  prev={market.mine.prev && pageHref(base, sp, "", { before: market.mine.prev })}
                  next={market.mine.next && pageHref(base, sp, "", { after: market.mine.next })}
                  page={pageNumber(market.mine, MY_ORDERS_PAGE)}
                />
              }
            />
          </div>
          <MarketSection slug={slug} token={view.token} decimals={view.decimals} tradeLink={false} book={market.book} />
        </>
      ) : (
        <Alert tone="warn">{t("noMarket")}</Alert>
      )}
    </TradePageFrame>
  );
}
