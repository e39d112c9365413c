/**
 * The chain indexer engine: reads the deployment's events with `getLogs` in chunks from a stored cursor, records them
 * in `chain_events` and hands them to the projections the domains register (`projection.ts`; the list is in
 * `projections.ts`). It knows no domain: which events, from which contracts, and what becomes of them is theirs.
 *
 * - Idempotent: every event is keyed by (transaction hash, log index); a batch re-read after a crash
 *   inserts nothing twice.
 * - Confirmations: only blocks at least `confirmations` deep are read.
 * - Reorgs: the cursor and every indexed block with events keep their block hash; when the chain no
 *   longer has the cursor's hash, the indexer walks back to the last stored block the chain still
 *   agrees with, deletes every event above it, lets each projection roll back and re-reads from there.
 * - One batch (events, projections, cursor) is written in one database transaction; while behind, the next range is
 *   read from the chain during that write (`prefetch.ts`).
 * - Versioned event set: a cursor written by an older `eventsVersion` (fewer events) gets a one-time rescan that
 *   re-reads its history from the chain (`rescan.ts`), beside the live cursor, which keeps going. A projection that
 *   is new or whose `version` changed backfills alone from `chain_events` (`projection-backfill.ts`). Until both
 *   end, views that need every event (the register at a past block) ask `getIndexerCoverage` how far the record is
 *   complete.
 *
 * Plain module (no `server-only`): the worker script and the tests import it (through `projections.ts`, which
 * binds the project's projections); the server runs it through `lib/indexer/embedded.ts`.
 */
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../db/connect";
import { chainEvents, type IndexerCursor, indexerBlocks, indexerCursor, indexerProjections } from "../db/schema";
import { planProjectionBackfills, projectionBackfillStep, readProjectionRows } from "./projection-backfill";
import { readAhead, takeBatch } from "./prefetch";
import { adaptiveChunk, type Batch, declares, DEFAULT_CHUNK_SIZE, sourceOf } from "./read";
import {
  type BackfillProgress,
  DEFAULT_INDEXER_NAME,
  IndexerConflictError,
  type IndexerOptions,
  readCursor,
  recordBatch,
} from "./record";
import { planRescan, rescanStep } from "./rescan";

export type { IndexerContracts } from "./projection";
export { DEFAULT_CHUNK_SIZE } from "./read";
export { DEFAULT_INDEXER_NAME, IndexerConflictError, type IndexerOptions } from "./record";

/** Block hashes kept for reorg detection (deeper reorgs fall back to a re-read from the start block). */
const KEPT_BLOCKS = 512n;

export type SyncResult = {
  /** Events newly recorded in this call. */
  inserted: number;
  /** Last block now indexed (the cursor). */
  cursor: bigint;
  /** Head of the chain minus the confirmation depth. */
  safeHead: bigint;
  /** The block rolled back to, when a reorg was found. */
  reorgedTo?: bigint;
  /** A history re-scan for a newer event set, when one is pending: where it stands and where it ends. */
  backfill?: BackfillProgress;
  /** A projection's own backfill from `chain_events`, when one is pending (one projection per step). */
  projectionBackfill?: { projection: string; cursor: bigint; to: bigint };
};

type CursorRow = Pick<IndexerCursor, "blockNumber" | "blockHash">;

/** Finds the newest stored block the chain still agrees with (or the block before the start block). */
async function findCommonAncestor(
  opts: IndexerOptions,
  name: string,
  head: bigint,
): Promise<{ number: bigint; hash: string }> {
  const { db, client, contracts } = opts;
  const stored = await db
    .select()
    .from(indexerBlocks)
    .where(eq(indexerBlocks.name, name))
    .orderBy(desc(indexerBlocks.blockNumber))
    .limit(Number(KEPT_BLOCKS));
  for (const b of stored) {
    if (b.blockNumber > head) continue;
    const block = await client.getBlock({ blockNumber: b.blockNumber });
    if (block.hash === b.blockHash) return { number: b.blockNumber, hash: b.blockHash };
  }
  const base = contracts.startBlock > 0n ? contracts.startBlock - 1n : 0n;
  const block = await client.getBlock({ blockNumber: base });
  return { number: base, hash: block.hash };
}

