import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { catalogueSorts, catalogueStatuses, type CatalogueFilters as Filters } from "@/lib/catalogue/types";

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
 * Params: q, status, artist, min, max (whole HK$), sort.
 */
export function CatalogueFilters({ value, artists, action = "/", resultCount }: CatalogueFiltersProps) {
  const t = useTranslations("catalogue.filters");
  const ts = useTranslations("catalogue.status");
  const active = Object.keys(value).length > 0;
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
        <Field id="f-min" label={t("minPrice")}>
          {(p) => (
            <Input
              {...p}
              type="number"
              name="min"
              inputMode="decimal"
              min={0}
              step="any"
              defaultValue={value.minPrice ?? ""}
              placeholder="HK$"
            />
          )}
        </Field>
        <Field id="f-max" label={t("maxPrice")}>
          {(p) => (
            <Input
              {...p}
              type="number"
              name="max"
              inputMode="decimal"
              min={0}
              step="any"
              defaultValue={value.maxPrice ?? ""}
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
