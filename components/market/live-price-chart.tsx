"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { DrawnChart } from "./price-chart-canvas";

/** One trade: unix seconds and price per share in HKD (display only: the exact amounts stay server-side). */
export type ChartPoint = { time: number; value: number };

/**
 * The price chart as a lightweight-charts canvas, in Hong Kong time and HK$, in the page's theme colours. Its
 * drawing code and the library (./price-chart-canvas, their own chunks) are loaded only when the chart comes near
 * the viewport; until then, and without JavaScript, the server-rendered `children` (an SVG) stand in, keeping the
 * same box so nothing moves. The canvas is hidden from screen readers: the figure's caption says the same in words.
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
  const chart = useRef<DrawnChart | null>(null);
  const [ready, setReady] = useState(false);
  // The data the chart is created with (kept current by the data effect below).
  const latest = useRef(points);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let disposed = false;
    const start = async () => {
      const { drawChart } = await import("./price-chart-canvas");
      const drawn = disposed ? null : await drawChart(el, { points: latest.current, locale, disposed: () => disposed });
      if (!drawn) return;
      chart.current = drawn;
      setReady(true);
    };
    // Load the chart only when it is about to be seen.
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
      chart.current?.remove();
      chart.current = null;
      setReady(false);
    };
  }, [locale]);

  // New trades after a refresh: new data, same chart.
  useEffect(() => {
    latest.current = points;
    chart.current?.setData(points);
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
