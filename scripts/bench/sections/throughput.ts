/** Section 2: autocannon on loopback — `/`, an artwork page and a bare Next.js page (ratios). */
import { diffCounts } from "../rpc-proxy";
import { fmt, log, printTable } from "../lib";
import type { Stack } from "../stack";
import { loadTest, type LoadResult } from "../throughput";
import { ports, settings, summary, type ThroughputRow } from "./context";

/** The targets for a public page against the bare page, at 10 and at 50 connections. */
export const THROUGHPUT_TARGET = { reqPerSec: 0.8, p99: 2 };

export async function runThroughput(stack: Stack, artworkPath: string): Promise<void> {
  const targets: [string, string][] = [
    ["bare Next.js page", `http://127.0.0.1:${ports.bare}/`],
    ["/ (catalogue)", `${stack.origin}/`],
    [`${artworkPath}`, `${stack.origin}${artworkPath}`],
  ];
  const all: ThroughputRow[] = [];
  for (const connections of [settings.connections, 50]) {
    const results: LoadResult[] = [];
    for (const [name, url] of targets) {
      log(`autocannon ${url} (${settings.loadSeconds} s, ${connections} connections)`);
      const before = stack.proxy.snapshot();
      const r = await loadTest(name, url, { seconds: settings.loadSeconds, connections });
      r.rpcCalls = diffCounts(stack.proxy.snapshot(), before).calls;
      results.push(r);
    }
    const base = results[0]!;
    all.push(
      ...results.map((r) => ({
        ...r,
        connections,
        vsBare:
          base.reqPerSec > 0
            ? {
                reqPerSec: r.reqPerSec / base.reqPerSec,
                p50: r.p50 / base.p50,
                p97_5: r.p97_5 / base.p97_5,
                p99: r.p99 / base.p99,
              }
            : null,
      })),
    );
  }
  summary.throughput = { results: all };
  printThroughput();
}

function printThroughput() {
  const rows = summary.throughput?.results ?? [];
  const ratio = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "–" : `${n.toFixed(2)}×`);
  const met = (r: (typeof rows)[number]) =>
    r.name.startsWith("bare") || !r.vsBare
      ? "–"
      : r.vsBare.reqPerSec >= THROUGHPUT_TARGET.reqPerSec && r.vsBare.p99 <= THROUGHPUT_TARGET.p99
        ? "met"
        : "NOT met";
  printTable(
    `Throughput on loopback (autocannon, ${settings.loadSeconds} s each; latency in ms; target: req/s ≥ ${THROUGHPUT_TARGET.reqPerSec}× and p99 ≤ ${THROUGHPUT_TARGET.p99}× the bare page's, at 10 and 50 connections)`,
    [
      "target",
      "conns",
      "req/s",
      "p50",
      "p97.5",
      "p99",
      "requests",
      "errors",
      "non-2xx",
      "RPC calls",
      "req/s vs bare",
      "p50 vs bare",
      "p99 vs bare",
      "target",
    ],
    rows.map((r) => [
      r.name,
      fmt(r.connections),
      fmt(r.reqPerSec, 1),
      fmt(r.p50),
      fmt(r.p97_5),
      fmt(r.p99),
      fmt(r.requests),
      fmt(r.errors),
      fmt(r.non2xx),
      r.name.startsWith("bare") ? "–" : fmt(r.rpcCalls),
      ratio(r.vsBare?.reqPerSec),
      ratio(r.vsBare?.p50),
      ratio(r.vsBare?.p99),
      met(r),
    ]),
  );
}
