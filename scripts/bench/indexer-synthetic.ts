/**
 * Indexer sections of `npm run bench` that need no app:
 *
 *   synthetic  100,000 synthetic trades (`synthetic-chain.ts`) indexed from an empty database through the real
 *              indexer (`syncToHead`: getLogs in chunks → decode → chain_events → every projection → cursor):
 *              events/s and trades/s, into PostgreSQL when BENCH_DATABASE_URL is set (a database of its own is
 *              created on that server and dropped after), else into in-memory PGlite. The chain is built before the
 *              clock starts and served by a child process over HTTP (`synthetic-node.ts`), as a real node is another
 *              process: the indexer's CPU, PostgreSQL's backends' CPU and the node's are reported apart.
 *   catch-up   the seeded chain (scripts/seed, as the bench stack seeds it) indexed from an empty database.
 */
import { readdirSync, readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import pg from "pg";
import { createPublicClient, http } from "viem";
import { createDatabase, type Database, migrateDatabase } from "../../lib/db/connect";
import { chainEvents, marketOrders, marketTrades, tokenWalletStates } from "../../lib/db/schema";
import type { IndexerContracts } from "../../lib/indexer/projection";
import { syncToHead } from "../../lib/indexer/projections";
import { startSyntheticNode } from "./synthetic-node";

export type BenchDatabase = {
  db: Database;
  driver: "postgres" | "pglite";
  /** The database's name on the server (null on PGlite). */
  name: string | null;
  close: () => Promise<void>;
};

/**
 * An empty, migrated database: a new database on the PostgreSQL server of `url` (dropped on close), or in-memory
 * PGlite without one.
 */
export async function openEmptyDatabase(url: string | undefined, label: string): Promise<BenchDatabase> {
  if (!url) {
    const handle = await createDatabase();
    await migrateDatabase(handle.db);
    return { db: handle.db, driver: "pglite", name: null, close: () => handle.close() };
  }
  const name = `atelier_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await createDatabase({ url: target.toString() });
  try {
    await migrateDatabase(handle.db);
  } catch (error) {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
    throw error;
  }
  return {
    db: handle.db,
    driver: "postgres",
    name,
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

export type SyntheticIndexerBench = {
  driver: "postgres" | "pglite";
  trades: number;
  tradesPerBlock: number;
  blocks: number;
  /** Logs on the chain / logs of contracts the indexer follows. */
  logs: number;
  followedLogs: number;
  buildSeconds: number;
  events: number;
  tradesIndexed: number;
  ordersIndexed: number;
  walletSnapshots: number;
  indexSeconds: number;
  eventsPerSecond: number;
  tradesPerSecond: number;
  rpcCalls: Record<string, number>;
  /** How the chain is served: the synthetic node in a child process, over HTTP (`synthetic-node.ts`). */
  nodeMethod: string;
  /** Time the synthetic node took to answer the indexer's JSON-RPC (in its own process, overlapping the indexer's). */
  syntheticNodeSeconds: number;
  /** The node process's CPU while the indexer ran (not the indexer's). */
  nodeCpuSeconds: number;
  /** CPU time of the indexer's process while indexing (the machine may be shared: wall time alone misleads). */
  cpuSeconds: number;
  /** SQL statements sent to PostgreSQL while indexing (round trips; null on PGlite). */
  statements: number | null;
  /** Time spent waiting for PostgreSQL's answers (part of indexSeconds; null on PGlite). */
  databaseSeconds: number | null;
  /** CPU of the PostgreSQL backends serving the bench's database while indexing (null on PGlite or a remote server). */
  databaseCpuSeconds: number | null;
};

/** Counts the statements node-postgres sends from now until `stop()`, and the time spent waiting for them. */
function countPgQueries(): { stop: () => { statements: number; seconds: number } } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  let ms = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    const t = performance.now();
    const r = original.apply(this, args);
    if (r instanceof Promise)
      void r.then(
        () => (ms += performance.now() - t),
        () => (ms += performance.now() - t),
      );
    return r;
  };
  return {
    stop: () => {
      proto.query = original;
      return { statements: n, seconds: ms / 1000 };
    },
  };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU seconds of each PostgreSQL backend serving `database` on this machine, by pid (from /proc: the server must run
 * here, as the bench's does; empty elsewhere). A backend's command line names its database.
 */
function backendCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids)
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.startsWith("postgres:") || !cmd.includes(` ${database} `)) continue;
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(pid), (Number(f[11]) + Number(f[12])) / USER_HZ);
    } catch {
      // The process ended meanwhile.
    }
  return out;
}

/** Starts counting the CPU of `database`'s backends (those that end before `stop()` are not counted). */
function countBackendCpu(database: string | null): { stop: () => number | null } {
  const before = database ? backendCpu(database) : new Map<number, number>();
  return {
    stop: () => {
      if (!database) return null;
      let s = 0;
      for (const [pid, cpu] of backendCpu(database)) s += cpu - (before.get(pid) ?? 0);
      return s;
    },
  };
}

const countOf = async (db: Database, table: Parameters<ReturnType<Database["select"]>["from"]>[0]) =>
  Number((await db.select({ n: count() }).from(table))[0]?.n ?? 0);

export async function benchSyntheticIndexer(opts: {
  trades: number;
  tradesPerBlock?: number;
  databaseUrl?: string | undefined;
  log?: (m: string) => void;
}): Promise<SyntheticIndexerBench> {
  const tradesPerBlock = opts.tradesPerBlock ?? 25;
  // The chain is built, and served, by another process before the clock starts: as a real node is.
  const chain = await startSyntheticNode({ trades: opts.trades, tradesPerBlock });
  const buildSeconds = chain.buildSeconds;
  opts.log?.(
    `synthetic chain: ${chain.trades.toLocaleString("en")} trades in ${chain.blocks.toLocaleString("en")} blocks, ${chain.logs.toLocaleString("en")} logs (${chain.followedLogs.toLocaleString("en")} from followed contracts), built in ${buildSeconds.toFixed(1)} s by a child process serving JSON-RPC over HTTP at ${chain.url}`,
  );
  // The indexer worker's transport (scripts/indexer.ts), with viem's response size limit.
  const client = createPublicClient({ transport: http(chain.url, { retryCount: 2, timeout: 20_000 }) });
  const database = await openEmptyDatabase(opts.databaseUrl, "idx").catch((error: unknown) => {
    chain.stop();
    throw error;
  });
  try {
    const node0 = await chain.stats();
    const queries = countPgQueries();
    const backends = countBackendCpu(database.name);
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const result = await syncToHead({ db: database.db, client, contracts: chain.contracts, confirmations: 0 });
    const indexSeconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const databaseCpuSeconds = backends.stop();
    const statements = queries.stop();
    const node = await chain.stats();
    const [events, tradesIndexed, ordersIndexed, walletSnapshots] = await Promise.all([
      countOf(database.db, chainEvents),
      countOf(database.db, marketTrades),
      countOf(database.db, marketOrders),
      countOf(database.db, tokenWalletStates),
    ]);
    if (events !== result.inserted) throw new Error(`recorded ${events} events, syncToHead said ${result.inserted}`);
    if (events !== chain.followedLogs) throw new Error(`recorded ${events} of ${chain.followedLogs} followed logs`);
    if (tradesIndexed !== chain.trades) throw new Error(`projected ${tradesIndexed} of ${chain.trades} trades`);
    return {
      driver: database.driver,
      trades: chain.trades,
      tradesPerBlock,
      blocks: chain.blocks,
      logs: chain.logs,
      followedLogs: chain.followedLogs,
      buildSeconds,
      events,
      tradesIndexed,
      ordersIndexed,
      walletSnapshots,
      indexSeconds,
      eventsPerSecond: events / indexSeconds,
      tradesPerSecond: tradesIndexed / indexSeconds,
      rpcCalls: Object.fromEntries(
        Object.entries(node.calls).map(([method, n]) => [method, n - (node0.calls[method] ?? 0)]),
      ),
      nodeMethod: "child process, JSON-RPC over HTTP (chain built before timing)",
      syntheticNodeSeconds: node.answerSeconds - node0.answerSeconds,
      nodeCpuSeconds: node.cpuSeconds - node0.cpuSeconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      statements: database.driver === "postgres" ? statements.statements : null,
      databaseSeconds: database.driver === "postgres" ? statements.seconds : null,
      databaseCpuSeconds: databaseCpuSeconds !== null && databaseCpuSeconds > 0 ? databaseCpuSeconds : null,
    };
  } finally {
    chain.stop();
    await database.close();
  }
}

export type CatchUpBench = { driver: "postgres" | "pglite"; blocks: bigint; events: number; seconds: number };

/** Indexes a deployed chain (the seeded bench chain) from an empty database; anvil answers directly. */
export async function benchCatchUp(opts: {
  rpcUrl: string;
  contracts: IndexerContracts;
  databaseUrl?: string | undefined;
}): Promise<CatchUpBench> {
  const database = await openEmptyDatabase(opts.databaseUrl, "catchup");
  try {
    const client = createPublicClient({ transport: http(opts.rpcUrl, { timeout: 120_000 }) });
    const t = performance.now();
    const r = await syncToHead({ db: database.db, client, contracts: opts.contracts, confirmations: 0 });
    return { driver: database.driver, blocks: r.cursor, events: r.inserted, seconds: (performance.now() - t) / 1000 };
  } finally {
    await database.close();
  }
}
