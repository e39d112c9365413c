import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HolderActionsScope } from "@/components/compliance/console/holder-actions";
import { PagerLink } from "@/components/ui/pager-link";
import { EmptyState } from "@/components/ui/empty-state";
import type { RegisterView } from "@/lib/compliance";
import type { RegisterSort } from "@/lib/compliance/client";
import { formatDay } from "@/lib/format/date";
import type { KycStatus } from "@/lib/kyc/types";
import { hrefWith } from "./href";
import type { RegisterSectionProps } from "./register-filters";
import { RegisterRows, type RegisterRowView } from "./register-rows";

type T = Awaited<ReturnType<typeof getTranslations<"complianceConsole.register">>>;
type TC = Awaited<ReturnType<typeof getTranslations<"complianceConsole">>>;
type Row = RegisterView["page"]["rows"][number];

const COLUMNS: { key: string; sort?: RegisterSort; numeric?: boolean }[] = [
  { key: "wallet" },
  { key: "investor", sort: "name" },
  { key: "country", sort: "country" },
  { key: "kyc", sort: "kyc" },
  { key: "shares", sort: "shares", numeric: true },
  { key: "share", numeric: true },
  { key: "frozen", sort: "frozen", numeric: true },
  { key: "lockup", numeric: true },
];

/** The page of holders (sortable columns, per-row actions for an agent), or why it is empty; then the paging. */
export async function RegisterTable({ token, base, officer, p, v }: RegisterSectionProps) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("complianceConsole.register"),
    getTranslations("complianceConsole"),
    getLocale(),
  ]);
  const { register, page: view, act } = v;
  if (register.walletRows === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />;
  if (view.total === 0) return <EmptyState title={t("noMatchTitle")} description={t("noMatchBody")} />;
  const fmt = {
    nf: new Intl.NumberFormat(locale === "en" ? "en-HK" : locale),
    pct: new Intl.NumberFormat(locale === "en" ? "en-HK" : locale, { style: "percent", maximumFractionDigits: 2 }),
    locale,
  };
  const table = (
    <div className="max-h-[70vh] overflow-auto rounded-xl border border-line">
      <table className="w-full min-w-[62rem] border-collapse text-sm">
        <caption className="sr-only">
          {t("caption", {
            symbol: register.symbol,
            sort: t(`columns.${p.sort === "name" ? "name" : p.sort}` as never),
            dir: t(p.dir),
          })}
        </caption>
        <thead className="sticky top-0 z-10 bg-surface-muted text-left text-xs text-ink-muted">
          <tr>
            {act ? (
              <th scope="col" className="border-b border-line px-3 py-2 font-medium">
                <span className="sr-only">{t("columns.select")}</span>
              </th>
            ) : null}
            {COLUMNS.map((c) => {
              const active = c.sort && c.sort === p.sort;
              const label = t(`columns.${c.key}` as never);
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (p.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`border-b border-line px-3 py-2 font-medium ${c.numeric ? "text-right" : ""}`}
                >
                  {c.sort ? (
                    <Link
                      href={hrefWith(base, p, {
                        sort: c.sort,
                        dir: active && p.dir === "desc" ? "asc" : "desc",
                        page: 1,
                      })}
                      className="inline-flex items-center gap-1 hover:text-ink"
                      aria-label={t("sortBy", { column: label })}
                    >
                      {label}
                      <span aria-hidden="true">{active ? (p.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
            {act ? (
              <th scope="col" className="border-b border-line px-3 py-2 font-medium">
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        {/* Rules, padding, alignment and hover from the body (`data-rows register-rows`), not classes on every cell. */}
        <tbody className="data-rows register-rows">
          <RegisterRows rows={view.rows.map((r) => rowView(r, v, t, tc, fmt))} act={act} />
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      {act ? (
        <HolderActionsScope token={token} symbol={register.symbol} officer={officer} desk={v.desk}>
          {table}
        </HolderActionsScope>
      ) : (
        table
      )}
      {view.pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center justify-between gap-2 text-sm">
          <PagerLink rel="prev" href={view.page > 1 ? hrefWith(base, p, { page: view.page - 1 }) : null}>
            {t("previous")}
          </PagerLink>
          <span>{t("pageOf", { page: view.page, pages: view.pages })}</span>
          <PagerLink rel="next" href={view.page < view.pages ? hrefWith(base, p, { page: view.page + 1 }) : null}>
            {t("next")}
          </PagerLink>
        </nav>
      ) : null}
    </>
  );
}

/** One holder wallet as the table's rows draw it: who holds it, KYC, shares, freezes and lock-up, worded here. */
function rowView(
  r: Row,
  v: RegisterView,
  t: T,
  tc: TC,
  { nf, pct, locale }: { nf: Intl.NumberFormat; pct: Intl.NumberFormat; locale: string },
): RegisterRowView {
  const id = r.identity;
  return {
    wallet: r.wallet,
    verified: r.verified,
    investor: id
      ? {
          id: id.id,
          name: id.name,
          category: id.category ? tc(`categories.${id.category}` as never) : null,
          others: id.wallets.filter((w) => w !== r.wallet.toLowerCase()).length,
        }
      : null,
    residence: id?.residence ?? null,
    kyc: id
      ? {
          status: id.kycStatus as KycStatus,
          // The console's words for the status, from this page's messages (no translation lookup in the browser).
          label: tc(`kyc.${id.kycStatus}` as never),
          note: id.kycExpiresAt
            ? tc(id.kycExpiresAt.getTime() < v.register.blockTime * 1000 ? "kyc.expiredOn" : "kyc.expires", {
                date: formatDay(id.kycExpiresAt, locale),
              })
            : null,
        }
      : null,
    shares: { raw: r.shares.toString(), text: nf.format(r.shares) },
    share: pct.format(r.share),
    frozen: r.frozen,
    frozenAmount: {
      raw: r.frozenAmount.toString(),
      text: r.frozenAmount > 0n ? t("partFrozen", { amount: Number(r.frozenAmount) }) : null,
    },
    lockedAmount: r.lockedAmount.toString(),
    lockup:
      r.lockedAmount > 0n
        ? t("lockedUntil", { amount: Number(r.lockedAmount), date: formatDay(new Date(r.lockedUntil * 1000), locale) })
        : null,
  };
}
