import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/compliance/console/console-nav";
import { KycQueueFilters } from "@/components/compliance/kyc-queue-filters";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import { Address } from "@/components/ui/address";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { Pager } from "@/components/ui/pager";
import { requirePageSession } from "@/lib/auth";
import { getKycQueueView } from "@/lib/kyc";
import { formatDay } from "@/lib/format/date";
import { countryName } from "@/lib/i18n/countries";
import { titleMetadata } from "@/lib/i18n/metadata";
import { pageHref } from "@/lib/paging";

export const generateMetadata = titleMetadata("complianceKyc");

/** The KYC review queue: filters and the page (a cursor) in the URL, oldest submission first. */
export default async function KycQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession({ role: "identityAgent", next: "/compliance/kyc" });
  const [t, tk, tc, locale, sp] = await Promise.all([
    getTranslations("complianceKyc"),
    getTranslations("onboarding.kyc"),
    getTranslations("account.investor.categories"),
    getLocale(),
    searchParams,
  ]);
  const { filters, page, number } = await getKycQueueView(sp);
  const rows = page.rows;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <PageHeading look="console" eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
      <ConsoleNav current="kyc" />

      <KycQueueFilters filters={filters} />

      <p className="text-sm text-ink-muted" role="status">
        {t("count", { count: page.total ?? rows.length })}
      </p>

      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} description={t("empty.body")} />
      ) : (
        <DataTable
          caption={t("tableCaption")}
          maxHeight="70vh"
          minWidth="720px"
          columns={(["applicant", "wallet", "residence", "category", "status", "submitted"] as const).map((c) => ({
            label: t(`columns.${c}`),
            className: "tracking-wide uppercase",
          }))}
        >
          {rows.map((r) => (
            <Row key={r.id} className="hover:bg-surface-muted">
              <Cell className="font-medium">
                <Link href={`/compliance/kyc/${r.id}`} className="underline-offset-2 hover:underline">
                  {r.legalName ?? t("unnamed")}
                </Link>
              </Cell>
              <Cell>
                <Address address={r.wallet} copy={false} />
              </Cell>
              <Cell>{r.residence ? countryName(r.residence, locale) : "—"}</Cell>
              <Cell>
                {r.category ? tc(r.category) : "—"}
                {r.preApprovedBy ? <span className="ml-2 text-xs text-ink-muted">{t("preApproved")}</span> : null}
              </Cell>
              <Cell>
                <KycStatusBadge status={r.status} label={tk(r.status)} />
              </Cell>
              <Cell className="tabular">
                {r.submittedAt ? formatDay(r.submittedAt, locale) : "—"}
                {r.resubmitted ? (
                  <span className="ml-2 rounded-full border border-line px-2 py-0.5 text-xs">{t("resubmitted")}</span>
                ) : null}
                {r.ageDays !== null ? (
                  <span className="ml-2 text-xs text-ink-muted">{t("age", { days: r.ageDays })}</span>
                ) : null}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pager
        label={t("pages")}
        prev={page.prev && pageHref("/compliance/kyc", sp, "", { before: page.prev })}
        next={page.next && pageHref("/compliance/kyc", sp, "", { after: page.next })}
        page={number}
      />
    </div>
  );
}
