import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleFilterForm } from "@/components/compliance/console/filter-form";
import { Select } from "@/components/ui/input";
import { listCountries } from "@/lib/i18n/countries";
import { QUEUE_SORTS, type QueueFilters } from "@/lib/kyc/applications";
import { investorCategories, kycStatuses, QUEUE_AGES as AGES } from "@/lib/kyc/views";

/** The KYC queue's filters (a GET form: the state lives in the URL): status, category, country, age and order. */
export async function KycQueueFilters({ filters }: { filters: QueueFilters }) {
  const [t, tk, tc, locale] = await Promise.all([
    getTranslations("complianceKyc"),
    getTranslations("onboarding.kyc"),
    getTranslations("account.investor.categories"),
    getLocale(),
  ]);
  const countries = listCountries(locale);
  return (
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
  );
}
