import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleFilterForm } from "@/components/compliance/console/filter-form";
import { ConsoleNav } from "@/components/compliance/console/console-nav";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import { Address } from "@/components/ui/address";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { requirePageSession } from "@/lib/auth/guard";
import { formatDay } from "@/lib/format/date";
import { countryName, listCountries } from "@/lib/i18n/countries";
import { QUEUE_SORTS } from "@/lib/kyc/applications";
import { getKycQueueView, investorCategories, kycStatuses, QUEUE_AGES as AGES } from "@/lib/kyc/views";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complianceKyc");
  return { title: t("title") };
}

/** The KYC review queue: filters in the URL, oldest submission first. */
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
  const { filters, rows } = await getKycQueueView(sp);
  const countries = listCountries(locale);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-col gap-1">
        <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("eyebrow")}</p>
        <h1 className="font-display text-3xl font-normal tracking-tight">{t("title")}</h1>
        <p className="text-sm text-ink-muted">{t("intro")}</p>
      </header>
      <ConsoleNav current="kyc" />

      <ConsoleFilterForm
        action="/compliance/kyc"
        values={{ ...filters }}
        label={t("filters.label")}
        applyLabel={t("filters.apply")}
        resetLabel={t("filters.reset")}
        className="grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3 lg:items-end xl:grid-cols-6"
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.status")}
          <Select name="status" defaultValue={filters.status}>
            <option value="open">{t("filters.open")}</option>
            {kycStatuses.map((s) => (
              <option key={s} value={s}>
                {tk(s)}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.country")}
          <Select name="country" defaultValue={filters.country ?? ""}>
            <option value="">{t("filters.any")}</option>
            {countries.map((c) => (
              <option key={c.alpha2} value={c.alpha2}>
                {c.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.category")}
          <Select name="category" defaultValue={filters.category ?? ""}>
            <option value="">{t("filters.any")}</option>
            {investorCategories.map((c) => (
              <option key={c} value={c}>
                {tc(c)}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.age")}
          <Select name="age" defaultValue={String(filters.minAgeDays ?? 0)}>
            {AGES.map((a) => (
              <option key={a} value={a}>
                {a === 0 ? t("filters.anyAge") : t("filters.olderThan", { days: a })}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.sort")}
          <Select name="sort" defaultValue={filters.sort ?? "oldest"}>
            {QUEUE_SORTS.map((o) => (
              <option key={o} value={o}>
                {t(`filters.sorts.${o}`)}
              </option>
            ))}
          </Select>
        </label>
      </ConsoleFilterForm>

      <p className="text-sm text-ink-muted" role="status">
        {t("count", { count: rows.length })}
      </p>

      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} description={t("empty.body")} />
      ) : (
        <div className="max-h-[70vh] overflow-auto rounded-xl border border-line">
          <table className="w-full min-w-[720px] text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="sticky top-0 z-10 bg-surface-muted text-xs tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.applicant")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.wallet")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.residence")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.category")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.submitted")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => {
                const days = r.ageDays;
                return (
                  <tr key={r.id} className="hover:bg-surface-muted">
                    <td className="px-4 py-2.5 font-medium">
                      <Link href={`/compliance/kyc/${r.id}`} className="underline-offset-2 hover:underline">
                        {r.legalName ?? t("unnamed")}
                      </Link>
                    </td>
                    <td className="px-4 py-2.5">
                      <Address address={r.wallet} copy={false} />
                    </td>
                    <td className="px-4 py-2.5">{r.residence ? countryName(r.residence, locale) : "—"}</td>
                    <td className="px-4 py-2.5">
                      {r.category ? tc(r.category) : "—"}
                      {r.preApprovedBy ? <span className="ml-2 text-xs text-ink-muted">{t("preApproved")}</span> : null}
                    </td>
                    <td className="px-4 py-2.5">
                      <KycStatusBadge status={r.status} label={tk(r.status)} />
                    </td>
                    <td className="px-4 py-2.5 tabular">
                      {r.submittedAt ? formatDay(r.submittedAt, locale) : "—"}
                      {r.resubmitted ? (
                        <span className="ml-2 rounded-full border border-line px-2 py-0.5 text-xs">
                          {t("resubmitted")}
                        </span>
                      ) : null}
                      {days !== null ? <span className="ml-2 text-xs text-ink-muted">{t("age", { days })}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
