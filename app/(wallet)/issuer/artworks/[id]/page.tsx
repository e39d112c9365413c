import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getAddress, type Hex } from "viem";
import { TokenRoleHistory } from "@/components/compliance/token-role-history";
import { GoOnChain } from "@/components/issuer/go-on-chain";
import {
  DocumentUploadForm,
  ImageUploadForm,
  RemoveDocumentForm,
  RemoveImageForm,
  SubmitListingForm,
  WithdrawListingForm,
  DeleteListingForm,
} from "@/components/issuer/listing-forms";
import { OfferingControls } from "@/components/issuer/offering-controls";
import { StageBadge } from "@/components/issuer/stage-badge";
import { TokenPowers } from "@/components/issuer/token-powers";
import { IssuerUpdatesSection } from "@/components/issuer/updates-section";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Markdown } from "@/components/ui/markdown";
import { Money } from "@/components/ui/money";
import { Progress } from "@/components/ui/progress";
import { requirePageSession } from "@/lib/auth/guard";
import { OfferingStatus } from "@/lib/catalogue/offering";
import { getServerEnv } from "@/lib/env";
import { getTokenPowers } from "@/lib/compliance/enforcement";
import { formatDayTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";
import { isEditable } from "@/lib/issuer/listings";
import { chainContracts, getIssuerListing, getIssuerUpdates } from "@/lib/issuer/queries";
import { LIMITS } from "@/lib/issuer/validation";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("issuer.detail");
  return { title: t("metaTitle") };
}

const MB = 1024 * 1024;

