import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/compliance/console/console-nav";
import { KybStatusBadge } from "@/components/kyb/status-badge";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { Pager } from "@/components/ui/pager";
import { requirePageSession } from "@/lib/auth";
import { formatDay } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";
import { getKybQueueView } from "@/lib/kyb";
import { pageHref } from "@/lib/paging";

export const generateMetadata = titleMetadata("kyb.queue");

const FILTERS = ["", "needs_information", "approved", "active", "rejected"] as const;

/** Issuer applications waiting for a decision (or of one status), first submitted first, a page at a time. */
export default async function KybQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession({ role: "identityAgent", next: "/compliance/issuers" });
  const [t, ts, locale, sp] = await Promise.all([
    getTranslations("kyb.queue"),
    getTranslations("kyb.status"),
    getLocale(),
    searchParams,
  ]);
  const { status, page, number } = await getKybQueueView(sp);
  const rows = page.rows;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <PageHeading look="console" eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
      <ConsoleNav current="issuers" />
      <nav aria-label={t("filterLabel")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={f ? `/compliance/issuers?status=${f}` : "/compliance/issuers"}
                aria-current={(status ?? "") === f ? "page" : undefined}
                className="inline-flex h-8 items-center rounded-full border border-line px-3 aria-[current=page]:bg-surface-muted aria-[current=page]:font-medium"
              >
                {f ? ts(f) : t("waiting")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-sm text-ink-muted" role="status">
        {t("count", { count: page.total ?? rows.length })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
      ) : (
        <DataTable
          caption={t("caption")}
          minWidth="640px"
          columns={(["company", "number", "status", "submitted"] as const).map((c) => ({ label: t(`columns.${c}`) }))}
        >
          {rows.map((r) => (
            <Row key={r.id}>
              <Cell className="font-medium">
                <Link href={`/compliance/issuers/${r.id}`} className="underline-offset-2 hover:underline">
                  {r.data.legalNameEn || t("unnamed")}
                </Link>
                {r.data.legalNameZh ? (
                  <span lang="zh-HK" className="ml-2 text-ink-muted">
                    {r.data.legalNameZh}
                  </span>
                ) : null}
              </Cell>
              <Cell className="tabular">{[r.data.crNumber, r.data.brNumber].filter(Boolean).join(" · ") || "—"}</Cell>
              <Cell>
                <KybStatusBadge status={r.status} />
                {r.preApprovedBy ? <span className="ml-2 text-xs text-ink-muted">{t("preApproved")}</span> : null}
              </Cell>
              <Cell className="tabular">{r.submittedAt ? formatDay(r.submittedAt, locale) : "—"}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pager
        label={t("pages")}
        prev={page.prev && pageHref("/compliance/issuers", sp, "", { before: page.prev })}
        next={page.next && pageHref("/compliance/issuers", sp, "", { after: page.next })}
        page={number}
      />
    </div>
  );
}
