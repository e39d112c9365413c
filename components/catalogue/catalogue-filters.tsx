import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
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
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1.6fr_1fr_1fr_0.7fr_0.7fr_1fr]">
        <Field id="f-q" label={t("search")}>
          {(p) => (
            <Input {...p} type="search" name="q" defaultValue={value.q ?? ""} placeholder={t("searchPlaceholder")} />
          )}
        </Field>
        <Field id="f-status" label={t("status")}>
          {(p) => (
            <Select {...p} name="status" defaultValue={value.status ?? ""}>
              <option value="">{t("any")}</option>
              {catalogueStatuses.map((s) => (
                <option key={s} value={s}>
                  {ts(s)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="f-artist" label={t("artist")}>
          {(p) => (
            <Select {...p} name="artist" defaultValue={value.artist ?? ""}>
              <option value="">{t("anyArtist")}</option>
              {artists.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="f-min" label={t("minPrice")} error={boundError("min")}>
          {(p) => (
            <Input
              {...p}
              name="min"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={value.typed?.min ?? boundText(value.minPrice)}
              placeholder="HK$"
            />
          )}
        </Field>
        <Field id="f-max" label={t("maxPrice")} error={boundError("max")}>
          {(p) => (
            <Input
              {...p}
              name="max"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={value.typed?.max ?? boundText(value.maxPrice)}
              placeholder="HK$"
            />
          )}
        </Field>
        <Field id="f-sort" label={t("sort")}>
          {(p) => (
            <Select {...p} name="sort" defaultValue={value.sort ?? "featured"}>
              {catalogueSorts.map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
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
