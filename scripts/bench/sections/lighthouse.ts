/** Section 10: Lighthouse 12 (mobile preset) in Debian's Chromium on the catalogue, an artwork, sign-in and buy. */
import { fmt, printTable } from "../lib";
import { LIGHTHOUSE_TARGET, runLighthouse } from "../lighthouse";
import { MEI, sessionCookie } from "../market";
import type { Stack } from "../stack";
import { quick, summary } from "./context";

export async function runLighthouseSection(stack: Stack, artworkPath: string): Promise<void> {
  const results = await runLighthouse(
    stack.origin,
    [
      { name: "catalogue", path: "/" },
      { name: "artwork", path: artworkPath },
      { name: "sign-in", path: "/sign-in" },
      { name: "buy (investor)", path: `${artworkPath}/buy`, cookie: await sessionCookie(stack, MEI) },
    ],
    { runs: quick ? 1 : 3 },
  );
  summary.lighthouse = results;
  const t = LIGHTHOUSE_TARGET;
  printTable(
    `Lighthouse, mobile preset (median of ${quick ? 1 : 3} runs by performance); targets: performance ≥ ${t.performance}, the others ${t.others}, LCP ≤ ${t.lcpMs} ms, TBT ≤ ${t.tbtMs} ms, CLS ${t.cls}`,
    ["page", "perf", "a11y", "best pr.", "SEO", "FCP ms", "LCP ms", "TBT ms", "CLS", "bfcache", "targets"],
    results.map((r) => {
      const met =
        r.performance >= t.performance &&
        r.accessibility >= t.others &&
        r.bestPractices >= t.others &&
        r.seo >= t.others &&
        r.lcpMs <= t.lcpMs &&
        r.tbtMs <= t.tbtMs &&
        r.cls <= t.cls;
      return [
        r.name,
        r.runs ? r.performance : "ERROR",
        r.accessibility,
        r.bestPractices,
        r.seo,
        fmt(r.fcpMs),
        fmt(r.lcpMs),
        fmt(r.tbtMs),
        r.cls.toFixed(3),
        r.bfCache === null ? "–" : r.bfCache ? "restored" : "prevented",
        r.runs ? (met ? "met" : "NOT met") : (r.error ?? "–"),
      ];
    }),
  );
  for (const r of results) if (r.failing.length) console.log(`  ${r.name}: failing audits ${r.failing.join(", ")}`);
}
