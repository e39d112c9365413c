"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { IChartApi, ISeriesApi, Time, UTCTimestamp } from "lightweight-charts";

/** One trade: unix seconds and price per share in HKD (display only: the exact amounts stay server-side). */
export type ChartPoint = { time: number; value: number };

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

/**
 * The price chart as a lightweight-charts canvas, in Hong Kong time and HK$, in the page's theme colours. The
 * library (its own chunk) is loaded only when the chart comes near the viewport; until then, and without
 * JavaScript, the server-rendered `children` (an SVG) stand in, keeping the same box so nothing moves. The
 * canvas is hidden from screen readers: the figure's caption says the same in words.
 */
export function LivePriceChart({
  points,
  locale,
  attribution,
  children,
}: {
  points: ChartPoint[];
  locale: string;
  attribution: string;
  children: ReactNode;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<{ chart: IChartApi; series: ISeriesApi<"Area"> } | null>(null);
  const [ready, setReady] = useState(false);
  // The data the chart is created with (kept current by the data effect below).
  const latest = useRef(points);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let disposed = false;
    let teardown = () => {};
    const start = async () => {
      const lc = await import("lightweight-charts");
      if (disposed) return;
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
        pointMarkersVisible: latest.current.length < 30,
      });
      s.setData(toData(latest.current));
      c.timeScale().fitContent();
      chart.current = { chart: c, series: s };
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
      teardown = () => {
        observer.disconnect();
        media.removeEventListener("change", retheme);
        chart.current = null;
        c.remove();
      };
      setReady(true);
    };
    // Load the library only when the chart is about to be seen.
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        void start();
      },
      { rootMargin: "300px" },
    );
    io.observe(el);
    return () => {
      disposed = true;
      io.disconnect();
      teardown();
      setReady(false);
    };
  }, [locale]);

  // New trades after a refresh: new data, same chart.
  useEffect(() => {
    latest.current = points;
    const c = chart.current;
    if (!c) return;
    c.series.setData(toData(points));
    c.series.applyOptions({ pointMarkersVisible: points.length < 30 });
    c.chart.timeScale().fitContent();
  }, [points]);

  return (
    <div className="flex flex-col gap-1">
      <div className="relative">
        <div className={ready ? "invisible" : undefined}>{children}</div>
        <div
          ref={host}
          aria-hidden="true"
          className="absolute inset-0"
          data-testid="price-chart-canvas"
          data-ready={ready ? "true" : "false"}
        />
      </div>
      {ready ? (
        <p className="text-right text-[0.7rem] text-ink-subtle">
          <a
            href="https://www.tradingview.com/"
            target="_blank"
            rel="noreferrer"
            className="underline-offset-2 hover:underline"
          >
            {attribution}
          </a>
        </p>
      ) : null}
    </div>
  );
}
