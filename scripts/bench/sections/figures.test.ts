/**
 * The closing table of `npm run bench`: each of issue 17's figures is judged against its target from what the sections
 * measured, a section that did not run says so, and a figure measured off-target (PGlite, fewer holders) says why.
 */
import { describe, expect, it } from "vitest";
import type { Summary } from "./context";
import { collectFigures } from "./figures";

const base = (): Summary => ({
  startedAt: "2026-12-07T00:00:00.000Z",
  machine: {},
  settings: {
    quick: false,
    renders: 10,
    loadSeconds: 10,
    connections: 10,
    gasTimeoutMs: 1,
    sections: [],
    ports: { web: 1, bare: 2, anvil: 3, proxy: 4 },
    dataDir: ".data-bench",
  },
  errors: [],
});

const load = (name: string, reqPerSec: number, p99: number, connections: number) => ({
  name,
  url: "http://x/",
  reqPerSec,
  p50: 1,
  p97_5: 1,
  p99,
  requests: 1,
  errors: 0,
  non2xx: 0,
  connections,
  vsBare: { reqPerSec: reqPerSec / 1000, p50: 1, p97_5: 1, p99: p99 / 10 },
});

const find = (s: Summary, figure: string) => collectFigures(s).find((f) => f.figure.includes(figure));

describe("issue 17's closing table", () => {
  it("names every area's figure as not run when no section ran", () => {
    const figures = collectFigures(base());
    expect(new Set(figures.map((f) => f.area))).toEqual(
      new Set(["throughput", "js", "lighthouse", "large lists", "indexer", "start"]),
    );
    expect(figures.every((f) => f.verdict === "not run" && f.note?.startsWith("--only="))).toBe(true);
  });

  it("judges throughput against the bare page at each connection count", () => {
    const s = base();
    s.throughput = { results: [load("bare Next.js page", 1000, 10, 50), load("/ (catalogue)", 850, 25, 50)] };
    expect(find(s, "/ (catalogue), 50 conns: req/s")?.verdict).toBe("met");
    expect(find(s, "/ (catalogue), 50 conns: p99")).toMatchObject({ value: "2.50× (25 ms)", verdict: "NOT met" });
    expect(collectFigures(s).some((f) => f.figure.startsWith("bare"))).toBe(false);
  });

  it("does not count the indexer's throughput into PGlite as the PostgreSQL target met, and says why", () => {
    const s = base();
    s.indexerSynthetic = { driver: "pglite", trades: 100_000, eventsPerSecond: 50_000 } as Summary["indexerSynthetic"];
    expect(find(s, "synthetic trades")).toMatchObject({ verdict: "NOT met", note: expect.stringMatching(/PGlite/) });
  });

  it("checks the large lists' HTML, the register's warm time and its CSV memory, noting a smaller register", () => {
    const s = base();
    const page = { path: "/r", status: 200, htmlBytes: 150_000, coldMs: 900, warmMs: 1_200 };
    const timing = { ...page, coldEthCall: 0, coldCalls: 0, warmCalls: 0, rpcBytes: 0 };
    s.register = {
      holders: 1_000,
      seedSeconds: 1,
      page: timing,
      search: timing,
      csv: timing,
      csvMemory: { beforeMiB: 500, peakMiB: 700, csvBytes: 1 },
    };
    s.lists = {
      pages: [{ list: "KYC queue", rows: 10_000, ...page, htmlBytes: 250_000 }],
      seedSeconds: { orders: 0, kyc: 0, audit: 0 },
    };
    expect(find(s, "KYC queue")?.verdict).toBe("NOT met");
    expect(find(s, "page 1, warm")).toMatchObject({ verdict: "NOT met", note: expect.stringMatching(/100,000/) });
    expect(find(s, "): page 1")?.verdict).toBe("met");
    expect(find(s, "CSV export")).toMatchObject({ value: "+200 MiB (CSV 0.0 kB)", verdict: "NOT met" });
  });

  it("times the second start against 5 s and flags a start that had to deploy again", () => {
    const s = base();
    const run = { seconds: 4.2, deployed: true, seeded: false, steps: [] };
    s.start = { first: { ...run, seconds: 120 }, second: run };
    expect(find(s, "second npm start")).toMatchObject({
      verdict: "met",
      note: expect.stringMatching(/deployed again/),
    });
  });
});
