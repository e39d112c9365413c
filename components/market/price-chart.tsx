import { formatDay } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { LivePriceChart } from "./live-price-chart";

type Point = { at: Date; price: bigint };

/**
 * What a chart's `summary` sentence says of its series: how many points, the first and last day, the first, last,
 * lowest and highest price (null when the series is empty: there is no chart).
 */
export function chartSummaryValues(series: readonly Point[], decimals: number, locale: string) {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return null;
  const money = (v: bigint) => formatMoney(v, decimals, locale);
  const prices = series.map((p) => p.price);
  return {
    count: series.length,
    from: formatDay(first.at, locale),
    to: formatDay(last.at, locale),
    first: money(first.price),
    last: money(last.price),
    low: money(prices.reduce((a, b) => (b < a ? b : a))),
    high: money(prices.reduce((a, b) => (b > a ? b : a))),
  };
}

/**
 * The price of trades: an interactive lightweight-charts canvas (a client island that loads the library when
 * it scrolls into view), over a small server-rendered SVG line that stands in while it loads and without
 * JavaScript. Both pictures are hidden from screen readers (`aria-hidden`); `summary` says the same in words.
 */
export function PriceChart({
  series,
  decimals,
  locale,
  label,
  summary,
  attribution,
}: {
  series: Point[];
  decimals: number;
  locale: string;
  label: string;
  summary: string;
  attribution: string;
}) {
  const W = 600;
  const H = 180;
  const pad = { l: 8, r: 8, t: 12, b: 12 };
  const prices = series.map((p) => Number(p.price));
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const t0 = series[0]!.at.getTime();
  const t1 = series[series.length - 1]!.at.getTime();
  const x = (i: number, at: Date) =>
    pad.l +
    (t1 > t0 ? (at.getTime() - t0) / (t1 - t0) : series.length > 1 ? i / (series.length - 1) : 0.5) *
      (W - pad.l - pad.r);
  const y = (p: number) => pad.t + (max > min ? 1 - (p - min) / (max - min) : 0.5) * (H - pad.t - pad.b);
  const points = series.map((p, i) => `${x(i, p.at).toFixed(1)},${y(Number(p.price)).toFixed(1)}`);
  const line = `M${points.join(" L")}`;
  const area = `${line} L${x(series.length - 1, series[series.length - 1]!.at).toFixed(1)},${H - pad.b} L${x(0, series[0]!.at).toFixed(1)},${H - pad.b} Z`;
  const scale = 10 ** decimals;
  return (
    <figure className="flex flex-col gap-2">
      <LivePriceChart
        points={series.map((p) => ({ time: Math.floor(p.at.getTime() / 1000), value: Number(p.price) / scale }))}
        locale={locale}
        attribution={attribution}
      >
        <div className="flex h-56 flex-col gap-2" aria-hidden="true">
          <div className="flex justify-between text-xs text-ink-muted tabular">
            <span>{formatMoney(BigInt(max), decimals, locale)}</span>
          </div>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className="min-h-0 w-full flex-1 text-accent"
            preserveAspectRatio="none"
            focusable="false"
          >
            <path d={area} className="fill-current opacity-10" />
            <path d={line} className="fill-none stroke-current" strokeWidth={2} vectorEffect="non-scaling-stroke" />
            {series.length === 1 ? (
              <circle cx={x(0, series[0]!.at)} cy={y(prices[0]!)} r={4} className="fill-current" />
            ) : null}
          </svg>
          <div className="flex justify-between text-xs text-ink-muted tabular">
            <span>{formatMoney(BigInt(min), decimals, locale)}</span>
          </div>
        </div>
      </LivePriceChart>
      <figcaption className="text-sm text-ink-muted">
        <span className="sr-only">{label}: </span>
        {summary}
      </figcaption>
    </figure>
  );
}
