/**
 * The price chart's canvas: lightweight-charts (its own chunk) drawn in Hong Kong time and HK$, in the page's theme
 * colours, following the theme. Loaded by ./live-price-chart only when the chart comes near the viewport: none of
 * it is in a page's first load.
 */
import type { Time, UTCTimestamp } from "lightweight-charts";
import type { ChartPoint } from "./live-price-chart";

const TIME_ZONE = "Asia/Hong_Kong";
const intlLocale = (locale: string) => (locale === "en" ? "en-HK" : locale);

/** A CSS colour (custom property of <html>) as rgba(), whatever notation the theme uses. */
function themeColor(name: string, alpha = 1): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return value;
  ctx.fillStyle = value;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${((a ?? 255) / 255) * alpha})`;
}

function themeOptions() {
  const text = themeColor("--ink-muted");
  const line = themeColor("--line");
  return {
    layout: {
      background: { color: "transparent" },
      textColor: text,
      fontFamily: getComputedStyle(document.body).fontFamily,
    },
    grid: { vertLines: { visible: false }, horzLines: { color: line } },
    rightPriceScale: { borderColor: line },
    timeScale: { borderColor: line },
    crosshair: {
      vertLine: { color: text, labelBackgroundColor: themeColor("--accent") },
      horzLine: { color: text, labelBackgroundColor: themeColor("--accent") },
    },
  };
}

function seriesColors() {
  return {
    lineColor: themeColor("--accent"),
    topColor: themeColor("--accent", 0.28),
    bottomColor: themeColor("--accent", 0.02),
  };
}

/**
 * Strictly increasing times, as the chart needs: a trade in the same second as the one before (consecutive
 * blocks can share a timestamp) is drawn a second later, so that every trade keeps its point.
 */
function toData(points: ChartPoint[]) {
  const data: { time: UTCTimestamp; value: number }[] = [];
  for (const p of points) {
    const last = data.at(-1);
    data.push({ time: (last && p.time <= last.time ? last.time + 1 : p.time) as UTCTimestamp, value: p.value });
  }
  return data;
}

/** A drawn chart: new data for the same chart, and its removal. */
export type DrawnChart = { setData: (points: ChartPoint[]) => void; remove: () => void };

/** Draws the chart into `el` (null when `disposed()` says it is no longer wanted once the library is in). */
export async function drawChart(
  el: HTMLElement,
  { points, locale, disposed }: { points: ChartPoint[]; locale: string; disposed: () => boolean },
): Promise<DrawnChart | null> {
  const lc = await import("lightweight-charts");
  if (disposed()) return null;
  const money = new Intl.NumberFormat(intlLocale(locale), {
    style: "currency",
    currency: "HKD",
    currencyDisplay: "symbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const at = (time: Time, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options }).format(
      new Date((time as number) * 1000),
    );
  const c = lc.createChart(el, {
    autoSize: true,
    // The licence's link to TradingView is the line under the chart (the logo would sit inside the hidden canvas area).
    layout: { attributionLogo: false },
    localization: {
      locale: intlLocale(locale),
      priceFormatter: (p: number) => money.format(p),
      timeFormatter: (t: Time) => at(t, { dateStyle: "medium", timeStyle: "short" }),
    },
    timeScale: {
      timeVisible: true,
      secondsVisible: false,
      fixLeftEdge: true,
      fixRightEdge: true,
      tickMarkFormatter: (t: Time, type: number) =>
        type === lc.TickMarkType.Year
          ? at(t, { year: "numeric" })
          : type === lc.TickMarkType.Month
            ? at(t, { month: "short" })
            : type === lc.TickMarkType.DayOfMonth
              ? at(t, { day: "numeric", month: "short" })
              : at(t, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    },
    rightPriceScale: { scaleMargins: { top: 0.15, bottom: 0.1 } },
    // A small chart in a scrolling page: the wheel and touch scroll the page, the crosshair reads prices.
    handleScroll: false,
    handleScale: false,
  });
  c.applyOptions(themeOptions()); // merged into the options above
  const s = c.addSeries(lc.AreaSeries, {
    ...seriesColors(),
    lineWidth: 2,
    priceLineVisible: false,
    lastValueVisible: true,
    pointMarkersVisible: points.length < 30,
  });
  s.setData(toData(points));
  c.timeScale().fitContent();
  // Light / dark follow the class on <html> (the theme switch) and the system setting.
  const retheme = () => {
    c.applyOptions(themeOptions());
    s.applyOptions(seriesColors());
  };
  const observer = new MutationObserver(retheme);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["class", "style", "data-theme"],
  });
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", retheme);
  return {
    setData: (next: ChartPoint[]) => {
      s.setData(toData(next));
      s.applyOptions({ pointMarkersVisible: next.length < 30 });
      c.timeScale().fitContent();
    },
    remove: () => {
      observer.disconnect();
      media.removeEventListener("change", retheme);
      c.remove();
    },
  };
}
