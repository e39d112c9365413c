import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueFrame } from "@/components/compliance/console/queue-frame";
import { KybStatusBadge } from "@/components/kyb/status-badge";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { ChineseName } from "@/components/ui/chinese-name";
import { requirePageSession } from "@/lib/auth";
import { formatDay } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";
import { getKybQueueView } from "@/lib/kyb";

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
  return (
    <QueueFrame
      current="issuers"
      heading={{ eyebrow: t("eyebrow"), title: t("title"), intro: t("intro") }}
      count={t("count", { count: page.total ?? page.rows.length })}
      empty={{ title: t("emptyTitle"), description: t("emptyBody") }}
      pager={{ page, number, path: "/compliance/issuers", sp, label: t("pages") }}
      filters={
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
      }
    >
      <DataTable
        caption={t("caption")}
        minWidth="640px"
        columns={(["company", "number", "status", "submitted"] as const).map((c) => ({ label: t(`columns.${c}`) }))}
      >
        {page.rows.map((r) => (
          <Row key={r.id}>
            <Cell className="font-medium">
              <Link href={`/compliance/issuers/${r.id}`} className="underline-offset-2 hover:underline">
                {r.data.legalNameEn || t("unnamed")}
              </Link>
              <ChineseName name={r.data.legalNameZh} />
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
    </QueueFrame>
  );
}