/** Roll the record and every projection back to `ancestor` (everything in later blocks is deleted) inside `tx`. */
async function rollbackTo(
  tx: Database,
  opts: IndexerOptions,
  name: string,
  ancestor: { number: bigint; hash: string },
): Promise<void> {
  const removed = await tx.delete(chainEvents).where(gt(chainEvents.blockNumber, ancestor.number)).returning();
  const from = sourceOf(opts.contracts, () => true);
  for (const p of opts.setup.projections)
    await p.rollback(
      tx,
      ancestor.number,
      removed.filter((e) => declares(p.events, e, from)),
    );
  await tx
    .delete(indexerBlocks)
    .where(and(eq(indexerBlocks.name, name), gt(indexerBlocks.blockNumber, ancestor.number)));
  // Pending backfills and the idle tasks' marks never stand above the live cursor: the blocks they covered above the
  // ancestor are re-read from scratch.
  const clamp = (column: AnyPgColumn) =>
    sql`CASE WHEN ${column} IS NULL THEN NULL ELSE LEAST(${column}, ${ancestor.number}::bigint) END`;
  await tx
    .insert(indexerCursor)
    .values({
      name,
      blockNumber: ancestor.number,
      blockHash: ancestor.hash,
      eventsVersion: opts.setup.eventsVersion,
    })
    .onConflictDoUpdate({
      target: indexerCursor.name,
      set: {
        blockNumber: ancestor.number,
        blockHash: ancestor.hash,
        backfillTo: clamp(indexerCursor.backfillTo),
        backfillCursor: clamp(indexerCursor.backfillCursor),
        reconciledBlock: clamp(indexerCursor.reconciledBlock),
      },
    });
  await tx
    .update(indexerProjections)
    .set({ backfillTo: clamp(indexerProjections.backfillTo), backfillCursor: clamp(indexerProjections.backfillCursor) })
    .where(eq(indexerProjections.indexer, name));
}

/** Detects a reorg under the stored cursor and rolls back to the common ancestor; returns the cursor to go on from. */
async function checkReorg(
  opts: IndexerOptions,
  name: string,
  head: bigint,
  cursor: CursorRow,
): Promise<{ cursor: CursorRow; reorgedTo?: bigint }> {
  const current =
    cursor.blockNumber <= head
      ? await opts.client.getBlock({ blockNumber: cursor.blockNumber }).catch(() => null)
      : null;
  if (current && current.hash === cursor.blockHash) return { cursor };
  const ancestor = await findCommonAncestor(opts, name, head);
  await opts.db.transaction(async (tx) => rollbackTo(tx as unknown as Database, opts, name, ancestor));
  opts.log?.(`reorg: block ${cursor.blockNumber} changed; rolled back to ${ancestor.number}`);
  return { cursor: { blockNumber: ancestor.number, blockHash: ancestor.hash }, reorgedTo: ancestor.number };
}

/** Records one live batch, its blocks' hashes and the new cursor, in one transaction; returns the new events. */
async function writeLiveBatch(opts: IndexerOptions, name: string, cursor: CursorRow | null, batch: Batch) {
  const { to, toBlock, blocks } = batch;
  return opts.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // Guard against two writers: the cursor must not have moved since we read it.
    const now = await readCursor(tx, name);
    if ((now?.blockNumber ?? null) !== (cursor?.blockNumber ?? null)) throw new IndexerConflictError();
    const n = await recordBatch(tx, opts, batch, { kind: "live", through: to });
    // One statement of column arrays (`unnest`): a catch-up's batch keeps up to a chunk of blocks.
    const keep = [...blocks.entries()];
    if (keep.length)
      await tx.execute(sql`
        INSERT INTO ${indexerBlocks} (name, block_number, block_hash)
        SELECT ${name}::text, * FROM unnest(
          ${sql.param(keep.map(([n]) => n.toString()))}::bigint[], ${sql.param(keep.map(([, b]) => b.hash))}::text[]
        )
        ON CONFLICT DO NOTHING`);
    await tx
      .delete(indexerBlocks)
      .where(and(eq(indexerBlocks.name, name), sql`${indexerBlocks.blockNumber} < ${to - KEPT_BLOCKS}`));
    // A new cursor reads the whole event set from the start block: no rescan.
    await tx
      .insert(indexerCursor)
      .values({ name, blockNumber: to, blockHash: toBlock.hash, eventsVersion: opts.setup.eventsVersion })
      .onConflictDoUpdate({ target: indexerCursor.name, set: { blockNumber: to, blockHash: toBlock.hash } });
    return n;
  });
}

/**
 * One step: check for a reorg, then index up to one chunk of confirmed blocks, then one chunk of a pending rescan
 * and one of a pending projection backfill. Call repeatedly (the poll loop does) until `hasMoreWork` says no.
 */
