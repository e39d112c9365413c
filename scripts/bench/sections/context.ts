/**
 * What every section of `npm run bench` shares: the flags (set once by index.ts through `configure`), the ports and
 * data folder, the run's summary (written to bench-results/latest.json) and how a section reports a failure.
 */
import os from "node:os";
import type { Address } from "viem";
import { addressOf, type IndexerBench, type PageTiming } from "../market";
import type { CatchUpBench, SyntheticIndexerBench } from "../indexer-synthetic";
import type { PageRpcResult } from "../rpc";
import type { Ports } from "../stack";
import type { LoadResult } from "../throughput";
import type { RouteJs } from "../js";
import type { AuditBench } from "../audit";
import type { MixedLoad } from "../load";
import type { LighthouseResult } from "../lighthouse";
import type { StartBench } from "./start";
import type { ListsBench } from "./lists";
import type { Figure } from "./figures";

export const SECTIONS = [
  "rpc",
  "throughput",
  "js",
  "gas",
  "orderbook",
  "indexer",
  "register",
  "lists",
  "audit",
  "load",
  "lighthouse",
  "start",
] as const;
export type SectionName = (typeof SECTIONS)[number];

export const DEV_MNEMONIC = "test test test test test test test test test test test junk";
export const GRACE: Address = addressOf(1);
export const LUMEN: Address = addressOf(3);

export const ports: Ports = {
  web: Number(process.env.BENCH_PORT ?? 3400),
  bare: Number(process.env.BENCH_BARE_PORT ?? 3401),
  anvil: Number(process.env.BENCH_ANVIL_PORT ?? 8745),
  proxy: Number(process.env.BENCH_PROXY_PORT ?? 8746),
};
export const dataDir = process.env.BENCH_DATA_DIR ?? ".data-bench";

/** --quick: shorter runs and smaller data sets. */
export let quick = false;
/** --no-build: serve the existing build. */
export let noBuild = false;
/** --fresh: the start section also clones the repository and times `npm ci` and the first start. */
export let fresh = false;
export let soakMinutes = 10;

export type Settings = {
  quick: boolean;
  renders: number;
  loadSeconds: number;
  connections: number;
  gasTimeoutMs: number;
};
export let settings: Settings = settingsFor(false);

function settingsFor(q: boolean): Settings {
  return {
    quick: q,
    renders: q ? 4 : 10,
    loadSeconds: q ? 4 : 10,
    connections: 10,
    gasTimeoutMs: q ? 300_000 : 900_000,
  };
}

export type OrderbookRow = PageTiming & { book: string; page: string };
export type ThroughputRow = LoadResult & {
  connections: number;
  vsBare: { reqPerSec: number; p50: number; p97_5: number; p99: number } | null;
};
export type RegisterBench = {
  holders: number;
  seedSeconds: number;
  page: PageTiming;
  csv: PageTiming;
  search: PageTiming;
  /** The app's resident memory (MiB, process group) before the CSV export and its peak while it streamed. */
  csvMemory?: { beforeMiB: number; peakMiB: number; csvBytes: number };
  /** HTML of page 1 at each page size the register offers (`?per=`), in bytes. */
  htmlByPer?: { per: number; htmlBytes: number }[];
};

export type Summary = {
  startedAt: string;
  finishedAt?: string;
  machine: Record<string, unknown>;
  settings: Settings & { sections: SectionName[]; ports: Ports; dataDir: string };
  build?: { built: boolean; seconds?: number };
  rpc?: { pages: PageRpcResult[]; note: string };
  throughput?: { results: ThroughputRow[] };
  js?: {
    routes: RouteJs[];
    targetGzipBytes: number;
    walletTargetGzipBytes: number;
    inlineMessagesTargetGzipBytes: number;
  };
  gas?: unknown;
  orderbook?: { rows: OrderbookRow[]; placed?: { asks: number; bids: number; seconds: number } };
  indexer?: IndexerBench;
  indexerSynthetic?: SyntheticIndexerBench;
  indexerCatchUp?: CatchUpBench;
  register?: RegisterBench;
  lists?: ListsBench;
  audit?: AuditBench;
  load?: MixedLoad;
  lighthouse?: LighthouseResult[];
  start?: StartBench;
  /** Every figure issue 17 names beside its target (the closing table). */
  figures?: Figure[];
  errors: { section: string; message: string }[];
};

export const summary: Summary = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  },
  settings: { ...settings, sections: [], ports, dataDir },
  errors: [],
};

/** Called once by index.ts after parsing the flags, before any section runs. */
export function configure(flags: {
  quick: boolean;
  noBuild: boolean;
  fresh: boolean;
  soakMinutes: number;
  sections: SectionName[];
}): void {
  quick = flags.quick;
  noBuild = flags.noBuild;
  fresh = flags.fresh;
  soakMinutes = flags.soakMinutes;
  settings = settingsFor(flags.quick);
  summary.settings = { ...settings, sections: flags.sections, ports, dataDir };
}

export function fail(sectionName: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  summary.errors.push({ section: sectionName, message });
  console.error(`\n[bench] ${sectionName} FAILED: ${message}`);
  if (process.env.DEBUG && err instanceof Error) console.error(err.stack);
}
