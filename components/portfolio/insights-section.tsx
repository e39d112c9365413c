import { type ReactNode, Suspense } from "react";
import type { Address } from "viem";
import { chartSummaryValues, PriceChart } from "@/components/market/price-chart";
import { Cell, DataTable, keyColumns, RIGHT, Row, RowHeader } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Money } from "@/components/ui/money";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { StatTile, StatTiles } from "@/components/ui/stat-tiles";
import { formatDayTime } from "@/lib/format/date";
import type { PerformanceRow, PortfolioInsights } from "@/lib/portfolio";
import { claimsOf } from "./claims-cache";
import { ArtworkName, artworkTitle, FigureCells, Gain, type Figure } from "./row-parts";
import { portfolioText } from "./portfolio-text";

/** Rows of the value table (newest first); the chart and its summary cover every point. */
const TABLE_POINTS = 60;

type Text = Awaited<ReturnType<typeof portfolioText>>;

/** One part of the insights: a section named by its small heading, an intro line, then its content or `empty`. */
function Part({
  id,
  title,
  intro,
  empty,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  empty?: string | false;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h3 id={id} className="font-medium">
        {title}
      </h3>
      {intro ? <p className="text-sm text-ink-muted">{intro}</p> : null}
      {empty ? <p className="text-sm text-ink-muted">{empty}</p> : children}
    </section>
  );
}

function ValueOverTime({ insights, decimals, text }: { insights: PortfolioInsights; decimals: number; text: Text }) {
  const { t, locale } = text;
  const series = insights.series.map((p) => ({ at: p.at, price: p.value }));
  const summary = chartSummaryValues(series, decimals, locale);
  if (!summary) {
    return <EmptyState title={t("insights.value.emptyTitle")} description={t("insights.value.empty")} />;
  }
  const rows = [...insights.series].reverse().slice(0, TABLE_POINTS);
  return (
    <div className="flex flex-col gap-3" data-testid="portfolio-value-chart">
      <PriceChart
        series={series}
        decimals={decimals}
        locale={locale}
        label={t("insights.value.label")}
        attribution={t("insights.value.attribution")}
        summary={t("insights.value.summary", summary)}
      />
      <details className="text-sm">
        <summary className="tap-target cursor-pointer text-accent underline-offset-2 hover:underline">
          {t("insights.value.tableToggle")}
        </summary>
        <div className="mt-3 flex flex-col gap-2">
          {series.length > rows.length ? (
            <p className="text-xs text-ink-muted">
              {t("insights.value.tableMore", { shown: rows.length, count: series.length })}
            </p>
          ) : null}
          <DataTable
            caption={t("insights.value.tableCaption")}
            columns={keyColumns(["date", "amount"], (k) => t(`insights.value.${k}`), { amount: RIGHT })}
            maxHeight="20rem"
            regionLabel={t("insights.value.tableCaption")}
            testId="portfolio-value-table"
          >
            {rows.map((p, i) => (
              <Row key={`${p.at.getTime()}:${i}`}>
                <RowHeader>{formatDayTime(p.at, locale)}</RowHeader>
                <Cell align="right" className="tabular">
                  <Money value={p.value} decimals={decimals} />
                </Cell>
              </Row>
            ))}
          </DataTable>
        </div>
      </details>
    </div>
  );
}

