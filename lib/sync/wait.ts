import "server-only";

import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { getIndexerLag } from "@/lib/indexer/indexer";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (bounded) until the indexer has recorded `blockNumber`, so views built from its tables (order book,
 * trade history, register at a past block) include a transaction the user just confirmed. True when it has;
 * false on timeout or when no indexer runs — the caller still shows the chain's own state.
 */
export async function waitForIndexedBlock({
  blockNumber,
  timeoutMs = 5_000,
  pollMs = 200,
}: {
  blockNumber: bigint;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<boolean> {
  if (getServerEnv().indexerMode === "off") return false;
  const db = await getDb();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { cursor } = await getIndexerLag(db, blockNumber);
    if (cursor !== null && cursor >= blockNumber) return true;
    if (Date.now() >= deadline) return false;
    await sleep(pollMs);
  }
}
