/**
 * Section 10: Lighthouse (mobile preset: Moto G Power emulation, simulated slow 4G and 4× CPU slowdown) against the
 * bench's own `next start`, in Debian's Chromium (or CHROME_PATH). Each page is audited `runs` times and the run
 * with the median performance score is reported, as Lighthouse's own docs advise for noisy machines. Signed-in pages
 * get the session cookie as an extra header. Reported, not judged: the targets are printed beside the figures.
 * (Lighthouse 12.2.3, the newest that installs on Node 20, cannot name the LCP element with Chromium 156: its
 * TraceElements gatherer fails on the newer trace format; the scores and metrics are unaffected.)
 */
import { existsSync } from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { log } from "./lib";

export type LighthousePage = { name: string; path: string; cookie?: string };

export type LighthouseResult = {
  name: string;
  path: string;
  /** The final URL Lighthouse audited (after any redirect). */
  finalUrl: string;
  runs: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Failed audits of the non-performance categories (ids), so a score under 100 says why. */
  failing: string[];
  /**
   * Lighthouse's back/forward cache audit ("bf-cache": it navigates away and back): true when the page was restored
   * from the cache, false when something prevented it, null when the audit did not run.
   */
  bfCache: boolean | null;
  error?: string;
};

/** Issue 17's targets. */
export const LIGHTHOUSE_TARGET = { performance: 98, others: 100, lcpMs: 2_000, tbtMs: 100, cls: 0 };

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
/** Lighthouse's default storage reset before each run, plus the origin's cookies. */
const CLEARED_STORAGE = ["file_systems", "shader_cache", "service_workers", "cache_storage", "cookies"] as const;

function chromePath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

type Lhr = {
  finalDisplayedUrl?: string;
  runtimeError?: { message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string }>;
};

const score = (lhr: Lhr, c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const numeric = (lhr: Lhr, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

function bfCache(lhr: Lhr): boolean | null {
  const a = lhr.audits["bf-cache"];
  return !a || a.score === null || a.scoreDisplayMode === "notApplicable" ? null : a.score === 1;
}

function failingAudits(lhr: Lhr): string[] {
  const out: string[] = [];
  for (const c of CATEGORIES.slice(1)) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
        out.push(`${c}:${ref.id}`);
    }
  }
  return out;
}

export async function runLighthouse(
  origin: string,
  pages: LighthousePage[],
  { runs }: { runs: number },
): Promise<LighthouseResult[]> {
  const chrome = await launch({
    chromePath: chromePath(),
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const results: LighthouseResult[] = [];
  try {
    for (const page of pages) {
      const url = `${origin}${page.path}`;
      const lhrs: Lhr[] = [];
      let error: string | undefined;
      for (let i = 0; i < runs; i++) {
        log(`lighthouse ${page.name} (${page.path}) run ${i + 1}/${runs}…`);
        try {
          const r = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
            // Every run starts without the origin's cookies (Lighthouse's own storage reset, cookies added): a
            // cookie an earlier page left in this browser (wagmi's store, set by every wallet page) would make
            // Chromium send its own Cookie header in place of the extra one, and a signed-in page would then be
            // audited as the sign-in page it redirects to.
            clearStorageTypes: [...CLEARED_STORAGE],
            ...(page.cookie ? { extraHeaders: { cookie: page.cookie } } : {}),
          });
          const lhr = r?.lhr as unknown as Lhr | undefined;
          if (!lhr) throw new Error("no result");
          if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
          lhrs.push(lhr);
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
      }
      if (!lhrs.length) {
        results.push({
          name: page.name,
          path: page.path,
          finalUrl: url,
          runs: 0,
          performance: 0,
          accessibility: 0,
          bestPractices: 0,
          seo: 0,
          lcpMs: Number.NaN,
          tbtMs: Number.NaN,
          cls: Number.NaN,
          fcpMs: Number.NaN,
          failing: [],
          bfCache: null,
          error,
        });
        continue;
      }
      lhrs.sort((a, b) => score(a, "performance") - score(b, "performance"));
      const median = lhrs[Math.floor(lhrs.length / 2)]!;
      results.push({
        name: page.name,
        path: page.path,
        finalUrl: median.finalDisplayedUrl ?? url,
        runs: lhrs.length,
        performance: score(median, "performance"),
        accessibility: score(median, "accessibility"),
        bestPractices: score(median, "best-practices"),
        seo: score(median, "seo"),
        lcpMs: numeric(median, "largest-contentful-paint"),
        tbtMs: numeric(median, "total-blocking-time"),
        cls: numeric(median, "cumulative-layout-shift"),
        fcpMs: numeric(median, "first-contentful-paint"),
        failing: failingAudits(median),
        bfCache: bfCache(median),
        ...(error ? { error } : {}),
      });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}