function Allocation({ insights, decimals, text }: { insights: PortfolioInsights; decimals: number; text: Text }) {
  const { t, locale, zh } = text;
  const pct = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <Part
      id="allocation-title"
      title={t("insights.allocation.title")}
      intro={t("insights.allocation.intro")}
      empty={insights.allocation.length === 0 && t("insights.allocation.empty")}
    >
      <ul className="flex flex-col gap-3" data-testid="portfolio-allocation">
        {insights.allocation.map((a) => {
          const title = artworkTitle(a, zh);
          return (
            <li key={a.token} className="flex flex-col gap-1" data-slug={a.slug}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="sr-only">
                  {t("insights.allocation.item", { title, percent: pct.format(a.share) })}
                </span>
                <span aria-hidden="true" className="font-medium">
                  {title}
                </span>
                <span className="tabular text-ink-muted">
                  <span aria-hidden="true">{pct.format(a.share)} · </span>
                  <Money value={a.value} decimals={decimals} />
                </span>
              </div>
              <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-line">
                <div className="h-full rounded-full bg-accent" style={{ width: `${(a.share * 100).toFixed(2)}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </Part>
  );
}

async function Claimable({ wallet, decimals }: { wallet: Address; decimals: number }) {
  const view = await claimsOf(wallet);
  const total = view.claims.reduce((a, c) => (c.status.state === "claimable" ? a + BigInt(c.amount) : a), 0n);
  return (
    <span data-testid="portfolio-income-claimable">
      <Money value={total} decimals={decimals} />
    </span>
  );
}

function Income({
  insights,
  decimals,
  wallet,
  text,
}: {
  insights: PortfolioInsights;
  decimals: number;
  wallet: Address;
  text: Text;
}) {
  const { t } = text;
  return (
    <Part id="income-title" title={t("insights.income.title")}>
      <StatTiles className="grid-cols-1 sm:grid-cols-2">
        <StatTile
          label={t("insights.income.received")}
          note={t("insights.income.receivedNote")}
          size="lg"
          valueClassName="font-display text-xl"
          testId="portfolio-income-received"
        >
          <Money value={insights.incomeReceived} decimals={decimals} />
        </StatTile>
        <StatTile
          label={t("insights.income.claimable")}
          note={
            <a href="#distributions-title" className="text-accent underline">
              {t("insights.income.toClaims")}
            </a>
          }
          size="lg"
          valueClassName="font-display text-xl"
        >
          <Suspense
            fallback={
              <span role="status" aria-label={t("insights.income.loading")}>
                <Skeleton className="inline-block h-6 w-28" />
              </span>
            }
          >
            <Claimable wallet={wallet} decimals={decimals} />
          </Suspense>
        </StatTile>
      </StatTiles>
      <p className="text-xs text-ink-muted">{t("insights.income.claimableNote")}</p>
    </Part>
  );
}

function Performance({ insights, decimals, text }: { insights: PortfolioInsights; decimals: number; text: Text }) {
  const { t, zh } = text;
  const rows = insights.performance;
  const figures = (r: PerformanceRow): Figure[] => [
    { col: "cost", value: <Money value={r.costBasis} decimals={decimals} /> },
    {
      col: "value",
      value: <Money value={r.value} decimals={decimals} />,
      strong: true,
    },
    {
      col: "distributions",
      value: <Money value={r.distributions} decimals={decimals} />,
    },
    {
      col: "gain",
      value: <Gain value={r.gain} bps={r.gainBps} decimals={decimals} />,
      strong: true,
    },
  ];
  return (
    <Part
      id="performance-title"
      title={t("insights.performance.title")}
      intro={t("insights.performance.intro")}
      empty={rows.length === 0 && t("insights.performance.empty")}
    >
      {/* Phones see each holding as a card, wider screens a table: one markup for both. */}
      <DataTable
        labelledBy="performance-title"
        minWidth="44rem"
        stack
        testId="portfolio-performance"
        columns={keyColumns(
          ["artwork", "cost", "value", "distributions", "gain"],
          (k) => t(`insights.performance.${k}`),
          { cost: RIGHT, value: RIGHT, distributions: RIGHT, gain: RIGHT },
        )}
      >
        {rows.map((r) => (
          <Row key={r.token} data-slug={r.slug}>
            <RowHeader>
              <ArtworkName artwork={r} zh={zh} className="font-medium" />
            </RowHeader>
            <FigureCells figures={figures(r)} />
          </Row>
        ))}
      </DataTable>
    </Part>
  );
}

/**
 * The portfolio as investors would rather see it: value over time (a chart with a table and a summary in words),
 * allocation by artwork, income from distributions and each holding's performance since purchase, with the basis.
 */
export async function InsightsSection({
  insights,
  decimals,
  wallet,
}: {
  insights: PortfolioInsights;
  decimals: number;
  wallet: Address;
}) {
  const text = await portfolioText();
  const { t } = text;
  return (
    <Section id="insights-title" title={t("insights.title")} look="display">
      <p className="text-sm text-ink-muted" data-testid="portfolio-basis">
        {t("insights.basis")}
      </p>
      <Part id="value-title" title={t("insights.value.title")}>
        <ValueOverTime insights={insights} decimals={decimals} text={text} />
      </Part>
      <div className="grid gap-8 lg:grid-cols-2">
        <Allocation insights={insights} decimals={decimals} text={text} />
        <Income insights={insights} decimals={decimals} wallet={wallet} text={text} />
      </div>
      <Performance insights={insights} decimals={decimals} text={text} />
    </Section>
  );
}