export async function syncOnce(opts: IndexerOptions): Promise<SyncResult> {
  const { db, client, contracts } = opts;
  const name = opts.name ?? DEFAULT_INDEXER_NAME;
  const chunk = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const head = await client.getBlockNumber({ cacheTime: 0 });
  const safeHead = head - BigInt(opts.confirmations);
  const stored = await readCursor(db, name);
  let cursor: CursorRow | null = stored;
  let reorgedTo: bigint | undefined;

  if (cursor) ({ cursor, reorgedTo } = await checkReorg(opts, name, head, cursor));
  if (stored && stored.eventsVersion < opts.setup.eventsVersion) await planRescan(opts, name, { ...stored, ...cursor });
  await planProjectionBackfills(opts, name, cursor?.blockNumber ?? null, await readProjectionRows(db, name));

  const withBackfill = async (r: SyncResult): Promise<SyncResult> => {
    const backfill = await rescanStep(opts, name);
    const projectionBackfill = await projectionBackfillStep(opts, name);
    return { ...r, ...(backfill ? { backfill } : {}), ...(projectionBackfill ? { projectionBackfill } : {}) };
  };
  const reorg = reorgedTo !== undefined ? { reorgedTo } : {};

  const from = cursor ? cursor.blockNumber + 1n : contracts.startBlock;
  if (from > safeHead)
    return withBackfill({ inserted: 0, cursor: cursor?.blockNumber ?? from - 1n, safeHead, ...reorg });
  const upTo = (start: bigint) => {
    const span = adaptiveChunk.get(name) ?? chunk;
    return start + span - 1n < safeHead ? start + span - 1n : safeHead;
  };
  const batch = await takeBatch(opts, name, from, upTo(from));
  // A log whose block hash differs from the block we just read means a reorg is under way: retry later.
  if (!batch) return { inserted: 0, cursor: cursor?.blockNumber ?? from - 1n, safeHead };
  // Still behind: the next range is read while this one is written (`prefetch.ts`).
  if (batch.to < safeHead) readAhead(opts, name, batch.to + 1n, upTo(batch.to + 1n));
  const inserted = await writeLiveBatch(opts, name, cursor, batch);
  return withBackfill({ inserted, cursor: batch.to, safeHead, ...reorg });
}

/** True while the indexer has work without sleeping: blocks behind the confirmed head, or a backfill chunk. */
export function hasMoreWork(r: SyncResult): boolean {
  return (
    r.cursor < r.safeHead ||
    (r.backfill !== undefined && r.backfill.cursor < r.backfill.to) ||
    r.projectionBackfill !== undefined
  );
}

/** Index until the cursor reaches the confirmed head and no backfill is pending. Returns the total of newly recorded events. */
export async function syncToHead(opts: IndexerOptions): Promise<SyncResult> {
  let total = 0;
  let reorgedTo: bigint | undefined;
  for (;;) {
    const r = await syncOnce(opts);
    total += r.inserted + (r.backfill?.inserted ?? 0);
    reorgedTo ??= r.reorgedTo;
    if (!hasMoreWork(r)) return { ...r, inserted: total, ...(reorgedTo !== undefined ? { reorgedTo } : {}) };
  }
}

/** The cursor and the chain head, for `/api/health`. */
export async function getIndexerLag(
  db: Database,
  head: bigint,
  name = DEFAULT_INDEXER_NAME,
): Promise<{ cursor: bigint | null; lag: bigint | null }> {
  const c = await readCursor(db, name);
  return c
    ? { cursor: c.blockNumber, lag: head > c.blockNumber ? head - c.blockNumber : 0n }
    : { cursor: null, lag: null };
}

export type IndexerCoverage = {
  /** Last block indexed. */
  cursor: bigint;
  /**
   * Every event of the current event set is recorded, and every projection built, from the start block through this
   * block (null: not yet for any block, e.g. while the one-time rescan of an upgraded database has not begun).
   */
  completeThrough: bigint | null;
  /** The rescan's progress, while one is pending. */
  backfill: { cursor: bigint; to: bigint } | null;
};

/**
 * How far the indexer's record is complete, for views built only from it (the register at a past block).
 * `eventsVersion`: the event set the running code records (`projections.ts` binds it).
 */
export async function getIndexerCoverage(
  db: Database,
  eventsVersion: number,
  name = DEFAULT_INDEXER_NAME,
): Promise<IndexerCoverage | null> {
  const c = await readCursor(db, name);
  if (!c) return null;
  if (c.eventsVersion < eventsVersion) return { cursor: c.blockNumber, completeThrough: null, backfill: null };
  let through = c.blockNumber;
  let backfill: IndexerCoverage["backfill"] = null;
  if (c.backfillTo !== null && c.backfillCursor !== null) {
    if (c.backfillCursor < through) through = c.backfillCursor;
    backfill = { cursor: c.backfillCursor, to: c.backfillTo };
  }
  // A projection still backfilling from `chain_events` has built its rows only through its own cursor.
  for (const p of await readProjectionRows(db, name))
    if (p.backfillCursor !== null && p.backfillTo !== null && p.backfillCursor < through) through = p.backfillCursor;
  return { cursor: c.blockNumber, completeThrough: through, backfill };
}
