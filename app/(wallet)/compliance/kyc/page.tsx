import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueFrame } from "@/components/compliance/console/queue-frame";
import { KycQueueFilters } from "@/components/compliance/kyc-queue-filters";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import { Address } from "@/components/ui/address";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requirePageSession } from "@/lib/auth";
import { getKycQueueView } from "@/lib/kyc";
import { formatDay } from "@/lib/format/date";
import { countryName } from "@/lib/i18n/countries";
import { titleMetadata } from "@/lib/i18n/metadata";

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

  return (
    <QueueFrame
      current="kyc"
      heading={{ eyebrow: t("eyebrow"), title: t("title"), intro: t("intro") }}
      filters={<KycQueueFilters filters={filters} />}
      count={t("count", { count: page.total ?? page.rows.length })}
      empty={{ title: t("empty.title"), description: t("empty.body") }}
      pager={{ page, number, path: "/compliance/kyc", sp, label: t("pages") }}
    >
      <DataTable
        caption={t("tableCaption")}
        maxHeight="70vh"
        minWidth="720px"
        columns={(["applicant", "wallet", "residence", "category", "status", "submitted"] as const).map((c) => ({
          label: t(`columns.${c}`),
          className: "tracking-wide uppercase",
        }))}
      >
        {page.rows.map((r) => (
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
    </QueueFrame>
  );
}
