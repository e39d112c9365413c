/**
 * The closing table of `npm run bench`: every figure issue 17 names beside its target, met or NOT met, from what the
 * sections measured (a figure whose section did not run says so). Written into bench-results/latest.json as `figures`.
 */
import { fmt, kB, printTable } from "../lib";
import { LIGHTHOUSE_TARGET } from "../lighthouse";
import type { RouteJs } from "../js";
import { INDEXER_TARGET_EVENTS_PER_SECOND } from "./indexer";
import { INLINE_MESSAGES_TARGET, JS_TARGET, WALLET_JS_TARGET } from "./js";
import { LIST_HTML_TARGET_BYTES } from "./lists";
import { START_TARGET_SECONDS } from "./start";
import { THROUGHPUT_TARGET } from "./throughput";
import type { Summary } from "./context";

export type Verdict = "met" | "NOT met" | "reported" | "not run";
export type Figure = { area: string; figure: string; value: string; target: string; verdict: Verdict; note?: string };

/** Issue 17: the register page within 1 s warm; the CSV export's memory bounded (not growing with the register). */
export const REGISTER_PAGE_TARGET_MS = 1_000;
export const CSV_MEMORY_TARGET_MIB = 64;

const check = (ok: boolean): Verdict => (ok ? "met" : "NOT met");
const notRun = (area: string, figure: string, target: string, section: string): Figure => ({
  area,
  figure,
  value: "–",
  target,
  verdict: "not run",
  note: `--only=${section}`,
});

function throughputFigures(s: Summary): Figure[] {
  const t = THROUGHPUT_TARGET;
  if (!s.throughput)
    return [
      notRun(
        "throughput",
        "catalogue and artwork req/s vs bare, 10 and 50 connections",
        `≥ ${t.reqPerSec}×`,
        "throughput",
      ),
      notRun("throughput", "catalogue and artwork p99 vs bare, 10 and 50 connections", `≤ ${t.p99}×`, "throughput"),
    ];
  const out: Figure[] = [];
  for (const r of s.throughput.results) {
    if (r.name.startsWith("bare") || !r.vsBare) continue;
    const at = `${r.name}, ${r.connections} conns`;
    out.push(
      {
        area: "throughput",
        figure: `${at}: req/s vs bare`,
        value: `${r.vsBare.reqPerSec.toFixed(2)}× (${fmt(r.reqPerSec, 0)}/s)`,
        target: `≥ ${t.reqPerSec}×`,
        verdict: check(r.vsBare.reqPerSec >= t.reqPerSec),
      },
      {
        area: "throughput",
        figure: `${at}: p99 vs bare`,
        value: `${r.vsBare.p99.toFixed(2)}× (${fmt(r.p99)} ms)`,
        target: `≤ ${t.p99}×`,
        verdict: check(r.vsBare.p99 <= t.p99),
      },
    );
  }
  return out;
}

/** Back/forward cache of the public pages, from Lighthouse's bf-cache audit. */
function bfCacheFigures(s: Summary): Figure[] {
  const pub = (s.lighthouse ?? []).filter((r) => r.name === "catalogue" || r.name === "artwork");
  if (!pub.length) return [notRun("throughput", "public pages back/forward-cacheable", "yes", "lighthouse")];
  return pub.map((r) => ({
    area: "throughput",
    figure: `${r.name}: back/forward cache`,
    value: r.bfCache === null ? "audit did not run" : r.bfCache ? "restored" : "prevented",
    target: "restored",
    verdict: r.bfCache === null ? "not run" : check(r.bfCache),
  }));
}

function jsFigures(s: Summary): Figure[] {
  if (!s.js)
    return [
      notRun("js", "wallet pages first-load JS (gzip)", `≤ ${kB(WALLET_JS_TARGET)}`, "js"),
      notRun("js", "public pages first-load JS (gzip)", `≤ ${kB(JS_TARGET)}`, "js"),
      notRun("js", "inline messages per page (gzip)", `≤ ${kB(INLINE_MESSAGES_TARGET)}`, "js"),
    ];
  const isPublic = (r: RouteJs) => r.route === "/" || /^\/artworks\/[^/]+$/.test(r.route);
  const out: Figure[] = [];
  for (const r of s.js.routes) {
    if (r.route.startsWith("bare")) continue;
    const target = isPublic(r) ? JS_TARGET : WALLET_JS_TARGET;
    const msgs = Math.max(r.messages.gzipBytes, r.messagesZh.gzipBytes);
    out.push(
      {
        area: "js",
        figure: `${r.route}: first-load JS`,
        value: r.error ? "ERROR" : kB(r.gzipBytes),
        target: `≤ ${kB(target)}`,
        verdict: r.error ? "NOT met" : check(r.gzipBytes <= target),
        ...(r.error ? { note: r.error } : {}),
      },
      {
        area: "js",
        figure: `${r.route}: inline messages (en / zh-HK, larger)`,
        value: r.error ? "ERROR" : kB(msgs),
        target: `≤ ${kB(INLINE_MESSAGES_TARGET)}`,
        verdict: r.error ? "NOT met" : check(msgs <= INLINE_MESSAGES_TARGET),
      },
    );
  }
  return out;
}

