/**
 * A projection's own backfill: one that is new, or whose `version` changed, re-reads its events from `chain_events`
 * (not from the chain, and no other projection with it), start block → the live cursor when it began, in chunks
 * beside the live cursor, which keeps applying new blocks to it. Its progress row is `indexer_projections`.
 */
import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Database } from "../db/connect";
import { chainEvents, type IndexerProjectionRow, indexerProjections } from "../db/schema";
import type { IndexerOptions } from "./record";
import { IndexerConflictError } from "./record";
import { declares, DEFAULT_CHUNK_SIZE, sourceOf } from "./read";

export async function readProjectionRows(db: Database, name: string): Promise<IndexerProjectionRow[]> {
  return db.select().from(indexerProjections).where(eq(indexerProjections.indexer, name));
}

/**
 * Gives every registered projection a row at its version: without a cursor (nothing indexed yet) it will read the
 * whole history live; otherwise a projection that is new or at another version is scheduled to backfill alone.
 */
export async function planProjectionBackfills(
  opts: IndexerOptions,
  name: string,
  cursor: bigint | null,
  rows: readonly IndexerProjectionRow[],
): Promise<void> {
  const start = opts.contracts.startBlock;
  for (const p of opts.setup.projections) {
    const row = rows.find((r) => r.projection === p.name);
    if (row?.version === p.version) continue;
    const plan =
      cursor === null
        ? { version: p.version, backfillTo: null, backfillCursor: null }
        : { version: p.version, backfillTo: cursor, backfillCursor: start > 0n ? start - 1n : 0n };
    await opts.db
      .insert(indexerProjections)
      .values({ indexer: name, projection: p.name, ...plan })
      .onConflictDoUpdate({ target: [indexerProjections.indexer, indexerProjections.projection], set: plan });
    if (cursor !== null)
      opts.log?.(
        `projection ${p.name} ${row ? `${row.version} → ${p.version}` : `(new, ${p.version})`}: rebuilding blocks ${start}–${cursor} from recorded events`,
      );
  }
}

/** One chunk of the first pending projection backfill, in one database transaction with its progress. */
export async function projectionBackfillStep(
  opts: IndexerOptions,
  name: string,
): Promise<{ projection: string; cursor: bigint; to: bigint } | undefined> {
  const rows = await readProjectionRows(opts.db, name);
  const pending = rows.find((r) => r.backfillTo !== null && r.backfillCursor !== null);
  const projection = pending && opts.setup.projections.find((p) => p.name === pending.projection);
  if (!pending || !projection) return undefined;
  const key = and(eq(indexerProjections.indexer, name), eq(indexerProjections.projection, pending.projection));
  const backfillTo = pending.backfillTo!;
  const backfillCursor = pending.backfillCursor!;
  const span = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const to = backfillCursor + span < backfillTo ? backfillCursor + span : backfillTo;
  const names = [...new Set(projection.events.map((e) => e.abi.name))];
  const from = sourceOf(opts.contracts, () => true);
  const events =
    to > backfillCursor && names.length
      ? (
          await opts.db
            .select()
            .from(chainEvents)
            .where(
              and(
                gt(chainEvents.blockNumber, backfillCursor),
                lte(chainEvents.blockNumber, to),
                inArray(chainEvents.eventName, names),
              ),
            )
            .orderBy(asc(chainEvents.blockNumber), asc(chainEvents.logIndex))
        ).filter((e) => declares(projection.events, e, from))
      : [];
  const prepared = projection.prepare ? await projection.prepare(opts, events) : undefined;
  await opts.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [now] = await tx.select().from(indexerProjections).where(key).limit(1);
    if (now?.backfillCursor !== backfillCursor || now.backfillTo === null || now.version !== projection.version)
      throw new IndexerConflictError();
    // A reorg since may have lowered the end: never write above it (the live cursor re-applies those blocks).
    const end = now.backfillTo;
    const mine = events.filter((e) => e.blockNumber <= end);
    await projection.apply(tx, { kind: "backfill", events: mine, inserted: [], through: end, prepared });
    const reached = to < end ? to : end;
    await tx
      .update(indexerProjections)
      .set(reached >= end ? { backfillTo: null, backfillCursor: null } : { backfillCursor: reached })
      .where(key);
  });
  if (to >= backfillTo) opts.log?.(`projection ${projection.name} rebuilt (to block ${backfillTo})`);
  return { projection: projection.name, cursor: to, to: backfillTo };
}
