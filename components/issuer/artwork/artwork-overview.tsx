import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LazyDeleteListingForm, LazyWithdrawListingForm } from "@/components/issuer/listing-lazy";
import { StageBadge } from "@/components/issuer/stage-badge";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { FactList } from "@/components/ui/fact-list";
import { Markdown } from "@/components/ui/markdown";
import type { IssuerArtworkView } from "@/lib/issuer";

/** The listing's title, stage and actions, then the reviewer's word and whether it is in review. */
export async function ArtworkHeader({ id, v }: { id: string; v: IssuerArtworkView }) {
  const [t, ts, locale] = await Promise.all([
    getTranslations("issuer.detail"),
    getTranslations("issuer.stage"),
    getLocale(),
  ]);
  const { artwork, stage, editable } = v;
  const title = locale === "zh-HK" && artwork.titleZh ? artwork.titleZh : artwork.title;
  return (
    <>
      <Link href="/issuer" className="text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline">
        ← {t("back")}
      </Link>
      <header className="flex flex-col gap-3">
        <p className="text-sm tracking-[0.16em] text-ink-muted uppercase">{artwork.artist}</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-display text-4xl leading-tight">{title}</h1>
          <StageBadge stage={stage} label={ts(stage)} />
        </div>
        <div className="flex flex-wrap gap-3">
          {editable ? (
            <Link href={`/issuer/artworks/${id}/edit`} className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("edit")}
            </Link>
          ) : null}
          {editable ? <LazyDeleteListingForm id={id} title={title} /> : null}
          {artwork.status === "submitted" ? <LazyWithdrawListingForm id={id} title={title} /> : null}
          {artwork.tokenAddress ? (
            <Link href={`/artworks/${artwork.slug}`} className={buttonStyles({ variant: "ghost", size: "sm" })}>
              {t("publicPage")}
            </Link>
          ) : null}
        </div>
      </header>

      {artwork.status === "returned" && artwork.reviewComment ? (
        <Alert tone="warn" title={t("returnedTitle")}>
          <p className="whitespace-pre-line">{artwork.reviewComment}</p>
        </Alert>
      ) : null}
      {artwork.status !== "returned" &&
      artwork.status !== "draft" &&
      artwork.status !== "submitted" &&
      artwork.reviewComment ? (
        <Alert tone="success" title={t("approvedCommentTitle")}>
          <p className="whitespace-pre-line">{artwork.reviewComment}</p>
        </Alert>
      ) : null}
      {artwork.status === "submitted" ? (
        <Alert tone="info" title={t("inReviewTitle")}>
          {t("inReviewBody")}
        </Alert>
      ) : null}
    </>
  );
}

/** The listing's images and facts as the issuer entered them. */
export async function ArtworkSummary({ v }: { v: IssuerArtworkView }) {
  const [t, tf] = await Promise.all([getTranslations("issuer.detail"), getTranslations("issuer.files")]);
  const { artwork } = v;
  return (
    <section aria-labelledby="summary" className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
      <h2 id="summary" className="sr-only">
        {t("summary")}
      </h2>
      <div className="grid grid-cols-2 gap-3">
        {artwork.images.length === 0 ? (
          <p className="col-span-2 rounded-xl border border-dashed border-line-strong p-6 text-center text-sm text-ink-muted">
            {tf("noImages")}
          </p>
        ) : (
          artwork.images.map((img, i) => (
            // The first image large, in its own proportions; the others as square thumbnails.
            // eslint-disable-next-line @next/next/no-img-element -- stored, already resized listing image
            <img
              key={img.src}
              src={img.src}
              alt={img.alt}
              width={img.width}
              height={img.height}
              className={
                i === 0
                  ? "col-span-2 h-auto w-full rounded-lg border border-line"
                  : "aspect-square w-full rounded-lg border border-line object-cover"
              }
            />
          ))
        )}
      </div>
      <div className="flex flex-col gap-3 text-sm">
        <FactList
          facts={[
            { label: t("year"), value: artwork.year },
            { label: t("medium"), value: artwork.medium },
            { label: t("dimensions"), value: artwork.dimensions },
            { label: t("custodian"), value: artwork.custodian },
          ]}
        />
        <Markdown text={artwork.descriptionMd} className="flex flex-col gap-2 text-ink/90" />
      </div>
    </section>
  );
}
