/**
 * The indexer engine's shared core (below `indexer.ts`, `rescan.ts` and `projection-backfill.ts`): its options, the
 * cursor read, and the recording of a batch with its projections.
 */
import { eq, sql } from "drizzle-orm";
import type { Chain, PublicClient, Transport } from "viem";
import type { Database } from "../db/connect";
import { chainEvents, type IndexerCursor, indexerCursor } from "../db/schema";
import type { ApplyBatch, IndexedEvent, IndexerContracts, IndexerSetup } from "./projection";
import { type Batch, declares } from "./read";

export const DEFAULT_INDEXER_NAME = "main";

export type IndexerOptions = {
  db: Database;
  client: PublicClient<Transport, Chain | undefined>;
  contracts: IndexerContracts;
  confirmations: number;
  /** The event set's version and the projections (`projections.ts` supplies the project's). */
  setup: IndexerSetup;
  name?: string;
  chunkSize?: bigint;
  log?: (message: string) => void;
};

/** Where a pending backfill stands: its cursor, its end, the events it recorded in this step. */
export type BackfillProgress = { cursor: bigint; to: bigint; inserted: number };

export async function readCursor(db: Database, name: string): Promise<IndexerCursor | null> {
  const rows = await db.select().from(indexerCursor).where(eq(indexerCursor.name, name)).limit(1);
  return rows[0] ?? null;
}

/** Another writer moved the cursor during our batch (nothing was written). */
export class IndexerConflictError extends Error {
  constructor() {
    super("Another indexer moved the cursor during this batch");
    this.name = "IndexerConflictError";
  }
}

/** Events per INSERT: one statement of one JSON parameter, whatever the number of rows. */
const EVENTS_PER_STATEMENT = 5_000;

/**
 * Inserts events into `chain_events` as one statement whose rows come in one JSON document (an array of rows, each
 * row an array of the columns, `args` as it is): the driver sends one string built by `JSON.stringify`, where ten
 * array literals cost it an escaped element per field (and `args` a JSON text inside each). An event already
 * recorded (same transaction hash and log index) is skipped. Returns "all" when every event was new (a catch-up: one
 * row comes back, not a key per event), else the keys (`txHash:logIndex`) of the rows inserted.
 */
async function insertEvents(tx: Database, events: readonly IndexedEvent[]): Promise<"all" | Set<string>> {
  const rows = events.map((e) => [
    e.blockNumber.toString(),
    e.blockHash,
    e.blockTime.toISOString(),
    e.txHash,
    e.logIndex,
    e.contract,
    e.eventName,
    e.args,
    e.token,
    e.orderId,
  ]);
  // The keys are aggregated only when some event was already there (a CASE branch's subquery runs only if taken).
  const res = await tx.execute(sql`
    WITH inserted AS (
      INSERT INTO ${chainEvents} (block_number, block_hash, block_time, tx_hash, log_index, contract, event_name, args,
        token, order_id)
      SELECT (r->>0)::bigint, r->>1, (r->>2)::timestamptz, r->>3, (r->>4)::integer, r->>5, r->>6, r->7, r->>8,
        (r->>9)::numeric
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r
      ON CONFLICT DO NOTHING
      RETURNING tx_hash, log_index
    ), counted AS (SELECT count(*)::integer AS n FROM inserted)
    SELECT n, CASE WHEN n < ${events.length}::integer
      THEN (SELECT coalesce(string_agg(tx_hash || ':' || log_index, ','), '') FROM inserted) END AS keys
    FROM counted`);
  const [row] = res.rows as { n: number; keys: string | null }[];
  if (Number(row!.n) === events.length) return "all";
  return new Set(row!.keys ? row!.keys.split(",") : []);
}

/**
 * Records a batch's events (existing ones are skipped) and applies each projection to the events it declared;
 * returns how many were new. `rescan`: the projections saw the events recorded before (they get `inserted`).
 */
export async function recordBatch(
  tx: Database,
  opts: IndexerOptions,
  batch: Pick<Batch, "events" | "prepared" | "sourceOf">,
  { kind, through }: { kind: "live" | "rescan"; through: bigint },
): Promise<number> {
  const inserted: IndexedEvent[] = [];
  for (let i = 0; i < batch.events.length; i += EVENTS_PER_STATEMENT) {
    const part = batch.events.slice(i, i + EVENTS_PER_STATEMENT);
    const keys = await insertEvents(tx, part);
    if (keys === "all") for (const e of part) inserted.push(e);
    else for (const e of part) if (keys.has(`${e.txHash}:${e.logIndex}`)) inserted.push(e);
  }
  for (const p of opts.setup.projections) {
    const mine = (list: readonly IndexedEvent[]) => list.filter((e) => declares(p.events, e, batch.sourceOf));
    const events = mine(batch.events);
    const apply: ApplyBatch<unknown> = {
      kind,
      events,
      // A catch-up records every event it reads: then the new ones are the same list.
      inserted: inserted.length === batch.events.length ? events : mine(inserted),
      through,
      prepared: batch.prepared.get(p.name),
    };
    await p.apply(tx, apply);
  }
  return inserted.length;
}
