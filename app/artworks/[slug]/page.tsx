import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArtworkDetails, ArtworkText } from "@/components/asset/artwork-details";
import { DocumentsList } from "@/components/asset/documents-list";
import { Gallery } from "@/components/asset/gallery";
import { OfferingPanel } from "@/components/asset/offering-panel";
import { getTradingTokens } from "@/lib/catalogue";
import { getArtworkPage, getArtworkUpdates } from "@/lib/assets";
import { RiskWarnings } from "@/components/asset/risk-warnings";
import { TokenRules } from "@/components/asset/token-rules";
import { UpdatesList } from "@/components/asset/updates-list";
import { getViewer } from "@/components/layout/viewer";
import { MarketSection } from "@/components/market/market-section";
import { Section } from "@/components/ui/section";
import { FollowArtwork } from "@/components/notifications/follow-artwork";
import { IssuerCard } from "@/components/asset/issuer-card";
import { SalePanel } from "@/components/sale/sale-panel";
import { loadSaleOfToken } from "@/lib/sale";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [data, t, locale] = await Promise.all([getArtworkPage({ slug }), getTranslations("artwork"), getLocale()]);
  if (!data) return {};
  const title = locale === "zh-HK" && data.artwork.titleZh ? data.artwork.titleZh : data.artwork.title;
  return { title, description: t("metaDescription", { title, artist: data.artwork.artist }) };
}

export default async function ArtworkPage({ params }: Props) {
  const { slug } = await params;
  const [data, viewer, t, tui, locale] = await Promise.all([
    getArtworkPage({ slug }),
    getViewer(),
    getTranslations("artwork"),
    getTranslations("ui.dialog"),
    getLocale(),
  ]);
  if (!data) notFound();
  const { artwork } = data;
  const [updates, sale] = data.token
    ? await Promise.all([getArtworkUpdates({ artworkId: artwork.id, token: data.token }), loadSaleOfToken(data.token)])
    : [[], null];
  const zh = locale === "zh-HK";
  const title = zh && artwork.titleZh ? artwork.titleZh : artwork.title;

  return (
    <article className="mx-auto flex max-w-7xl flex-col gap-14 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <div>
        <Link
          href="/"
          className="tap-target self-start text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
        >
          ← {t("back")}
        </Link>
      </div>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1.6fr)_minmax(20rem,1fr)] lg:gap-14">
        <div className="flex flex-col gap-8">
          <Gallery
            images={artwork.images}
            labels={{
              label: t("gallery.label"),
              zoom: t("gallery.zoom"),
              zoomTitle: t("gallery.zoomTitle", { title }),
              hint: t("gallery.hint"),
              zoomIn: t("gallery.zoomIn"),
              zoomOut: t("gallery.zoomOut"),
              close: tui("close"),
              show: t.raw("gallery.show") as string,
            }}
          />
          <header className="flex flex-col gap-2">
            <p className="text-sm tracking-[0.16em] text-ink-muted uppercase">{artwork.artist}</p>
            <h1 className="font-display text-4xl leading-tight tracking-tight sm:text-5xl">{title}</h1>
            {zh && artwork.titleZh ? <p className="text-ink-muted">{artwork.title}</p> : null}
            <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2 text-sm">
              {(
                [
                  { key: "year", value: artwork.year, tabular: true },
                  { key: "medium", value: artwork.medium, tabular: false },
                  { key: "dimensions", value: artwork.dimensions, tabular: true },
                ] as const
              ).map((fact) =>
                fact.value ? (
                  <div key={fact.key}>
                    <dt className="text-ink-muted">{t(`facts.${fact.key}`)}</dt>
                    <dd className={fact.tabular ? "tabular" : undefined}>{fact.value}</dd>
                  </div>
                ) : null,
              )}
            </dl>
            {artwork.artistBio ? <p className="mt-2 text-sm text-ink-muted">{artwork.artistBio}</p> : null}
          </header>
          <ArtworkText
            title={t("description")}
            text={zh && artwork.descriptionZh ? artwork.descriptionZh : artwork.descriptionMd}
          />
          <ArtworkText title={t("story")} text={zh && artwork.storyZh ? artwork.storyZh : artwork.storyMd} />
        </div>
        <aside className="flex flex-col gap-6 lg:sticky lg:top-24 lg:self-start">
          <OfferingPanel
            slug={artwork.slug}
            offering={data.offering}
            decimals={data.paymentDecimals}
            holderCount={data.holderCount}
            lockupSeconds={data.rules?.lockupSeconds ?? 0n}
            paused={data.paused}
            signedIn={!!viewer}
            trading={data.token ? (await getTradingTokens()).has(data.token.toLowerCase()) : false}
          />
          <FollowArtwork slug={artwork.slug} artworkId={artwork.id} address={viewer?.address ?? null} />
          <IssuerCard address={artwork.issuerAddress} />
          <RiskWarnings />
        </aside>
      </div>
      {sale?.sale ? (
        <SalePanel sale={sale.sale} decimals={data.paymentDecimals} chainTime={sale.chainTime}>
          <Link
            href={`/artworks/${artwork.slug}/trade#sale`}
            className="tap-target self-start text-sm underline underline-offset-4"
            data-testid="sale-act-link"
          >
            {t("sale.act")}
          </Link>
        </SalePanel>
      ) : null}
      {data.token ? <MarketSection slug={artwork.slug} token={data.token} decimals={data.paymentDecimals} /> : null}
      <ArtworkDetails artwork={artwork} />
      <UpdatesList updates={updates} />
      <Section id="documents" title={t("documents.title")} look="display">
        <DocumentsList documents={data.documents} />
      </Section>
      {data.rules && data.token ? (
        <TokenRules
          token={data.token}
          rules={data.rules}
          totalSupply={data.totalSupply}
          explorerUrl={data.explorerUrl}
        />
      ) : null}
    </article>
  );
}
