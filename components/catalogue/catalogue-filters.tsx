import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ChoiceSelect, type FilterOption } from "@/components/ui/filter-fields";
import { Input } from "@/components/ui/input";
import {
  catalogueSorts,
  catalogueStatuses,
  PRICE_BOUND_DECIMALS,
  type CatalogueFilters as Filters,
} from "@/lib/catalogue/types";
import { describeAmountError } from "@/lib/format/amount";
import { formatUnitsExact } from "@/lib/format/money";

/** A bound in HK cents as the parser reads it back: "12,500" or "12,500.50". */
function boundText(cents: bigint | undefined): string {
  if (cents === undefined) return "";
  const [whole, fraction] = formatUnitsExact(cents, PRICE_BOUND_DECIMALS).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction && fraction !== "00" ? `${grouped}.${fraction}` : grouped;
}

/** One of the form's selects (status, artist, sort) in a `Field`, as the price bounds are: id `f-<name>`. */
function select(
  name: string,
  {
    label,
    defaultValue,
    any,
    options,
    className,
  }: { label: string; defaultValue: string; any?: string; options: FilterOption[]; className?: string },
) {
  return (
    <Field id={`f-${name}`} label={label} className={className}>
      {(p) => <ChoiceSelect {...p} name={name} defaultValue={defaultValue} any={any} options={options} />}
    </Field>
  );
}

export type CatalogueFiltersProps = {
  /** Current values (from `parseCatalogueFilters(searchParams)`). */
  value: Filters;
  /** Artist names for the artist select. */
  artists: string[];
  /** Form target; defaults to `/`. */
  action?: string;
  /** Number of results, announced politely after filtering. */
  resultCount?: number;
};

/**
 * A GET form: filters live in the URL and work without JavaScript.
 * Params: q, status, artist, min, max (HK$ per share, as typed: "12,500", "12 500.50"), sort.
 */
export function CatalogueFilters({ value, artists, action = "/", resultCount }: CatalogueFiltersProps) {
  const t = useTranslations("catalogue.filters");
  const ts = useTranslations("catalogue.status");
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  const active = Object.keys(value).length > 0;
  // A refused bound is shown as typed with the parser's words, and is not applied.
  const boundError = (side: "min" | "max") => {
    const error = value.invalid?.[side];
    return error ? describeAmountError(error, tAmount, locale) : undefined;
  };
  return (
    <form method="get" action={action} role="search" aria-label={t("label")} className="flex flex-col gap-4">
      {/* Two columns from the phone up (search and sort span both), so the artworks start within the first screen. */}
      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4 lg:grid-cols-[1.6fr_1fr_1fr_0.7fr_0.7fr_1fr]">
        <Field id="f-q" label={t("search")} className="col-span-2 lg:col-span-1">
          {(p) => (
            <Input {...p} type="search" name="q" defaultValue={value.q ?? ""} placeholder={t("searchPlaceholder")} />
          )}
        </Field>
        {select("status", {
          label: t("status"),
          defaultValue: value.status ?? "",
          any: t("any"),
          options: catalogueStatuses.map((s) => ({ value: s, label: ts(s) })),
        })}
        {select("artist", {
          label: t("artist"),
          defaultValue: value.artist ?? "",
          any: t("anyArtist"),
          options: artists.map((a) => ({ value: a, label: a })),
        })}
        {(["min", "max"] as const).map((side) => (
          <Field key={side} id={`f-${side}`} label={t(`${side}Price`)} error={boundError(side)}>
            {(p) => (
              <Input
                {...p}
                name={side}
                inputMode="decimal"
                autoComplete="off"
                defaultValue={value.typed?.[side] ?? boundText(side === "min" ? value.minPrice : value.maxPrice)}
                placeholder="HK$"
              />
            )}
          </Field>
        ))}
        {select("sort", {
          label: t("sort"),
          defaultValue: value.sort ?? "featured",
          className: "col-span-2 lg:col-span-1",
          options: catalogueSorts.map((s) => ({ value: s, label: t(`sorts.${s}`) })),
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles({ variant: "primary", size: "sm" })}>
          {t("apply")}
        </button>
        {active ? (
          <Link href={action} className={buttonStyles({ variant: "ghost", size: "sm" })}>
            {t("clear")}
          </Link>
        ) : null}
        {resultCount !== undefined ? (
          <p aria-live="polite" className="ml-auto text-sm text-ink-muted tabular">
            {t("results", { count: resultCount })}
          </p>
        ) : null}
      </div>
    </form>
  );
}
