import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MarketSection } from "@/components/market/market-section";
import { MyOrders } from "@/components/market/my-orders";
import { TradeForm } from "@/components/market/trade-form";
import type { TradeSetup } from "@/components/market/types";
import { Alert } from "@/components/ui/alert";
import { getArtworkPage } from "@/lib/assets/artwork";
import { requirePageSession } from "@/lib/auth/guard";
import { getServerEnv } from "@/lib/env";
import { getMarketConfig, getOrderBook } from "@/lib/market/queries";
import { getTradeContracts } from "@/lib/trade/queries";
import { getPlatformStopped } from "@/lib/platform/status";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [data, t, locale] = await Promise.all([getArtworkPage({ slug }), getTranslations("market.page"), getLocale()]);
  if (!data) return {};
  const title = locale === "zh-HK" && data.artwork.titleZh ? data.artwork.titleZh : data.artwork.title;
  return { title: t("metaTitle", { title }) };
}

export default async function TradePage({ params }: Props) {
  const { slug } = await params;
  const ctx = await requirePageSession({ next: `/artworks/${slug}/trade` });
  if (!ctx.roles.registered && ctx.rolesAvailable) redirect("/onboarding");
  const [data, t, locale] = await Promise.all([getArtworkPage({ slug }), getTranslations("market.page"), getLocale()]);
  if (!data || !data.token) notFound();
  const [config, book] = await Promise.all([
    getMarketConfig(),
    getOrderBook({ token: data.token, maker: ctx.address }),
  ]);
  const title = locale === "zh-HK" && data.artwork.titleZh ? data.artwork.titleZh : data.artwork.title;
  const header = (
    <>
      <Link
        href={`/artworks/${slug}`}
        className="tap-target self-start text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
      >
        ← {t("back")}
      </Link>
      <header className="flex flex-col gap-2">
        <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">
          {t("eyebrow")} · {data.artwork.artist}
        </p>
        <h1 className="font-display text-4xl leading-tight tracking-tight">
          {t("title")} — {title}
        </h1>
        <p className="max-w-2xl text-ink-muted">{t("intro")}</p>
      </header>
    </>
  );
  if (!config || !book) {
    return (
      <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
        {header}
        <Alert tone="warn">{t("noMarket")}</Alert>
      </div>
    );
  }
  const me = ctx.address.toLowerCase();
  const pick = (o: typeof book.bestAsk) =>
    o ? { id: o.id, maker: o.maker, price: o.price, shares: o.fillable } : null;
  // The best offers another investor can take: never the viewer's own order.
  const others = book.orders.filter((o) => o.maker.toLowerCase() !== me && o.fillable > 0n);
  // `orders` is sorted best first per side; only chain-verified orders are offered to take.
  const bestAsk = others.find((o) => o.side === "ask" && o.verified) ?? null;
  const bestBid = others.find((o) => o.side === "bid" && o.verified) ?? null;
  const contracts = getTradeContracts();
  const setup: TradeSetup = {
    account: ctx.address,
    token: data.token,
    market: config.market,
    paymentToken: contracts.paymentToken,
    identityRegistry: contracts.identityRegistry,
    decimals: data.paymentDecimals,
    feeBps: config.feeBps,
    bestAsk: pick(bestAsk),
    bestBid: pick(bestBid),
    book: book.orders.map((o) => ({
      id: o.id,
      maker: o.maker,
      side: o.side,
      price: o.price,
      remaining: o.remaining,
      // Orders not yet checked against the chain (the indexer's newest) count as deliverable in full.
      fillable: o.verified ? o.fillable : o.remaining,
      reasonCode: o.verified ? o.reasonCode : 0,
      expiresAt: o.expiresAt ? Math.floor(o.expiresAt.getTime() / 1000) : null,
    })),
    explorerUrl: getServerEnv().explorerUrl ?? null,
    platformStopped: (await getPlatformStopped()) === true,
  };
  const mine = book.orders
    .filter((o) => o.maker.toLowerCase() === me)
    .map((o) => ({
      id: o.id,
      side: o.side,
      price: o.price,
      remaining: o.remaining,
      expiresAt: o.expiresAt,
      fillable: o.fillable,
      reasonCode: o.reasonCode,
    }));
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-10 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      {header}
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
        <TradeForm setup={setup} />
        <MyOrders setup={setup} orders={mine} />
      </div>
      <MarketSection slug={slug} token={data.token} decimals={data.paymentDecimals} tradeLink={false} book={book} />
    </div>
  );
}
