import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/compliance/console/audit-filters";
import { AuditTable } from "@/components/compliance/console/audit-table";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { PagerLink } from "@/components/ui/pager-link";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageSession } from "@/lib/auth";
import { AUDIT_PAGE, getAuditView } from "@/lib/compliance";
import { formatDayTime } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("complianceConsole.audit");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit log: filters in the URL, the hash chain verified on every view, CSV export. */
export default async function AuditPage({ searchParams }: Props) {
  await requirePageSession({ role: "compliance", next: "/compliance/audit" });
  const [{ p, fullWalk, rangeError, rows, total, capped, actions, verification, lastWalk, subjects }, t, locale] =
    await Promise.all([getAuditView(await searchParams), getTranslations("complianceConsole.audit"), getLocale()]);
  const qs = (change: Record<string, string | number | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...p, ...change }))
      if (v !== undefined && v !== "" && !(k === "page" && v === 1)) s.set(k, String(v));
    const str = s.toString();
    return str ? `?${str}` : "";
  };
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE)) + (capped ? 1 : 0);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-6 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader current="audit" title={t("title")} intro={t("intro")} />
      {verification.ok && lastWalk && !lastWalk.ok ? (
        <Alert tone="error" title={t("walkBroken")}>
          {t("walkBrokenBody", {
            at: formatDayTime(lastWalk.at, locale),
            id: lastWalk.brokenAtId ?? 0,
            reason: lastWalk.reason ?? "",
          })}
        </Alert>
      ) : null}
      {verification.ok ? (
        <Alert tone="success" title={t("verified")}>
          <p className="break-all">
            {t(fullWalk ? "verifiedFullBody" : "verifiedBody", {
              count: verification.count,
              checked: verification.checked,
              head: verification.headHash,
            })}
          </p>
          <p className="mt-1">
            {verification.lastFullAt
              ? t("lastFull", { at: formatDayTime(verification.lastFullAt, locale) })
              : t("neverFull")}{" "}
            {fullWalk ? null : (
              <Link href={`/compliance/audit${qs({ verify: "full" })}`} className="underline underline-offset-2">
                {t("verifyFull")}
              </Link>
            )}
          </p>
        </Alert>
      ) : (
        <Alert tone="error" title={t("broken")}>
          {t("brokenBody", { id: verification.brokenAtId, reason: verification.reason, count: verification.count })}
        </Alert>
      )}
      <AuditFilters p={p} actions={actions} rangeError={!!rangeError} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite">{capped ? t("countMore", { count: total }) : t("count", { count: total })}</p>
        <a
          href={`/compliance/audit/audit.csv${qs({ page: undefined })}`}
          className={buttonStyles({ variant: "secondary", size: "sm" })}
          download
        >
          {t("exportCsv")}
        </a>
      </div>
      {rangeError ? (
        <Alert tone="warn" title={t("toBeforeFrom")}>
          {t("toBeforeFromBody")}
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
      ) : (
        <AuditTable rows={rows} locale={locale} caption={t("caption")} subjects={subjects} />
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex justify-between text-sm">
          <PagerLink href={p.page > 1 ? `/compliance/audit${qs({ page: p.page - 1 })}` : null}>
            {t("previous")}
          </PagerLink>
          <PagerLink
            href={
              p.page < pages || (capped && rows.length === AUDIT_PAGE)
                ? `/compliance/audit${qs({ page: p.page + 1 })}`
                : null
            }
          >
            {t("next")}
          </PagerLink>
        </nav>
      ) : null}
    </div>
  );
}
