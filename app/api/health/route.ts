import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { getPublicClient } from "@/lib/chain/server";
import { getServerEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

type Check = { ok: boolean; ms: number; detail?: string };

async function timed<T>(fn: () => Promise<T>): Promise<{ ok: true; ms: number; value: T } | { ok: false; ms: number; error: string }> {
  const t = performance.now();
  try {
    const value = await fn();
    return { ok: true, ms: Math.round(performance.now() - t), value };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - t), error: err instanceof Error ? err.message.split("\n")[0]! : String(err) };
  }
}

/** Liveness and dependencies: web, database, chain (latest block) and indexer, as JSON. */
export async function GET() {
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
  const ok = database.ok && chainCheck.ok;
  return Response.json(
    {
      status: ok ? "ok" : "degraded",
      web: { ok: true, uptimeSeconds: Math.round(process.uptime()) },
      database,
      chain: chainCheck,
      indexer: { mode: env.indexerMode, status: "not running" },
    },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
