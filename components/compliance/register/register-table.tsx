import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BatchSelectBox } from "@/components/compliance/console/batch-select";
import { HolderActions, HolderActionsScope } from "@/components/compliance/console/holder-actions";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { PagerLink } from "@/components/ui/pager-link";
import { EmptyState } from "@/components/ui/empty-state";
import type { RegisterView } from "@/lib/compliance";
import type { RegisterSort } from "@/lib/compliance/client";
import { formatDay } from "@/lib/format/date";
import type { KycStatus } from "@/lib/kyc/types";
import { hrefWith } from "./href";
import type { RegisterSectionProps } from "./register-filters";

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
        {/* Rules and padding from the body (`data-rows`), not classes on every row and cell. */}
        <tbody className="data-rows">
          {view.rows.map((r) => (
            <RegisterRow key={r.wallet} r={r} v={v} t={t} tc={tc} fmt={fmt} />
          ))}
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

/** One holder wallet: who holds it, KYC, shares, freezes and lock-up, and the agent's actions. */
function RegisterRow({
  r,
  v,
  t,
  tc,
  fmt,
}: {
  r: Row;
  v: RegisterView;
  t: T;
  tc: TC;
  fmt: { nf: Intl.NumberFormat; pct: Intl.NumberFormat; locale: string };
}) {
  const { register, act } = v;
  const { nf, pct, locale } = fmt;
  const id = r.identity;
  const others = (id?.wallets ?? []).filter((w) => w !== r.wallet.toLowerCase()).length;
  return (
    <tr className="hover:bg-surface-muted/50" data-wallet={r.wallet.toLowerCase()}>
      {act ? (
        <td className="align-top">
          <BatchSelectBox
            wallet={r.wallet}
            label={t("selectRow", { who: id?.name ?? t("unknownInvestor"), wallet: r.wallet })}
          />
        </td>
      ) : null}
      <td className="align-top whitespace-nowrap">
        <Address address={r.wallet} />
        {!r.verified ? (
          <div>
            <Badge tone="danger" icon="warn">
              {t("unverified")}
            </Badge>
          </div>
        ) : null}
      </td>
      <th scope="row" className="text-left align-top font-normal">
        {id ? (
          <Link href={`/compliance/investors/${id.id}`} className="font-medium underline-offset-4 hover:underline">
            {id.name ?? t("unknownInvestor")}
          </Link>
        ) : (
          <span className="text-ink-muted">{t("unknownInvestor")}</span>
        )}
        <div className="text-xs text-ink-muted">
          {id?.category ? tc(`categories.${id.category}` as never) : null}
          {others > 0 ? <> · {t("otherWallets", { count: others })}</> : null}
        </div>
      </th>
      <td className="align-top">{id?.residence ?? t("none")}</td>
      <td className="align-top">
        {/* The console's words for the status, from this row's messages (no translation lookup per row). */}
        {id ? (
          <KycStatusBadge status={id.kycStatus as KycStatus} label={tc(`kyc.${id.kycStatus}` as never)} />
        ) : (
          t("none")
        )}
        {id?.kycExpiresAt ? (
          <div className="text-xs text-ink-muted">
            {tc(id.kycExpiresAt.getTime() < register.blockTime * 1000 ? "kyc.expiredOn" : "kyc.expires", {
              date: formatDay(id.kycExpiresAt, locale),
            })}
          </div>
        ) : null}
      </td>
      <td className="text-right align-top tabular" data-col="shares">
        {nf.format(r.shares)}
      </td>
      <td className="text-right align-top tabular">{pct.format(r.share)}</td>
      <td className="text-right align-top" data-col="frozen">
        {r.frozen ? (
          <Badge tone="danger" icon="lock">
            {t("walletFrozen")}
          </Badge>
        ) : null}
        {r.frozenAmount > 0n ? (
          <div>
            <Badge tone="warn" icon="lock">
              {t("partFrozen", { amount: Number(r.frozenAmount) })}
            </Badge>
          </div>
        ) : null}
        {!r.frozen && r.frozenAmount === 0n ? t("none") : null}
      </td>
      <td className="text-right align-top text-xs tabular" data-col="lockup">
        {r.lockedAmount > 0n
          ? t("lockedUntil", {
              amount: Number(r.lockedAmount),
              date: formatDay(new Date(r.lockedUntil * 1000), locale),
            })
          : t("none")}
      </td>
      {act ? (
        <td className="text-right align-top">
          <HolderActions
            holder={{
              wallet: r.wallet,
              name: id?.name ?? null,
              shares: r.shares.toString(),
              frozen: r.frozen,
              frozenAmount: r.frozenAmount.toString(),
              lockedAmount: r.lockedAmount.toString(),
            }}
          />
        </td>
      ) : null}
    </tr>
  );
}
