import { getTranslations } from "next-intl/server";
import { LazyBatchFreezeAction, LazyBatchTransferAction } from "@/components/compliance/console/batch-lazy";
import { ConsoleFilterForm } from "@/components/compliance/console/filter-form";
import { buttonStyles } from "@/components/ui/button";
import { FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import type { RegisterView } from "@/lib/compliance";
import { REGISTER_DEFAULT_PER, REGISTER_PAGE_SIZES, type RegisterParams } from "@/lib/compliance/client";
import { hrefWith } from "./href";

/** What every part of a token's register page is drawn from: the token, the page's path, the officer, the query. */
export type RegisterSectionProps = {
  token: `0x${string}`;
  base: string;
  officer: `0x${string}`;
  p: RegisterParams;
  v: RegisterView;
};

/** Search, past block and page size (a GET form: the state lives in the URL), then the count and batch actions. */
export async function RegisterFilters({ token, base, officer, p, v }: RegisterSectionProps) {
  const t = await getTranslations("complianceConsole.register");
  const { register, page: view, act, past, desk } = v;
  const csvHref = hrefWith(
    `${base}/register.csv`,
    { ...p, page: 1, per: REGISTER_DEFAULT_PER },
    { ...(register.atLatest ? {} : { block: register.blockNumber.toString() }) },
  );
  return (
    <>
      <ConsoleFilterForm
        action={base}
        values={{ q: p.q, block: p.block, per: p.per, sort: p.sort, dir: p.dir }}
        label={t("filters")}
        applyLabel={t("apply")}
        resetLabel={t("reset")}
        className="grid gap-3 rounded-xl border border-line p-3 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end"
      >
        <FilterInput
          id="register-q"
          label={t("search")}
          name="q"
          defaultValue={p.q}
          placeholder={t("searchHint")}
          description={t("searchHint")}
        />
        <FilterInput
          id="register-block"
          label={t("block")}
          name="block"
          inputMode="numeric"
          defaultValue={p.block ?? ""}
          placeholder={t("blockHint")}
        />
        <FilterSelect
          id="register-per"
          label={t("perPage")}
          name="per"
          defaultValue={String(p.per)}
          options={REGISTER_PAGE_SIZES.map((n) => ({ value: n, label: String(n) }))}
        />
        {p.sort !== "shares" ? <input type="hidden" name="sort" value={p.sort} /> : null}
        {p.dir !== "desc" ? <input type="hidden" name="dir" value={p.dir} /> : null}
      </ConsoleFilterForm>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite">
          {t("count", { count: view.total })} · {t("pageOf", { page: view.page, pages: view.pages })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {act && register.walletRows > 0 ? (
            <LazyBatchFreezeAction token={token} symbol={register.symbol} officer={officer} />
          ) : null}
          {!past && desk && register.walletRows > 0 ? (
            <LazyBatchTransferAction token={token} symbol={register.symbol} officer={officer} desk={desk} />
          ) : null}
          <a href={csvHref} className={buttonStyles({ variant: "secondary", size: "sm" })} download>
            {t("exportCsv")}
          </a>
        </div>
      </div>
    </>
  );
}
