import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BuyForm } from "@/components/trade/buy-form";
import type { BuyOffering } from "@/components/trade/types";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Money } from "@/components/ui/money";
import { getArtworkPage } from "@/lib/assets/artwork";
import { categoriesFromMask } from "@/lib/assets/categories";
import { requirePageSession } from "@/lib/auth/guard";
import { LOCAL_CHAIN_ID } from "@/lib/chain/config";
import { getServerEnv } from "@/lib/env";
import { formatDay } from "@/lib/format/date";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";
import { describeOffering } from "@/lib/catalogue/offering";
import { getTradingTokens } from "@/lib/catalogue/trading";
import { getPurchasedShares, getTradeContracts } from "@/lib/trade/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [data, t, locale] = await Promise.all([getArtworkPage({ slug }), getTranslations("trade"), getLocale()]);
  if (!data) return {};
  const title = locale === "zh-HK" && data.artwork.titleZh ? data.artwork.titleZh : data.artwork.title;
  return { title: t("metaTitle", { title }) };
}

export default async function BuyPage({ params }: Props) {
  const { slug } = await params;
  const ctx = await requirePageSession({ next: `/artworks/${slug}/buy` });
  // A wallet that is not registered on-chain cannot buy: onboarding first. (A registered wallet whose KYC
  // expired stays here and sees "Your KYC expired on … — renew it to buy" in the checks.)
  if (!ctx.roles.registered && ctx.rolesAvailable) redirect("/onboarding");
  const [data, t, tc, locale, trading] = await Promise.all([
    getArtworkPage({ slug }),
    getTranslations("trade"),
    getTranslations("account.investor.categories"),
    getLocale(),
    getTradingTokens(),
  ]);
  if (!data || !data.offering || data.offeringId === null || !data.token) notFound();
  const identity = ctx.roles.identity;
  const purchased = identity
    ? await getPurchasedShares({ offeringId: data.offeringId, investorId: identity.investorId })
    : 0n;
  const { offering, artwork } = data;
  const terms = offering.terms;
  // Upcoming / live / sold out / closed / ended, and the dates that may be said: decided once, from the chain.
  const facts = describeOffering(offering);
  const over = facts.phase !== "upcoming" && facts.phase !== "live";
  const tradeHref = `/artworks/${slug}/trade`;
  const env = getServerEnv();
  const title = locale === "zh-HK" && artwork.titleZh ? artwork.titleZh : artwork.title;
  const lockupDays = Number((data.rules?.lockupSeconds ?? 0n) / 86_400n);
  const props: BuyOffering = {
    account: ctx.address,
    offeringId: data.offeringId,
    token: data.token,
    contracts: getTradeContracts(),
    decimals: data.paymentDecimals,
    pricePerShare: terms.pricePerShare,
    minTicket: terms.minTicket,
    maxTicket: terms.maxTicket,
    remaining: facts.available,
    purchased,
    investorId: identity?.investorId ?? null,
    lockupSeconds: data.rules?.lockupSeconds ?? 0n,
    opensAt: facts.opensAt,
    closesAt: facts.closesAt,
    upcoming: facts.phase === "upcoming",
    maxHolders: data.rules?.maxHolders ?? 0,
    maxBalancePerInvestor: data.rules?.maxBalancePerInvestor ?? 0n,
    names: {
      residence: identity ? countryShortNameFromNumeric(identity.country, locale) : null,
      allowedCountries: (data.rules?.allowedCountries ?? []).map((c) => countryShortNameFromNumeric(c, locale)),
      category: identity?.category ? tc(identity.category).toLowerCase() : null,
      eligibleCategories: categoriesFromMask(terms.eligibleCategories).map((c) => tc(c).toLowerCase()),
    },
    kycExpiresAt: identity?.expiresAt ?? null,
    explorerUrl: env.explorerUrl ?? null,
    localChain: env.chainId === LOCAL_CHAIN_ID,
  };
  const image = artwork.images[0];

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <Link
        href={`/artworks/${slug}`}
        className="tap-target self-start text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
      >
        ← {t("back")}
      </Link>
      <div className="grid gap-10 md:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)]">
        <aside className="flex flex-col gap-5">
          {image ? (
            // eslint-disable-next-line @next/next/no-img-element -- small thumbnail of a local media file
            <img
              src={image.src}
              alt={image.alt}
              width={image.width}
              height={image.height}
              className="aspect-[4/3] w-full rounded-xl border border-line object-cover"
            />
          ) : null}
          <div>
            <p className="text-sm tracking-[0.16em] text-ink-muted uppercase">{artwork.artist}</p>
            <p className="font-display text-2xl leading-tight">{title}</p>
          </div>
          <dl className="divide-y divide-line border-y border-line text-sm">
            <div className="flex justify-between gap-4 py-2">
              <dt className="text-ink-muted">{t("summary.price")}</dt>
              <dd className="font-medium">
                <Money value={terms.pricePerShare} decimals={data.paymentDecimals} />
              </dd>
            </div>
            <div className="flex justify-between gap-4 py-2">
              <dt className="text-ink-muted">{t("summary.available")}</dt>
              <dd className="font-medium tabular" data-testid="shares-available">
                {Number(props.remaining).toLocaleString(locale)} / {Number(terms.supplyCap).toLocaleString(locale)}
              </dd>
            </div>
            <div className="flex justify-between gap-4 py-2">
              <dt className="text-ink-muted">{t("summary.ticket")}</dt>
              <dd className="font-medium">
                {t("summary.ticketValue", { min: Number(terms.minTicket), max: Number(terms.maxTicket) })}
              </dd>
            </div>
            <div className="flex justify-between gap-4 py-2">
              <dt className="text-ink-muted">{t("summary.lockup")}</dt>
              <dd className="font-medium">
                {lockupDays > 0 ? t("summary.lockupDays", { days: lockupDays }) : t("summary.noLockup")}
              </dd>
            </div>
            {over ? (
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-ink-muted">{t("summary.status")}</dt>
                <dd className="font-medium" data-testid="offering-status">
                  {facts.phase === "sold_out"
                    ? t("summary.statusSoldOut")
                    : facts.phase === "ended" && facts.endedAt
                      ? t("summary.statusEnded", { date: formatDay(facts.endedAt, locale) })
                      : t("summary.statusClosed")}
                </dd>
              </div>
            ) : (
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-ink-muted">{t("summary.closes")}</dt>
                <dd className="font-medium">{formatDay(facts.closesAt, locale)}</dd>
              </div>
            )}
          </dl>
        </aside>
        <section className="flex flex-col gap-6">
          <header className="flex flex-col gap-2">
            <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("eyebrow")}</p>
            <h1 className="font-display text-4xl leading-tight tracking-tight">{t("title")}</h1>
            <p className="text-ink-muted">{t("intro")}</p>
          </header>
          {over ? (
            // Over from the first paint: no form, no checks, no "you can buy up to …"; the market instead.
            <div className="flex flex-col gap-4" data-testid="offering-over">
              <Alert
                tone="info"
                title={
                  facts.phase === "sold_out"
                    ? t("over.soldOutTitle")
                    : facts.phase === "ended"
                      ? t("over.endedTitle")
                      : t("over.closedTitle")
                }
              >
                {facts.phase === "sold_out"
                  ? t("over.soldOutBody", { cap: Number(terms.supplyCap) })
                  : facts.phase === "ended" && facts.endedAt
                    ? t("over.endedBody", { date: formatDay(facts.endedAt, locale) })
                    : t("over.closedBody")}
              </Alert>
              <p className="text-sm text-ink-muted">
                {trading.has(data.token.toLowerCase()) ? t("over.market") : t("over.noMarket")}
              </p>
              <div className="flex flex-wrap gap-3">
                <Link href={tradeHref} className={buttonStyles({ variant: "primary" })}>
                  {t("over.trade")}
                </Link>
                <Link href={`/artworks/${slug}`} className={buttonStyles({ variant: "ghost" })}>
                  {t("over.back")}
                </Link>
              </div>
            </div>
          ) : (
            <BuyForm offering={props} />
          )}
        </section>
      </div>
    </div>
  );
}
