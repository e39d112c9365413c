/**
 * The one-time rescan after the recorded event set grew (`IndexerSetup.eventsVersion`): a cursor written by an older
 * version re-reads its history from the chain, start block → the cursor at the upgrade, in chunks beside the live
 * cursor, which keeps going; events already recorded are skipped by their (transaction hash, log index) key and the
 * projections get the new ones (`kind: "rescan"`).
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/connect";
import { type IndexerCursor, indexerCursor } from "../db/schema";
import { type BackfillProgress, IndexerConflictError, type IndexerOptions, readCursor, recordBatch } from "./record";
import { adaptiveChunk, DEFAULT_CHUNK_SIZE, readBatch } from "./read";

/**
 * A cursor written by an older event set: schedule the re-read of its history (start block → the cursor) and mark
 * it current. The live cursor is not moved, so waits for the indexer and views built from it carry on.
 */
export async function planRescan(opts: IndexerOptions, name: string, cursor: IndexerCursor): Promise<void> {
  const start = opts.contracts.startBlock;
  const version = opts.setup.eventsVersion;
  await opts.db
    .update(indexerCursor)
    .set({ eventsVersion: version, backfillTo: cursor.blockNumber, backfillCursor: start > 0n ? start - 1n : 0n })
    .where(and(eq(indexerCursor.name, name), eq(indexerCursor.eventsVersion, cursor.eventsVersion)));
  opts.log?.(
    `event set ${cursor.eventsVersion} → ${version}: re-reading blocks ${start}–${cursor.blockNumber} for the new events`,
  );
}

/** One chunk of a pending rescan, in one database transaction with its progress. */
export async function rescanStep(opts: IndexerOptions, name: string): Promise<BackfillProgress | undefined> {
  const row = await readCursor(opts.db, name);
  if (!row || row.backfillTo === null || row.backfillCursor === null) return undefined;
  const { backfillTo, backfillCursor } = row;
  if (backfillCursor >= backfillTo) {
    await opts.db
      .update(indexerCursor)
      .set({ backfillTo: null, backfillCursor: null })
      .where(and(eq(indexerCursor.name, name), eq(indexerCursor.backfillCursor, backfillCursor)));
    return { cursor: backfillCursor, to: backfillTo, inserted: 0 };
  }
  const from = backfillCursor + 1n;
  const span = adaptiveChunk.get(name) ?? opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const batch = await readBatch(opts, name, from, from + span - 1n < backfillTo ? from + span - 1n : backfillTo);
  if (!batch) return { cursor: backfillCursor, to: backfillTo, inserted: 0 };
  const done = batch.to >= backfillTo;
  const inserted = await opts.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const now = await readCursor(tx, name);
    if (now?.backfillCursor !== backfillCursor || now.backfillTo === null) throw new IndexerConflictError();
    // A reorg since may have lowered the end: never write above it (the live cursor re-reads those blocks).
    const end = now.backfillTo;
    const n = await recordBatch(
      tx,
      opts,
      { ...batch, events: batch.events.filter((e) => e.blockNumber <= end) },
      { kind: "rescan", through: end },
    );
    const reached = batch.to < end ? batch.to : end;
    await tx
      .update(indexerCursor)
      .set(done || reached >= end ? { backfillTo: null, backfillCursor: null } : { backfillCursor: reached })
      .where(eq(indexerCursor.name, name));
    return n;
  });
  if (done) opts.log?.(`backfill complete (to block ${backfillTo}, ${inserted} new events in the last chunk)`);
  return { cursor: done ? backfillTo : batch.to, to: backfillTo, inserted };
}
