import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import { Cell, DataTable, keyColumns, RIGHT, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Money } from "@/components/ui/money";
import { formatDayTime } from "@/lib/format/date";
import {
  getMarketStats,
  getOrderBook,
  type BookLevel,
  type MarketStats,
  type OrderBook,
  type TradeRow,
} from "@/lib/market";
import { chartSummaryValues, PriceChart } from "./price-chart";

/** The market messages, passed down from the server component that read them. */
type MarketT = (k: string, v?: Record<string, number>) => string;

/** Price levels shown per side; the rest is summed up in one line. */
const LEVELS_SHOWN = 12;

function Depth({
  levels: all,
  side,
  decimals,
  caption,
  t,
}: {
  levels: BookLevel[];
  side: "ask" | "bid";
  decimals: number;
  caption: string;
  t: (k: string, v?: Record<string, number>) => string;
}) {
  const levels = all.slice(0, LEVELS_SHOWN);
  const rest = all.slice(LEVELS_SHOWN);
  const max = levels.reduce((m, l) => (l.shares > m ? l.shares : m), 0n);
  return (
    <table className="w-full text-sm">
      <caption className="pb-2 text-left font-medium">{caption}</caption>
      <thead className="text-xs text-ink-muted">
        <tr>
          {(["price", "shares", "orders"] as const).map((column) => (
            <th
              key={column}
              scope="col"
              className={`py-1 font-normal ${column === "price" ? "text-left" : "text-right"}`}
            >
              {t(`book.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {levels.length === 0 ? (
          <tr>
            <td colSpan={3} className="py-3 text-ink-muted">
              {side === "ask" ? t("book.noAsks") : t("book.noBids")}
            </td>
          </tr>
        ) : (
          levels.map((l) => (
            <tr
              key={l.price.toString()}
              className="border-t border-line"
              style={{
                // Depth bar: the share of the largest level, drawn behind the row (the numbers say the same).
                backgroundImage: `linear-gradient(to left, var(${side === "ask" ? "--danger-soft" : "--success-soft"}) ${max > 0n ? Number((l.shares * 100n) / max) : 0}%, transparent 0)`,
              }}
            >
              <td className="py-1.5">
                <Money value={l.price} decimals={decimals} />
              </td>
              <td className="py-1.5 text-right tabular">{l.shares.toString()}</td>
              <td className="py-1.5 text-right tabular text-ink-muted">{l.orders}</td>
            </tr>
          ))
        )}
      </tbody>
      {rest.length > 0 ? (
        <tfoot>
          <tr className="border-t border-line">
            <td colSpan={3} className="py-1.5 text-xs text-ink-muted">
              {t("book.moreLevels", {
                levels: rest.length,
                shares: Number(rest.reduce((n, l) => n + l.shares, 0n)),
                orders: rest.reduce((n, l) => n + l.orders, 0),
              })}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/**
 * The artwork page's market: summary, order book depth, price chart and trade history (server only). The trade
 * page shows it below its form, without the link to itself (`tradeLink={false}`).
 */
export async function MarketSection({
  slug,
  token,
  decimals,
  tradeLink = true,
  book: known,
}: {
  slug: string;
  token: Address;
  decimals: number;
  tradeLink?: boolean;
  /** The book when the page has read it already (the trade page), so that it is not read twice. */
  book?: OrderBook;
}) {
  const [book, stats, t, locale] = await Promise.all([
    known ?? getOrderBook({ token }),
    getMarketStats({ token }),
    getTranslations("market"),
    getLocale(),
  ]);
  if (!book) return null;
  const summary = chartSummaryValues(stats.series, decimals, locale);
  return (
    <section aria-labelledby="market" className="flex flex-col gap-6" data-testid="market-section">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h2 id="market" className="font-display text-2xl">
            {t("title")}
          </h2>
          <p className="max-w-2xl text-sm text-ink-muted">{t("intro")}</p>
        </div>
        {tradeLink ? (
          <Link href={`/artworks/${slug}/trade`} className={buttonStyles({ variant: "primary" })}>
            {t("tradeCta")}
          </Link>
        ) : null}
      </div>
      <MarketSummary stats={stats} book={book} decimals={decimals} locale={locale} t={t} />
      <div className="grid gap-8 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          <h3 className="font-medium">{t("book.title")}</h3>
          <div className="grid gap-6 sm:grid-cols-2">
            <Depth levels={book.asks} side="ask" decimals={decimals} caption={t("book.asks")} t={t} />
            <Depth levels={book.bids} side="bid" decimals={decimals} caption={t("book.bids")} t={t} />
          </div>
          {book.unfillable > 0 ? (
            <p className="flex items-center gap-2 text-sm text-ink-muted">
              <Badge tone="warn">{t("book.unfillableBadge")}</Badge>
              {t("book.unfillable", { count: book.unfillable })}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-4">
          <h3 className="font-medium">{t("chart.title")}</h3>
          {summary ? (
            <PriceChart
              series={stats.series}
              decimals={decimals}
              locale={locale}
              label={t("chart.title")}
              attribution={t("chart.attribution")}
              summary={t("chart.summary", summary)}
            />
          ) : (
            <EmptyState title={t("chart.emptyTitle")} description={t("chart.empty")} />
          )}
        </div>
      </div>
      <TradeHistory trades={stats.trades} decimals={decimals} locale={locale} t={t} />
    </section>
  );
}

/** Last price, 24 h change, 24 h volume and the spread, as one description list. */
function MarketSummary({
  stats,
  book,
  decimals,
  locale,
  t,
}: {
  stats: MarketStats;
  book: OrderBook;
  decimals: number;
  locale: string;
  t: MarketT;
}) {
  const change = stats.change24h;
  const changeText =
    change.kind === "change"
      ? `${change.bps > 0 ? "+" : change.bps < 0 ? "−" : ""}${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(change.bps) / 100)}%`
      : t("summary.noChange");
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-xl border border-line p-4 sm:grid-cols-4">
      <div>
        <dt className="text-xs text-ink-muted">{t("summary.last")}</dt>
        <dd className="text-base font-medium sm:text-lg" data-testid="last-price">
          {stats.lastPrice === null ? t("summary.none") : <Money value={stats.lastPrice} decimals={decimals} />}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">{t("summary.change")}</dt>
        <dd className="text-base font-medium tabular sm:text-lg" data-testid="change-24h">
          {changeText}
          {change.kind === "noReference" ? (
            <span className="block text-xs font-normal text-ink-muted">{t("summary.noReference")}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">{t("summary.volume")}</dt>
        <dd className="text-base font-medium sm:text-lg">
          <Money value={stats.volume24h} decimals={decimals} />
          <span className="block text-xs font-normal text-ink-muted">
            {t("summary.sharesCount", { shares: Number(stats.shares24h) })}
          </span>
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">{t("summary.spread")}</dt>
        <dd className="text-base font-medium sm:text-lg" data-testid="spread">
          <span className="whitespace-nowrap">
            {book.bestBid ? <Money value={book.bestBid.price} decimals={decimals} /> : "—"} /
          </span>{" "}
          {book.bestAsk ? <Money value={book.bestAsk.price} decimals={decimals} /> : "—"}
        </dd>
      </div>
    </dl>
  );
}

/** The recent trades as a table; on narrow screens the kind of trade sits under its time. */
function TradeHistory({
  trades,
  decimals,
  locale,
  t,
}: {
  trades: TradeRow[];
  decimals: number;
  locale: string;
  t: MarketT;
}) {
  return (
    <div className="flex flex-col gap-3">
      <h3 id="market-history" className="font-medium">
        {t("history.title")}
      </h3>
      {trades.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("history.empty")}</p>
      ) : (
        // Narrow screens: the kind of trade under its time, and no value column (shares × price).
        <DataTable
          labelledBy="market-history"
          minWidth="0"
          columns={keyColumns(["when", "type", "shares", "price", "value"], (k) => t(`history.${k}`), {
            type: { className: "hidden sm:table-cell" },
            shares: RIGHT,
            price: RIGHT,
            value: { align: "right", className: "hidden sm:table-cell" },
          })}
        >
          {trades.map((tr) => {
            const kind = tr.side === "ask" ? t("history.boughtFromAsk") : t("history.soldIntoBid");
            return (
              <Row key={tr.id} className="align-top">
                <Cell>
                  <time className="tabular" dateTime={tr.tradedAt.toISOString()}>
                    {formatDayTime(tr.tradedAt, locale)}
                  </time>
                  <span className="block text-xs text-ink-muted sm:hidden">{kind}</span>
                </Cell>
                <Cell className="hidden sm:table-cell">{kind}</Cell>
                <Cell align="right">{tr.shares.toString()}</Cell>
                <Cell align="right">
                  <Money value={tr.price} decimals={decimals} />
                </Cell>
                <Cell align="right" className="hidden sm:table-cell">
                  <Money value={tr.price * tr.shares} decimals={decimals} />
                </Cell>
              </Row>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