function lighthouseFigures(s: Summary): Figure[] {
  const t = LIGHTHOUSE_TARGET;
  if (!s.lighthouse)
    return [
      notRun(
        "lighthouse",
        "catalogue, artwork, sign-in, buy (mobile)",
        "perf ≥ 98, others 100, LCP ≤ 2 s, TBT ≤ 100 ms, CLS 0",
        "lighthouse",
      ),
    ];
  const out: Figure[] = [];
  for (const r of s.lighthouse) {
    const row = (figure: string, value: string, target: string, ok: boolean, note?: string): Figure => ({
      area: "lighthouse",
      figure: `${r.name}: ${figure}`,
      value: r.runs ? value : "ERROR",
      target,
      verdict: r.runs ? check(ok) : "NOT met",
      ...(note ? { note } : r.runs ? {} : { note: r.error ?? "no run" }),
    });
    const failing = (c: string) => r.failing.filter((f) => f.startsWith(`${c}:`)).join(", ") || undefined;
    out.push(
      row("performance", String(r.performance), `≥ ${t.performance}`, r.performance >= t.performance),
      row(
        "accessibility",
        String(r.accessibility),
        `${t.others}`,
        r.accessibility >= t.others,
        failing("accessibility"),
      ),
      row(
        "best practices",
        String(r.bestPractices),
        `${t.others}`,
        r.bestPractices >= t.others,
        failing("best-practices"),
      ),
      row("SEO", String(r.seo), `${t.others}`, r.seo >= t.others, failing("seo")),
      row("LCP", `${fmt(r.lcpMs)} ms`, `≤ ${fmt(t.lcpMs)} ms`, r.lcpMs <= t.lcpMs),
      row("TBT", `${fmt(r.tbtMs)} ms`, `≤ ${fmt(t.tbtMs)} ms`, r.tbtMs <= t.tbtMs),
      row("CLS", r.cls.toFixed(3), `${t.cls}`, r.cls <= t.cls),
    );
  }
  return out;
}

const htmlFigure = (figure: string, bytes: number, note?: string): Figure => ({
  area: "large lists",
  figure,
  value: kB(bytes),
  target: `≤ ${kB(LIST_HTML_TARGET_BYTES)} HTML`,
  verdict: check(bytes <= LIST_HTML_TARGET_BYTES),
  ...(note ? { note } : {}),
});

function listFigures(s: Summary): Figure[] {
  const out: Figure[] = [];
  const own = s.orderbook?.rows.find((r) => r.page.includes("own bids"));
  out.push(
    own
      ? htmlFigure(`open orders: ${own.page}`, own.htmlBytes)
      : notRun("large lists", "open orders (500) page", `≤ ${kB(LIST_HTML_TARGET_BYTES)} HTML`, "orderbook"),
  );
  if (s.lists)
    for (const p of s.lists.pages)
      out.push(
        htmlFigure(
          `${p.list}, ${fmt(p.rows)} rows: ${p.path}`,
          p.htmlBytes,
          p.status === 200 ? undefined : `status ${p.status}`,
        ),
      );
  else
    out.push(
      notRun(
        "large lists",
        "portfolio history (5,000), KYC queue (10,000), audit log (1,000,000) pages",
        `≤ ${kB(LIST_HTML_TARGET_BYTES)} HTML`,
        "lists",
      ),
    );
  const r = s.register;
  if (!r) {
    out.push(
      notRun(
        "large lists",
        "holder register (100,000): page, warm time, CSV memory",
        `≤ ${kB(LIST_HTML_TARGET_BYTES)}, ≤ 1 s, bounded`,
        "register",
      ),
    );
    return out;
  }
  const size = `${fmt(r.holders)} holders`;
  const fewer = r.holders < 100_000 ? `${size}, not the issue's 100,000 (--quick)` : undefined;
  out.push(htmlFigure(`holder register (${size}): page 1`, r.page.htmlBytes, fewer));
  for (const h of r.htmlByPer ?? [])
    out.push(htmlFigure(`holder register (${size}): page 1 at ${h.per} rows`, h.htmlBytes, fewer));
  out.push({
    area: "large lists",
    figure: `holder register (${size}): page 1, warm`,
    value: `${fmt(r.page.warmMs)} ms`,
    target: `≤ ${fmt(REGISTER_PAGE_TARGET_MS)} ms`,
    verdict: check(r.page.warmMs <= REGISTER_PAGE_TARGET_MS),
    ...(fewer ? { note: fewer } : {}),
  });
  const m = r.csvMemory;
  out.push(
    m
      ? {
          area: "large lists",
          figure: `holder register (${size}): CSV export, the app's peak memory growth`,
          value: `+${(m.peakMiB - m.beforeMiB).toFixed(0)} MiB (CSV ${kB(m.csvBytes)})`,
          target: `≤ ${CSV_MEMORY_TARGET_MIB} MiB`,
          verdict: check(m.peakMiB - m.beforeMiB <= CSV_MEMORY_TARGET_MIB),
          ...(fewer ? { note: fewer } : {}),
        }
      : notRun("large lists", "holder register CSV memory", `≤ ${CSV_MEMORY_TARGET_MIB} MiB`, "register"),
  );
  return out;
}

