import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleFilterForm } from "@/components/compliance/console/filter-form";
import { FilterSelect } from "@/components/ui/filter-fields";
import { listCountries } from "@/lib/i18n/countries";
import { QUEUE_SORTS, type QueueFilters, investorCategories, kycStatuses, QUEUE_AGES as AGES } from "@/lib/kyc";

/** The KYC queue's filters (a GET form: the state lives in the URL): status, category, country, age and order. */
export async function KycQueueFilters({ filters }: { filters: QueueFilters }) {
  const [t, tk, tc, locale] = await Promise.all([
    getTranslations("complianceKyc"),
    getTranslations("onboarding.kyc"),
    getTranslations("account.investor.categories"),
    getLocale(),
  ]);
  const any = t("filters.any");
  const selects = [
    {
      name: "status",
      label: t("filters.status"),
      defaultValue: filters.status,
      options: [{ value: "open", label: t("filters.open") }, ...kycStatuses.map((s) => ({ value: s, label: tk(s) }))],
    },
    {
      name: "country",
      label: t("filters.country"),
      defaultValue: filters.country ?? "",
      any,
      options: listCountries(locale).map((c) => ({ value: c.alpha2, label: c.name })),
    },
    {
      name: "category",
      label: t("filters.category"),
      defaultValue: filters.category ?? "",
      any,
      options: investorCategories.map((c) => ({ value: c, label: tc(c) })),
    },
    {
      name: "age",
      label: t("filters.age"),
      defaultValue: String(filters.minAgeDays ?? 0),
      options: AGES.map((a) => ({ value: a, label: a ? t("filters.olderThan", { days: a }) : t("filters.anyAge") })),
    },
    {
      name: "sort",
      label: t("filters.sort"),
      defaultValue: filters.sort ?? "oldest",
      options: QUEUE_SORTS.map((o) => ({ value: o, label: t(`filters.sorts.${o}`) })),
    },
  ];
  return (
    <ConsoleFilterForm
      action="/compliance/kyc"
      values={{ ...filters }}
      label={t("filters.label")}
      applyLabel={t("filters.apply")}
      resetLabel={t("filters.reset")}
      className="grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3 lg:items-end xl:grid-cols-6"
    >
      {selects.map(({ name, ...rest }) => (
        <FilterSelect key={name} id={`kyc-queue-${name}`} name={name} {...rest} />
      ))}
    </ConsoleFilterForm>
  );
}
