import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { HistoryTable } from "@/components/portfolio/history-table";
import { HoldingsTable } from "@/components/portfolio/holdings-table";
import { OpenOrdersTable } from "@/components/portfolio/open-orders-table";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { PageHeading } from "@/components/ui/page-heading";
import { LockIcon } from "@/components/ui/icons";
import { Money } from "@/components/ui/money";
import { Section } from "@/components/ui/section";
import { StatTile, StatTiles } from "@/components/ui/stat-tiles";
import { cn } from "@/components/ui/cn";
import type { AuthContext } from "@/lib/auth";
import { homeFor } from "@/lib/auth/client";
import { HISTORY_PAGE, pageHistory, PORTFOLIO_ORDERS_PAGE, type PortfolioView } from "@/lib/portfolio";
import { type Page, pageHref, pageNumber, parsePageCursor } from "@/lib/paging";
import { Pager } from "@/components/ui/pager";
import { formatDay } from "@/lib/format/date";
import { portfolioText } from "@/components/portfolio/portfolio-text";

const sign = (v: bigint) => (v > 0n ? "+" : v < 0n ? "−" : "");
const signTone = (v: bigint) => (v > 0n ? "text-success" : v < 0n ? "text-danger" : undefined);

/** A signed amount: its sign, then its size (never a minus inside the figure). */
function Signed({ value, decimals }: { value: bigint; decimals: number }) {
  return (
    <>
      {sign(value)}
      <Money value={value < 0n ? -value : value} decimals={decimals} />
    </>
  );
}

function EmptyNote({ className, children }: { className: string; children: ReactNode }) {
  return (
    <p
      className={cn(
        "rounded-2xl border border-dashed border-line-strong px-6 text-center text-sm text-ink-muted",
        className,
      )}
    >
      {children}
    </p>
  );
}

type SearchParams = Record<string, string | string[] | undefined>;
/** A paged section's props: the portfolio, and the page's search parameters (its cursor). */
type PagedSectionProps = { view: PortfolioView; sp: SearchParams };

export async function PortfolioHeader({ wallets, years }: { wallets: string[]; years: number[] }) {
  const t = await getTranslations("portfolio");
  return (
    <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <PageHeading
        as="div"
        eyebrow={t("eyebrow")}
        title={t("title")}
        intro={
          <>
            {t("wallets", { count: wallets.length })}
            {wallets.map((w) => (
              <Address key={w} address={w} />
            ))}
          </>
        }
        introClassName="flex flex-wrap items-center gap-x-2 text-sm text-ink-muted"
      />
      <div className="flex flex-col gap-3 sm:items-end">
        <a href="/portfolio/statement.csv" download className={buttonStyles({ variant: "secondary" })}>
          {t("download")}
        </a>
        {years.length > 0 ? (
          <form
            action="/portfolio/statement.pdf"
            method="get"
            className="flex flex-wrap items-end gap-2"
            data-testid="yearly-statement"
          >
            <label className="flex flex-col gap-1 text-sm">
              <span className="text-ink-muted">{t("yearly.label")}</span>
              <Select name="year" defaultValue={years[0]} className="w-28">
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </Select>
            </label>
            <button type="submit" className={buttonStyles({ variant: "secondary" })}>
              {t("yearly.download")}
            </button>
          </form>
        ) : (
          <p className="max-w-xs text-xs text-ink-muted sm:text-right">{t("yearly.none")}</p>
        )}
      </div>
    </header>
  );
}

/** Staff are pointed to their console; an investor not (or no longer) verified, to onboarding. */
export async function PortfolioNotice({ roles, staff }: { roles: AuthContext["roles"]; staff: boolean }) {
  const t = await getTranslations("portfolio");
  if (staff) {
    return (
      <Alert
        tone="info"
        title={t("staffTitle")}
        action={
          <Link href={homeFor({ ...roles })} className={buttonStyles({ variant: "secondary", size: "sm" })}>
            {t("toConsole")}
          </Link>
        }
      >
        {t("staffBody")}
      </Alert>
    );
  }
  if (roles.verified) return null;
  return (
    <Alert
      tone="warn"
      title={t(roles.registered ? "expiredTitle" : "unverifiedTitle")}
      action={
        <Link href="/onboarding" className={buttonStyles({ variant: "secondary", size: "sm" })}>
          {t("onboarding")}
        </Link>
      }
    >
      {t(roles.registered ? "expiredBody" : "unverifiedBody")}
    </Alert>
  );
}

function Stat({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <StatTile
      label={label}
      note={note}
      size="lg"
      valueClassName="min-w-0 font-display text-2xl tracking-tight break-words"
    >
      {children}
    </StatTile>
  );
}

