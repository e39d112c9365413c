import { formatMoney } from "@/lib/format/money";

type Point = { at: Date; price: bigint };

/**
 * A small server-rendered SVG line chart of trade prices (no client JavaScript). The SVG is decorative for
 * screen readers (`aria-hidden`); `summary` says the same in words right next to it.
 */
export function PriceChart({ series, decimals, locale, label, summary }: { series: Point[]; decimals: number; locale: string; label: string; summary: string }) {
  const W = 600;
  const H = 180;
  const pad = { l: 8, r: 8, t: 12, b: 12 };
  const prices = series.map((p) => Number(p.price));
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const t0 = series[0]!.at.getTime();
  const t1 = series[series.length - 1]!.at.getTime();
  const x = (i: number, at: Date) => pad.l + (t1 > t0 ? (at.getTime() - t0) / (t1 - t0) : series.length > 1 ? i / (series.length - 1) : 0.5) * (W - pad.l - pad.r);
  const y = (p: number) => pad.t + (max > min ? 1 - (p - min) / (max - min) : 0.5) * (H - pad.t - pad.b);
  const points = series.map((p, i) => `${x(i, p.at).toFixed(1)},${y(Number(p.price)).toFixed(1)}`);
  const line = `M${points.join(" L")}`;
  const area = `${line} L${x(series.length - 1, series[series.length - 1]!.at).toFixed(1)},${H - pad.b} L${x(0, series[0]!.at).toFixed(1)},${H - pad.b} Z`;
  return (
    <figure className="flex flex-col gap-2">
      <div className="flex justify-between text-xs text-ink-muted tabular">
        <span>{formatMoney(BigInt(max), decimals, locale)}</span>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full text-accent" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <path d={area} className="fill-current opacity-10" />
        <path d={line} className="fill-none stroke-current" strokeWidth={2} vectorEffect="non-scaling-stroke" />
        {series.length === 1 ? <circle cx={x(0, series[0]!.at)} cy={y(prices[0]!)} r={4} className="fill-current" /> : null}
      </svg>
      <div className="flex justify-between text-xs text-ink-muted tabular">
        <span>{formatMoney(BigInt(min), decimals, locale)}</span>
      </div>
      <figcaption className="text-sm text-ink-muted">
        <span className="sr-only">{label}: </span>
        {summary}
      </figcaption>
    </figure>
  );
}
