import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HistoryTable } from "@/components/portfolio/history-table";
import { HoldingsTable } from "@/components/portfolio/holdings-table";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { Money } from "@/components/ui/money";
import { cn } from "@/components/ui/cn";
import { requirePageSession } from "@/lib/auth/guard";
import { homeFor } from "@/lib/auth/home";
import { getServerEnv } from "@/lib/env";
import { formatDay } from "@/lib/format/date";
import { heldForBids } from "@/lib/portfolio/math";
import { getPortfolio, getPortfolioOrders, getPortfolioWallets } from "@/lib/portfolio/queries";
import { OpenOrdersTable } from "@/components/portfolio/open-orders-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolio");
  return { title: t("title") };
}

function Stat({
  label,
  children,
  note,
  className,
}: {
  label: string;
  children: React.ReactNode;
  /** A line under the figure (e.g. HKD held for open bids next to the balance). */
  note?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1 rounded-2xl border border-line bg-surface px-5 py-4", className)}>
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="min-w-0 font-display text-2xl tracking-tight break-words">{children}</dd>
      {note ? <dd className="text-xs text-ink-muted">{note}</dd> : null}
    </div>
  );
}

export default async function PortfolioPage() {
  const ctx = await requirePageSession({ next: "/portfolio" });
  // Issuers, officers and the admin are not asked to do investor onboarding; they are pointed to their console.
  const staff = (ctx.roles.admin || ctx.roles.compliance || ctx.roles.issuer) && !ctx.roles.registered && !ctx.investor;
  const [t, locale, wallets] = await Promise.all([
    getTranslations("portfolio"),
    getLocale(),
    getPortfolioWallets({ address: ctx.address, investorId: ctx.investor?.id ?? null }),
  ]);
  const [p, orders] = await Promise.all([getPortfolio({ wallets }), getPortfolioOrders({ wallets })]);
  // The balance is what the wallets hold; the market holds the escrow of open bids apart from it.
  const held = heldForBids(orders);
  const d = p.decimals;
  const env = getServerEnv();
  const zh = locale === "zh-HK";
  const lockups = p.holdings.flatMap((h) =>
    h.lockups.map((l) => ({ ...l, title: zh && h.titleZh ? h.titleZh : h.title, slug: h.slug })),
  );
  const sign = (v: bigint) => (v > 0n ? "+" : v < 0n ? "−" : "");
  const gainSign = sign(p.totals.gain);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-10 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex flex-col gap-2">
          <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("eyebrow")}</p>
          <h1 className="font-display text-4xl font-normal tracking-tight sm:text-5xl">{t("title")}</h1>
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-ink-muted">
            {t("wallets", { count: p.wallets.length })}
            {p.wallets.map((w) => (
              <Address key={w} address={w} />
            ))}
          </p>
        </div>
        <a href="/portfolio/statement.csv" download className={buttonStyles({ variant: "secondary" })}>
          {t("download")}
        </a>
      </header>

      {staff ? (
        <Alert
          tone="info"
          title={t("staffTitle")}
          action={
            <Link href={homeFor({ ...ctx.roles })} className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("toConsole")}
            </Link>
          }
        >
          {t("staffBody")}
        </Alert>
      ) : !ctx.roles.verified ? (
        <Alert
          tone="warn"
          title={t(ctx.roles.registered ? "expiredTitle" : "unverifiedTitle")}
          action={
            <Link href="/onboarding" className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("onboarding")}
            </Link>
          }
        >
          {t(ctx.roles.registered ? "expiredBody" : "unverifiedBody")}
        </Alert>
      ) : null}

      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t("totals.value")}>
          <Money value={p.totals.value} decimals={d} />
        </Stat>
        <Stat label={t("totals.cost")}>
          <Money value={p.totals.costBasis} decimals={d} />
        </Stat>
        <Stat label={t("totals.gain")}>
          <span className={p.totals.gain > 0n ? "text-success" : p.totals.gain < 0n ? "text-danger" : undefined}>
            {gainSign}
            <Money value={p.totals.gain < 0n ? -p.totals.gain : p.totals.gain} decimals={d} />
          </span>
        </Stat>
        <Stat label={t("totals.realised")}>
          <span
            data-testid="portfolio-realised"
            title={t("realised.note")}
            className={p.realised > 0n ? "text-success" : p.realised < 0n ? "text-danger" : undefined}
          >
            {sign(p.realised)}
            <Money value={p.realised < 0n ? -p.realised : p.realised} decimals={d} />
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
      </dl>
      <p className="-mt-6 text-xs text-ink-muted">
        {t("valuationNote")} {t("realised.note")}
      </p>

      <section aria-labelledby="holdings-title" className="flex flex-col gap-4">
        <h2 id="holdings-title" className="font-display text-2xl">
          {t("holdings.title")}
        </h2>
        {p.holdings.length > 0 ? (
          <HoldingsTable holdings={p.holdings} decimals={d} />
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
      </section>

      <section aria-labelledby="orders-title" className="flex flex-col gap-3">
        <h2 id="orders-title" className="font-display text-2xl">
          {t("orders.title")}
        </h2>
        <p className="text-sm text-ink-muted">{t("orders.intro")}</p>
        {orders.length > 0 ? (
          <OpenOrdersTable orders={orders} decimals={d} />
        ) : (
          <p className="rounded-2xl border border-dashed border-line-strong px-6 py-6 text-center text-sm text-ink-muted">
            {t("orders.empty")}
          </p>
        )}
      </section>

      {lockups.length > 0 ? (
        <section aria-labelledby="lockups-title" className="flex flex-col gap-3">
          <h2 id="lockups-title" className="font-display text-2xl">
            {t("lockups.title")}
          </h2>
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
        </section>
      ) : null}

      <section aria-labelledby="history-title" className="flex flex-col gap-4">
        <h2 id="history-title" className="font-display text-2xl">
          {t("history.title")}
        </h2>
        {p.history.length > 0 ? (
          <HistoryTable history={p.history} decimals={d} explorerUrl={env.explorerUrl ?? null} />
        ) : (
          <p className="rounded-2xl border border-dashed border-line-strong px-6 py-8 text-center text-sm text-ink-muted">
            {t("history.empty")}
          </p>
        )}
      </section>
    </div>
  );
}