/** The portfolio's totals: value, cost, gain, realised gain and the HKD balance (with what open bids hold). */
export async function PortfolioTotals({ view }: { view: PortfolioView }) {
  const t = await getTranslations("portfolio");
  const { portfolio: p, held } = view;
  const d = p.decimals;
  return (
    <>
      <StatTiles className="grid-cols-1 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t("totals.value")}>
          <Money value={p.totals.value} decimals={d} />
        </Stat>
        <Stat label={t("totals.cost")}>
          <Money value={p.totals.costBasis} decimals={d} />
        </Stat>
        <Stat label={t("totals.gain")}>
          <span className={signTone(p.totals.gain)}>
            <Signed value={p.totals.gain} decimals={d} />
          </span>
        </Stat>
        <Stat label={t("totals.realised")}>
          <span data-testid="portfolio-realised" title={t("realised.note")} className={signTone(p.realised)}>
            <Signed value={p.realised} decimals={d} />
          </span>
        </Stat>
        <Stat
          label={t("totals.cash")}
          note={
            held > 0n ? (
              <span data-testid="portfolio-held">
                {t.rich("totals.held", { amount: () => <Money value={held} decimals={d} /> })}
              </span>
            ) : undefined
          }
        >
          <span data-testid="portfolio-hkd">
            <Money value={p.hkdBalance} decimals={d} balance />
          </span>
        </Stat>
      </StatTiles>
      <p className="-mt-6 text-xs text-ink-muted">
        {t("valuationNote")} {t("realised.note")}
      </p>
    </>
  );
}

export async function HoldingsSection({ view }: { view: PortfolioView }) {
  const t = await getTranslations("portfolio");
  const p = view.portfolio;
  return (
    <Section id="holdings-title" title={t("holdings.title")} look="display">
      {p.holdings.length > 0 ? (
        <HoldingsTable holdings={p.holdings} decimals={p.decimals} sales={view.sales} chainTime={view.chainTime} />
      ) : (
        <EmptyState
          title={t("empty.title")}
          description={t("empty.body")}
          action={
            <Link href="/" className={buttonStyles({ variant: "primary" })}>
              {t("empty.browse")}
            </Link>
          }
        />
      )}
    </Section>
  );
}

/**
 * A paged list of the portfolio (`list` names its messages and its cursor's parameters): how many there are, the
 * page's table and the links to the pages around it; a note when there are none.
 */
function PagedList({
  list,
  page,
  size,
  count,
  sp,
  t,
  emptyClassName,
  children,
}: {
  list: "orders" | "history";
  page: Page<unknown>;
  size: number;
  count: number;
  sp: SearchParams;
  t: Awaited<ReturnType<typeof getTranslations<"portfolio">>>;
  emptyClassName: string;
  children: ReactNode;
}) {
  if (count === 0) return <EmptyNote className={emptyClassName}>{t(`${list}.empty`)}</EmptyNote>;
  return (
    <>
      <p className="text-sm text-ink-muted">{t(`${list}.count`, { count })}</p>
      {children}
      <Pager
        label={t(`${list}.pages`)}
        prev={page.prev && pageHref("/portfolio", sp, list, { before: page.prev })}
        next={page.next && pageHref("/portfolio", sp, list, { after: page.next })}
        page={pageNumber(page, size)}
      />
    </>
  );
}

/** One page of the open orders of the investor's wallets (`?ordersAfter=` / `?ordersBefore=`), with page links. */
export async function OrdersSection({ view, sp }: PagedSectionProps) {
  const t = await getTranslations("portfolio");
  const { orders } = view;
  return (
    <Section id="orders-title" title={t("orders.title")} look="display">
      <p className="text-sm text-ink-muted">{t("orders.intro")}</p>
      <PagedList
        list="orders"
        page={orders}
        size={PORTFOLIO_ORDERS_PAGE}
        count={orders.rows.length > 0 ? (orders.total ?? orders.rows.length) : 0}
        sp={sp}
        t={t}
        emptyClassName="py-6"
      >
        <OpenOrdersTable orders={orders.rows} decimals={view.portfolio.decimals} />
      </PagedList>
    </Section>
  );
}

/** Shares still locked up after an offering, per artwork and wallet (nothing shown when none are). */
export async function LockupsSection({ view }: { view: PortfolioView }) {
  const { t, locale, zh } = await portfolioText();
  const lockups = view.portfolio.holdings.flatMap((h) =>
    h.lockups.map((l) => ({ ...l, title: zh && h.titleZh ? h.titleZh : h.title, slug: h.slug })),
  );
  if (lockups.length === 0) return null;
  return (
    <Section id="lockups-title" title={t("lockups.title")} look="display">
      <p className="text-sm text-ink-muted">{t("lockups.intro")}</p>
      <ul className="flex flex-col divide-y divide-line rounded-2xl border border-line">
        {lockups.map((l) => (
          <li key={`${l.slug}:${l.wallet}`} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
            <LockIcon className="size-4 text-ink-muted" />
            <span>
              {t("lockups.item", { shares: Number(l.shares), title: l.title, date: formatDay(l.until, locale) })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** One page of the history, newest first (`?historyAfter=` / `?historyBefore=`), with page links. */
export async function HistorySection({ view, sp }: PagedSectionProps) {
  const t = await getTranslations("portfolio");
  const p = view.portfolio;
  const page = pageHistory(p.history, parsePageCursor(sp, 4, "history"));
  return (
    <Section id="history-title" title={t("history.title")} look="display">
      <PagedList
        list="history"
        page={page}
        size={HISTORY_PAGE}
        count={p.history.length}
        sp={sp}
        t={t}
        emptyClassName="py-8"
      >
        <HistoryTable history={page.rows} decimals={p.decimals} explorerUrl={view.explorerUrl} />
      </PagedList>
    </Section>
  );
}
