import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StageBadge } from "@/components/issuer/stage-badge";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Cell, DataTable, keyColumns, Row, RowHeader } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageSession } from "@/lib/auth";
import { getIssuerDashboard } from "@/lib/issuer";
import { formatDay } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("issuer.dashboard");

export default async function IssuerPage() {
  const ctx = await requirePageSession({ role: "issuer", next: "/issuer" });
  const [{ rows, chainError }, t, ts, locale] = await Promise.all([
    getIssuerDashboard({ issuer: ctx.address }),
    getTranslations("issuer.dashboard"),
    getTranslations("issuer.stage"),
    getLocale(),
  ]);
  const tp = await getTranslations("issuer.profile");
  const newLink = (
    <Link href="/issuer/artworks/new" className={buttonStyles()}>
      {t("new")}
    </Link>
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <PageHeading as="div" look="desk" eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
        <div className="flex flex-wrap gap-3">
          <Link href="/issuer/profile" className={buttonStyles({ variant: "secondary" })}>
            {tp("nav")}
          </Link>
          {rows.length > 0 ? newLink : null}
        </div>
      </header>
      {chainError ? (
        <Alert tone="warn" title={t("chainErrorTitle")}>
          {t("chainErrorBody")}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} action={newLink} />
      ) : (
        <DataTable
          caption={t("caption")}
          minWidth="0"
          columns={keyColumns(["artwork", "stage", "updated", "actions"], (k) => t(`columns.${k}`), {
            updated: { className: "hidden sm:table-cell" },
            actions: { srOnly: true, className: "hidden sm:table-cell" },
          })}
        >
          {rows.map(({ artwork, stage }) => {
            const title = locale === "zh-HK" && artwork.titleZh ? artwork.titleZh : artwork.title;
            return (
              <Row key={artwork.id}>
                <RowHeader>
                  <Link
                    href={`/issuer/artworks/${artwork.id}`}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {title}
                  </Link>
                  <p className="text-xs text-ink-muted">{artwork.artist}</p>
                  {/* On a phone the last-change column folds in under the title. */}
                  <p className="text-xs text-ink-muted tabular sm:hidden">
                    {t("columns.updated")}: {formatDay(artwork.updatedAt, locale)}
                  </p>
                </RowHeader>
                <Cell className="align-top sm:align-middle">
                  <StageBadge stage={stage} label={ts(stage)} />
                </Cell>
                <Cell className="hidden text-ink-muted tabular sm:table-cell">
                  {formatDay(artwork.updatedAt, locale)}
                </Cell>
                <Cell className="hidden text-right sm:table-cell">
                  <Link
                    href={`/issuer/artworks/${artwork.id}`}
                    className={buttonStyles({ variant: "ghost", size: "sm" })}
                    aria-label={t("openLabel", { title })}
                  >
                    {t("open")}
                  </Link>
                </Cell>
              </Row>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
