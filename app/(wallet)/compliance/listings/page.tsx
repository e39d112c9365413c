import { getLocale, getTranslations } from "next-intl/server";
import { PlatformStopControl } from "@/components/compliance/platform-stop-control";
import { ReviewForm } from "@/components/issuer/review-form";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Markdown } from "@/components/ui/markdown";
import { PageHeading } from "@/components/ui/page-heading";
import { Pager } from "@/components/ui/pager";
import { ChineseName } from "@/components/ui/chinese-name";
import { requirePageSession } from "@/lib/auth";
import { latestAppraisal, getListingReviewView } from "@/lib/issuer";
import { formatDay } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { titleMetadata } from "@/lib/i18n/metadata";
import { pageHref } from "@/lib/paging";

export const generateMetadata = titleMetadata("issuer.review");

/** The notice of the decision just made (`?reviewed=<id>&decision=approve|return`). */
async function DecisionNotice({ title, decision }: { title: string | undefined; decision: string | undefined }) {
  if (title === undefined || (decision !== "approve" && decision !== "return")) return null;
  const t = await getTranslations("issuer.review");
  return (
    <Alert
      tone="success"
      title={decision === "approve" ? t("approvedTitle", { title }) : t("returnedTitle", { title })}
    >
      {decision === "approve" ? t("approvedDone") : t("returnedDone")}
    </Alert>
  );
}

/** Listing review queue for compliance officers and the platform admin, a page (a cursor in the URL) at a time. */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ListingReviewPage({ searchParams }: Props) {
  const ctx = await requirePageSession({ role: ["compliance", "admin"], next: "/compliance/listings" });
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const [reviewed, decision] = [one("reviewed"), one("decision")];
  // The platform admin lands here: the emergency stop lives at the top of its console.
  const [{ done, listings: page, number, docs, stopControl }, t, tf, locale] = await Promise.all([
    getListingReviewView({ reviewed, admin: ctx.roles.admin, sp }),
    getTranslations("issuer.review"),
    getTranslations("issuer.files"),
    getLocale(),
  ]);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <PageHeading look="desk" eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
      {stopControl && stopControl.stopped !== null ? (
        <PlatformStopControl stopped={stopControl.stopped} registry={stopControl.registry} admin={ctx.address} />
      ) : null}
      <DecisionNotice title={done?.title} decision={decision} />
      {page.rows.length > 0 ? (
        <p className="text-sm text-ink-muted" role="status">
          {t("count", { count: page.total ?? page.rows.length })}
        </p>
      ) : null}
      {page.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-6">
          {page.rows.map((l, i) => {
            const own = l.issuerAddress === ctx.address.toLowerCase();
            const appraisal = latestAppraisal(l);
            return (
              <li key={l.id}>
                <article
                  aria-labelledby={`listing-${l.id}`}
                  className="flex flex-col gap-4 rounded-2xl border border-line p-5"
                >
                  <header className="flex flex-col gap-1">
                    <h2 id={`listing-${l.id}`} className="font-display text-2xl">
                      {l.title}
                      <ChineseName name={l.titleZh} className="text-base" />
                    </h2>
                    <p className="text-sm text-ink-muted">
                      {l.artist}
                      {l.year ? `, ${l.year}` : ""} · {t("submittedOn", { date: formatDay(l.updatedAt, locale) })}
                    </p>
                  </header>
                  <div className="flex flex-wrap gap-2">
                    {l.images.map((img) => (
                      // eslint-disable-next-line @next/next/no-img-element -- stored listing image thumbnail
                      <img
                        key={img.src}
                        src={img.src}
                        alt={img.alt}
                        width={120}
                        height={120}
                        className="size-28 rounded-lg border border-line object-cover"
                      />
                    ))}
                  </div>
                  <Markdown text={l.descriptionMd} className="flex max-w-prose flex-col gap-2 text-sm" />
                  <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
                    <dt className="text-ink-muted">{t("issuer")}</dt>
                    <dd>{l.issuerName ?? <Address address={l.issuerAddress as `0x${string}`} chars={4} />}</dd>
                    <dt className="text-ink-muted">{t("medium")}</dt>
                    <dd>{l.medium ?? "—"}</dd>
                    <dt className="text-ink-muted">{t("dimensions")}</dt>
                    <dd>{l.dimensions ?? "—"}</dd>
                    <dt className="text-ink-muted">{t("appraisal")}</dt>
                    <dd>
                      {appraisal
                        ? t("appraisalLine", {
                            value: formatMoney(BigInt(appraisal.value), 2, locale),
                            appraiser: appraisal.appraiser,
                            date: formatDay(new Date(`${appraisal.date}T00:00:00+08:00`), locale),
                          })
                        : t("noAppraisal")}
                    </dd>
                    <dt className="text-ink-muted">{t("insuredValue")}</dt>
                    <dd className="tabular">{l.insuredValue ? formatMoney(BigInt(l.insuredValue), 2, locale) : "—"}</dd>
                    <dt className="text-ink-muted">{t("custody")}</dt>
                    <dd>{[l.custodian, l.custodianLocation].filter(Boolean).join(" — ") || "—"}</dd>
                    <dt className="text-ink-muted">{t("insurer")}</dt>
                    <dd>{l.insurer ?? "—"}</dd>
                    <dt className="text-ink-muted">{t("condition")}</dt>
                    <dd>{l.conditionReport ?? "—"}</dd>
                  </dl>
                  <div className="flex flex-col gap-1 text-sm">
                    <h3 id={`provenance-${l.id}`} className="font-medium">
                      {t("provenance")}
                    </h3>
                    {l.provenance.length === 0 ? (
                      <p className="text-ink-muted">{t("noProvenance")}</p>
                    ) : (
                      <ul aria-labelledby={`provenance-${l.id}`} className="flex flex-col gap-0.5">
                        {l.provenance.map((p) => (
                          <li key={`${p.year}-${p.event}`}>
                            {p.year} — {p.event}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <div className="flex flex-col gap-1 text-sm">
                    <h3 className="font-medium">{tf("documents")}</h3>
                    {docs[i]!.length === 0 ? (
                      <p className="text-ink-muted">{tf("noDocuments")}</p>
                    ) : (
                      <ul className="flex flex-col gap-1">
                        {docs[i]!.map((d) => (
                          <li key={d.id}>
                            <a href={`/documents/${d.id}`} className="underline underline-offset-4">
                              {d.title}
                            </a>{" "}
                            <code className="font-mono text-xs break-all text-ink-muted">SHA-256 {d.sha256}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  {own ? <Alert tone="warn">{t("ownListing")}</Alert> : <ReviewForm id={l.id} title={l.title} />}
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {/* The links carry only the cursor: a decision's notice stays on the page it was made from. */}
      <Pager
        label={t("pages")}
        prev={page.prev && pageHref("/compliance/listings", {}, "", { before: page.prev })}
        next={page.next && pageHref("/compliance/listings", {}, "", { after: page.next })}
        page={number}
      />
    </div>
  );
}