export default async function IssuerListingPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "issuer", next: `/issuer/artworks/${id}` });
  const data = await getIssuerListing({ id, issuer: ctx.address });
  if (!data) notFound();
  const [t, ts, tf, tl, locale] = await Promise.all([
    getTranslations("issuer.detail"),
    getTranslations("issuer.stage"),
    getTranslations("issuer.files"),
    getTranslations("issuer.live"),
    getLocale(),
  ]);
  const { artwork, documents, progress, stage, stepTxs, confirmedTxs } = data;
  const txView = (tx: (typeof stepTxs)["deploy"]) =>
    tx ? { status: tx.status, txHash: tx.txHash, failure: tx.failure, sentAt: tx.sentAt.toISOString() } : null;
  const anchorTxs = Object.fromEntries(
    confirmedTxs
      .filter((tx) => tx.kind === "anchor" && typeof tx.details.documentId === "string")
      .map((tx) => [tx.details.documentId as string, tx.txHash as Hex]),
  );
  const offeringTxs = confirmedTxs.filter(
    (tx) =>
      (tx.kind === "close" || tx.kind === "withdraw") && tx.details.offeringId === progress?.offeringId?.toString(),
  );
  const updates = await getIssuerUpdates({ artworkId: artwork.id, token: artwork.tokenAddress });
  const powers = artwork.tokenAddress ? await getTokenPowers(getAddress(artwork.tokenAddress)) : null;
  const editable = isEditable(artwork);
  const title = locale === "zh-HK" && artwork.titleZh ? artwork.titleZh : artwork.title;
  const env = getServerEnv();
  const offering = progress?.offering ?? null;
  const decimals = progress?.decimals ?? 6;
  const symbol =
    artwork.title
      .replace(/[^A-Za-z]/g, "")
      .slice(0, 4)
      .toUpperCase()
      .padEnd(2, "X") + "S";

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-10 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
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
          {editable ? <DeleteListingForm id={id} title={title} /> : null}
          {artwork.status === "submitted" ? <WithdrawListingForm id={id} title={title} /> : null}
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
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt className="text-ink-muted">{t("year")}</dt>
            <dd>{artwork.year ?? "—"}</dd>
            <dt className="text-ink-muted">{t("medium")}</dt>
            <dd>{artwork.medium ?? "—"}</dd>
            <dt className="text-ink-muted">{t("dimensions")}</dt>
            <dd>{artwork.dimensions ?? "—"}</dd>
            <dt className="text-ink-muted">{t("custodian")}</dt>
            <dd>{artwork.custodian ?? "—"}</dd>
          </dl>
          <Markdown text={artwork.descriptionMd} className="flex flex-col gap-2 text-ink/90" />
        </div>
      </section>

      {offering && progress?.offeringId ? (
        <section aria-labelledby="live" className="flex flex-col gap-5">
          <h2 id="live" className="font-display text-2xl">
            {tl("title")}
          </h2>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <div className="rounded-xl border border-line p-4">
              <dt className="text-xs text-ink-muted">{tl("sold")}</dt>
              <dd className="text-xl font-medium tabular" data-testid="live-sold">
                {Number(offering.sold).toLocaleString(locale)} /{" "}
                {Number(offering.terms.supplyCap).toLocaleString(locale)}
              </dd>
            </div>
            <div className="rounded-xl border border-line p-4">
              <dt className="text-xs text-ink-muted">{tl("investors")}</dt>
              <dd className="text-xl font-medium tabular" data-testid="live-investors">
                {data.investors === null ? "—" : data.investors.toLocaleString(locale)}
              </dd>
            </div>
            <div className="rounded-xl border border-line p-4">
              <dt className="text-xs text-ink-muted">{tl("proceeds")}</dt>
              <dd className="text-xl font-medium" data-testid="live-proceeds">
                <Money value={offering.proceeds} decimals={decimals} />
              </dd>
            </div>
            <div className="rounded-xl border border-line p-4">
              <dt className="text-xs text-ink-muted">{tl("withdrawnLabel")}</dt>
              <dd className="text-xl font-medium" data-testid="live-withdrawn">
                <Money value={offering.withdrawn} decimals={decimals} />
              </dd>
            </div>
          </dl>
          <Progress
            value={Number(offering.sold) / Number(offering.terms.supplyCap || 1n)}
            label={tl("progress", { sold: Number(offering.sold), supply: Number(offering.terms.supplyCap) })}
          />
          <div className="flex flex-col gap-1">
            <p className="text-sm">
              {tl("terms", {
                price: formatMoney(offering.terms.pricePerShare, decimals, locale),
                min: Number(offering.terms.minTicket).toLocaleString(locale),
                max: Number(offering.terms.maxTicket).toLocaleString(locale),
              })}
            </p>
            <p className="text-sm text-ink-muted">
              {tl("window", {
                start: formatDayTime(new Date(Number(offering.terms.start) * 1000), locale),
                end: formatDayTime(new Date(Number(offering.terms.end) * 1000), locale),
              })}
            </p>
          </div>
          <OfferingControls
            id={id}
            account={getAddress(ctx.address)}
            primaryOffering={chainContracts().primaryOffering}
            offeringId={progress.offeringId.toString()}
            canClose={offering.status === OfferingStatus.Live || offering.status === OfferingStatus.Upcoming}
            withdrawable={
              offering.proceeds > offering.withdrawn
                ? formatMoney(offering.proceeds - offering.withdrawn, decimals, locale)
                : null
            }
          />
          {offeringTxs.length > 0 ? (
            <div className="flex flex-col gap-2">
              <h3 className="font-medium">{tl("history")}</h3>
              <ul
                className="divide-y divide-line rounded-xl border border-line text-sm"
                aria-label={tl("history")}
                data-testid="offering-history"
              >
                {offeringTxs.map((tx) => (
                  <li
                    key={tx.id}
                    className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
                  >
                    <span className="font-medium">
                      {tx.kind === "close"
                        ? tl("historyClosed")
                        : tl("historyWithdrawn", {
                            amount: formatMoney(BigInt(String(tx.details.amount ?? "0")), decimals, locale),
                          })}
                      <span className="ml-2 text-xs font-normal text-ink-muted tabular">
                        {formatDayTime(tx.settledAt ?? tx.createdAt, locale)}
                      </span>
                    </span>
                    <code className="min-w-0 font-mono text-xs break-all text-ink-muted">{tx.txHash}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="files" className="flex flex-col gap-6">
        <h2 id="files" className="font-display text-2xl">
          {tf("title")}
        </h2>
        {editable ? (
          <div className="flex flex-col gap-3">
            <h3 className="font-medium">{tf("images")}</h3>
            {artwork.images.length === 0 ? (
              <p className="text-sm text-ink-muted">{tf("noImages")}</p>
            ) : (
              <ul className="divide-y divide-line rounded-xl border border-line text-sm" aria-label={tf("images")}>
                {artwork.images.map((img) => (
                  <li key={img.src} className="flex items-center gap-3 px-4 py-3">
                    {/* eslint-disable-next-line @next/next/no-img-element -- stored, already resized listing image */}
                    <img
                      src={img.src}
                      alt=""
                      width={img.width}
                      height={img.height}
                      className="size-14 shrink-0 rounded-md border border-line object-cover"
                    />
                    <span className="flex min-w-0 flex-1 flex-col">
                      <span className="font-medium break-words">{img.alt}</span>
                      <span className="text-xs text-ink-muted tabular">
                        {img.width} × {img.height} px
                      </span>
                    </span>
                    <RemoveImageForm id={id} src={img.src} alt={img.alt} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        <div className="flex flex-col gap-3">
          <h3 className="font-medium">{tf("documents")}</h3>
          {documents.length === 0 ? (
            <p className="text-sm text-ink-muted">{tf("noDocuments")}</p>
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line text-sm" aria-label={tf("documents")}>
              {documents.map((d) => (
                <li key={d.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <span className="flex min-w-0 flex-col">
                    <a href={`/documents/${d.id}`} className="font-medium underline-offset-4 hover:underline">
                      {d.title}
                    </a>
                    <span className="text-xs text-ink-muted">
                      {tf(`kinds.${d.kind}`)} · {(d.sizeBytes / 1024).toFixed(0)} KB
                    </span>
                    <span className="text-xs text-ink-muted">
                      {tf("sha256")}{" "}
                      <code className="font-mono break-all" data-testid="document-sha256">
                        {d.sha256}
                      </code>
                    </span>
                  </span>
                  {editable ? <RemoveDocumentForm id={id} documentId={d.id} title={d.title} /> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        {editable ? (
          <div className="grid gap-8 rounded-2xl border border-line p-5">
            <div className="flex flex-col gap-2">
              <h3 className="font-medium">{tf("addImage")}</h3>
              <ImageUploadForm id={id} maxMb={LIMITS.imageBytes / MB} />
            </div>
            <div className="flex flex-col gap-2">
              <h3 className="font-medium">{tf("addDocument")}</h3>
              <DocumentUploadForm id={id} maxMb={LIMITS.documentBytes / MB} />
            </div>
          </div>
        ) : null}
      </section>

      {editable ? (
        <section aria-labelledby="submit" className="flex flex-col gap-3">
          <h2 id="submit" className="font-display text-2xl">
            {t("submitTitle")}
          </h2>
          <SubmitListingForm id={id} disabledReason={artwork.images.length === 0 ? t("needsImage") : null} />
        </section>
      ) : null}

      {data.chainError ? (
        <section aria-labelledby="on-chain" className="flex flex-col gap-4">
          <h2 id="on-chain" className="font-display text-2xl">
            {t("onChainTitle")}
          </h2>
          <Alert tone="warn" title={t("chainErrorTitle")}>
            {t("chainErrorBody")}
          </Alert>
        </section>
      ) : null}

      {progress && artwork.metadataUri && artwork.metadataHash ? (
        <section aria-labelledby="on-chain" className="flex flex-col gap-4">
          <div>
            <h2 id="on-chain" className="font-display text-2xl">
              {t("onChainTitle")}
            </h2>
            <p className="text-sm text-ink-muted">{t("onChainIntro")}</p>
          </div>
          <GoOnChain
            id={id}
            account={getAddress(ctx.address)}
            contracts={chainContracts()}
            appOrigin={env.appOrigin}
            tokenName={`Atelier ${artwork.title}`.slice(0, 64)}
            symbol={symbol}
            metadataUri={artwork.metadataUri}
            metadataHash={artwork.metadataHash as Hex}
            decimals={decimals}
            chainNow={progress.chainNow}
            token={progress.token}
            documents={progress.documents}
            offeringId={progress.offeringId?.toString() ?? null}
            deployTx={txView(stepTxs.deploy)}
            offeringTx={txView(stepTxs.offering)}
            anchorTxs={anchorTxs}
            countries={[344, 702, 826, 840].map((code) => ({ code, name: countryShortNameFromNumeric(code, locale) }))}
          />
        </section>
      ) : null}

      {powers ? <TokenPowers powers={powers} /> : null}

      {artwork.tokenAddress ? (
        <IssuerUpdatesSection
          id={id}
          updates={updates}
          account={getAddress(ctx.address)}
          token={getAddress(artwork.tokenAddress)}
          appOrigin={env.appOrigin}
        />
      ) : null}

      {artwork.tokenAddress ? <TokenRoleHistory token={artwork.tokenAddress} /> : null}
    </div>
  );
}