function indexerFigures(s: Summary): Figure[] {
  const out: Figure[] = [];
  const r = s.indexerSynthetic;
  const target = `≥ ${fmt(INDEXER_TARGET_EVENTS_PER_SECOND)} events/s into PostgreSQL`;
  if (!r) out.push(notRun("indexer", "throughput over 100,000 synthetic trades", target, "indexer"));
  else {
    const pg = r.driver === "postgres";
    out.push({
      area: "indexer",
      figure: `throughput over ${fmt(r.trades)} synthetic trades (${pg ? "PostgreSQL" : "PGlite"})`,
      value: `${fmt(Math.round(r.eventsPerSecond))} events/s`,
      target,
      verdict: pg ? check(r.eventsPerSecond >= INDEXER_TARGET_EVENTS_PER_SECOND) : "NOT met",
      ...(pg ? {} : { note: "BENCH_DATABASE_URL unset: measured into in-memory PGlite, not PostgreSQL" }),
    });
  }
  const c = s.indexerCatchUp;
  out.push(
    c
      ? {
          area: "indexer",
          figure: `seeded chain catch-up from an empty database (${c.driver})`,
          value: `${c.seconds.toFixed(2)} s (${fmt(c.events)} events)`,
          target: "report",
          verdict: "reported",
        }
      : notRun("indexer", "seeded chain catch-up", "report", "indexer"),
  );
  return out;
}

function startFigures(s: Summary): Figure[] {
  const r = s.start;
  if (!r) return [notRun("start", "second npm start to the first page", `≤ ${START_TARGET_SECONDS} s`, "start")];
  const out: Figure[] = [
    {
      area: "start",
      figure: "second npm start to the first 200 of /",
      value: `${r.second.seconds.toFixed(1)} s`,
      target: `≤ ${START_TARGET_SECONDS} s`,
      verdict: check(r.second.seconds <= START_TARGET_SECONDS),
      ...(r.second.deployed ? { note: "the second start deployed again: chain state was not kept" } : {}),
    },
  ];
  if (r.fresh)
    out.push(
      {
        area: "start",
        figure: "fresh clone: npm ci",
        value: `${r.fresh.npmCiSeconds.toFixed(0)} s`,
        target: "report",
        verdict: "reported",
      },
      {
        area: "start",
        figure: "fresh clone: first npm start (builds)",
        value: `${r.fresh.firstStart.seconds.toFixed(0)} s`,
        target: "report",
        verdict: "reported",
      },
    );
  else
    out.push({
      ...notRun("start", "fresh clone: npm ci and first start", "report", "start --fresh"),
      note: "--fresh (takes minutes)",
    });
  return out;
}

export function collectFigures(s: Summary): Figure[] {
  return [
    ...throughputFigures(s),
    ...bfCacheFigures(s),
    ...jsFigures(s),
    ...lighthouseFigures(s),
    ...listFigures(s),
    ...indexerFigures(s),
    ...startFigures(s),
  ];
}

export function printFigures(figures: Figure[]): void {
  printTable(
    "Issue 17's targets (met / NOT met; 'not run' names the flag that measures it)",
    ["area", "figure", "value", "target", "verdict", "note"],
    figures.map((f) => [f.area, f.figure, f.value, f.target, f.verdict, f.note ?? ""]),
  );
  const count = (v: Verdict) => figures.filter((f) => f.verdict === v).length;
  console.log(
    `  ${count("met")} met, ${count("NOT met")} NOT met, ${count("reported")} reported, ${count("not run")} not run`,
  );
}
