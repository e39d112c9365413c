import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { getPublicClient } from "@/lib/chain/server";
import { getServerEnv } from "@/lib/env";
import { getIndexerLag } from "@/lib/indexer/indexer";
import { getLocalIndexerStatus } from "@/lib/indexer/loop";
import { getPlatformStopped } from "@/lib/platform/status";

type Check = { ok: boolean; ms: number; detail?: string };

async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; ms: number; value: T } | { ok: false; ms: number; error: string }> {
  const t = performance.now();
  try {
    const value = await fn();
    return { ok: true, ms: Math.round(performance.now() - t), value };
  } catch (err) {
    return {
      ok: false,
      ms: Math.round(performance.now() - t),
      error: err instanceof Error ? err.message.split("\n")[0]! : String(err),
    };
  }
}

/** Liveness and dependencies: web, database, chain (latest block) and indexer; `ok` when the database and chain answer. */
export async function getHealth() {
  const env = getServerEnv();
  const [db, chain] = await Promise.all([
    timed(async () => {
      const database = await getDb();
      await database.execute(sql`select 1`);
      return null;
    }),
    timed(() => getPublicClient().getBlockNumber({ cacheTime: 0 })),
  ]);
  const database: Check = db.ok ? { ok: true, ms: db.ms } : { ok: false, ms: db.ms, detail: db.error };
  const chainCheck = chain.ok
    ? { ok: true, ms: chain.ms, chainId: env.chainId, blockNumber: chain.value.toString() }
    : { ok: false, ms: chain.ms, chainId: env.chainId, detail: chain.error };
  const [indexer, stopped] = await Promise.all([
    indexerCheck(env.indexerMode, chain.ok ? chain.value : null),
    chain.ok ? getPlatformStopped() : null,
  ]);
  const ok = database.ok && chainCheck.ok;
  return {
    ok,
    body: {
      status: ok ? "ok" : "degraded",
      web: { ok: true, uptimeSeconds: Math.round(process.uptime()) },
      database,
      chain: chainCheck,
      indexer,
      // The admin's emergency stop (null: unread). A stopped platform is healthy: it refuses trading on purpose.
      platform: { stopped },
    },
  };
}

/**
 * The indexer's lag in blocks (chain head − cursor), from the shared cursor row, so it is right whether
 * the indexer runs in this process (embedded) or in the worker. Also this process's loop state, if any.
 */
async function indexerCheck(mode: string, head: bigint | null) {
  const local = getLocalIndexerStatus();
  const lag = await timed(async () => (head === null ? null : getIndexerLag(await getDb(), head)));
  const value = lag.ok ? lag.value : null;
  return {
    mode,
    status: mode === "off" ? "off" : value?.cursor == null ? "not started" : local?.lastError ? "error" : "ok",
    cursorBlock: value?.cursor?.toString() ?? null,
    lagBlocks: value?.lag == null ? null : Number(value.lag),
    ...(local
      ? {
          running: local.running,
          lastSyncAt: local.lastSyncAt,
          lastError: local.lastError,
          eventsRecorded: local.eventsRecorded,
          reorgs: local.reorgs,
        }
      : {}),
  };
}
