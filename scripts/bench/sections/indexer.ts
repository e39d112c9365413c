/**
 * Section 6: the seeded chain's catch-up time from an empty database; the indexer's throughput (events/s, target
 * ≥ 10,000 on PostgreSQL) over 100,000 synthetic trades into PostgreSQL (BENCH_DATABASE_URL) or in-memory PGlite;
 * then 10,000 real trades sent to anvil and indexed into PGlite. Moved from index.ts unchanged.
 */
import os from "node:os";
import { benchCatchUp, benchSyntheticIndexer } from "../indexer-synthetic";
import { fmt, log, printTable } from "../lib";
import { benchIndexer } from "../market";
import type { Stack } from "../stack";
import { quick, summary } from "./context";

const SYNTHETIC_TRADES = 10_000;
/** Trades of the synthetic chain (no anvil: the indexer alone is measured). */
const SYNTHETIC_CHAIN_TRADES = 100_000;
export const INDEXER_TARGET_EVENTS_PER_SECOND = 10_000;
const benchDatabaseUrl = process.env.BENCH_DATABASE_URL || undefined;

/** The seeded chain indexed from an empty database (run right after the set-up, before other sections add to it). */
export async function runCatchUp(stack: Stack): Promise<void> {
  const r = await benchCatchUp({ rpcUrl: stack.chain.url, contracts: stack.deployment, databaseUrl: benchDatabaseUrl });
  summary.indexerCatchUp = r;
  log(
    `seeded chain caught up from an empty ${r.driver === "postgres" ? "PostgreSQL" : "in-memory PGlite"} database: ${r.blocks} blocks, ${fmt(r.events)} events in ${r.seconds.toFixed(2)} s`,
  );
}

export async function runSyntheticIndexer(): Promise<void> {
  const trades = quick ? 10_000 : SYNTHETIC_CHAIN_TRADES;
  if (!benchDatabaseUrl) log("BENCH_DATABASE_URL is not set: indexing the synthetic chain into in-memory PGlite");
  const r = await benchSyntheticIndexer({ trades, databaseUrl: benchDatabaseUrl, log });
  summary.indexerSynthetic = r;
  const into = r.driver === "postgres" ? "PostgreSQL" : "in-memory PGlite";
  printTable(
    `Indexer over ${fmt(r.trades)} synthetic trades (${r.tradesPerBlock} per block) from an empty ${into} database`,
    [
      "blocks",
      "events",
      "seconds",
      "indexer CPU s",
      "database s",
      "database CPU s",
      "node s",
      "node CPU s",
      "SQL statements",
      "events/s",
      "trades/s",
    ],
    [
      [
        fmt(r.blocks),
        fmt(r.events),
        r.indexSeconds.toFixed(1),
        r.cpuSeconds.toFixed(1),
        r.databaseSeconds === null ? "–" : r.databaseSeconds.toFixed(1),
        r.databaseCpuSeconds === null ? "–" : r.databaseCpuSeconds.toFixed(1),
        r.syntheticNodeSeconds.toFixed(1),
        r.nodeCpuSeconds.toFixed(1),
        r.statements === null ? "–" : fmt(r.statements),
        fmt(Math.round(r.eventsPerSecond)),
        fmt(Math.round(r.tradesPerSecond)),
      ],
    ],
  );
  console.log(
    `  The chain: ${r.nodeMethod}; built in ${r.buildSeconds.toFixed(1)} s before the clock started. indexer CPU s: the indexer's process while indexing; database s: waiting for PostgreSQL; database CPU s: the PostgreSQL backends serving the bench's database; node s / node CPU s: the node process answering (not the indexer's work). Machine load (1 min) at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores — on a shared machine wall time alone misleads.`,
  );
  const met = r.eventsPerSecond >= INDEXER_TARGET_EVENTS_PER_SECOND;
  console.log(
    `  Target ≥ ${fmt(INDEXER_TARGET_EVENTS_PER_SECOND)} events/s into PostgreSQL over ${fmt(r.trades)} trades: ${r.driver === "postgres" ? (met ? "met" : "NOT met") : "not measured (PGlite)"} (${fmt(Math.round(r.eventsPerSecond))} events/s wall; ${fmt(Math.round(r.events / r.cpuSeconds))} events per CPU second of the indexer${r.databaseCpuSeconds === null ? "" : `, ${fmt(Math.round(r.events / (r.cpuSeconds + r.databaseCpuSeconds)))} per CPU second of indexer + PostgreSQL`})`,
  );
  const c = summary.indexerCatchUp;
  if (c)
    console.log(
      `  Catch-up of the seeded chain from an empty database (${c.driver}): ${c.seconds.toFixed(2)} s (${c.blocks} blocks, ${fmt(c.events)} events)`,
    );
}

export async function runIndexer(stack: Stack): Promise<void> {
  await runSyntheticIndexer();
  const trades = quick ? 1_000 : SYNTHETIC_TRADES;
  log(
    `generating ${trades.toLocaleString("en")} trades (placeAsk + fill pairs between two verified investors; automine off, batched)…`,
  );
  const r = await benchIndexer(stack, { trades });
  summary.indexer = r;
  log(`generated in ${r.generateSeconds.toFixed(1)} s (${r.blocks} blocks)`);
  printTable(
    "Indexer catching up from scratch (getLogs in chunks → in-memory PGlite; confirmations 0)",
    ["trades sent", "trades indexed", "failed", "blocks", "events recorded", "seconds", "events/s", "trades/s"],
    [
      [
        fmt(r.trades),
        fmt(r.tradesIndexed),
        fmt(r.failedTrades),
        fmt(r.blocks),
        fmt(r.events),
        r.indexSeconds.toFixed(1),
        fmt(Math.round(r.eventsPerSecond)),
        fmt(Math.round(r.tradesPerSecond)),
      ],
    ],
  );
}
