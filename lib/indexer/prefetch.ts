/**
 * Reading ahead while writing: during a catch-up the live cursor's next range (its logs, block times and the
 * projections' chain reads) is read while the previous batch is written to the database, so the node's and the
 * database's work overlap instead of following each other. One range ahead per indexer name, in this process.
 *
 * A batch read ahead is used only if it starts where the cursor now ends, was read with the same client, contracts and
 * projections, and the chain still has its last block (same hash: then every block of the range is unchanged, as
 * `syncOnce` checked the cursor's own block before). Otherwise, or if it failed, the range is read afresh. Plain module.
 */
import { type Batch, readBatch } from "./read";
import type { IndexerOptions } from "./record";

type Ahead = {
  from: bigint;
  to: bigint;
  opts: Pick<IndexerOptions, "client" | "contracts" | "setup">;
  /** Never rejects (an error is kept, and the range read again when it is needed). */
  result: Promise<Batch | null | Error>;
};

const ahead = new Map<string, Ahead>();

/** Starts reading `from`..`to` for the indexer `name` (replacing any range read ahead before). */
export function readAhead(opts: IndexerOptions, name: string, from: bigint, to: bigint): void {
  const result = readBatch(opts, name, from, to).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  ahead.set(name, { from, to, opts: { client: opts.client, contracts: opts.contracts, setup: opts.setup }, result });
}

/**
 * The batch of `from`..(at most)`toWanted`: the one read ahead when it still holds, else a fresh read. Null when a
 * log's block hash differs from its block's (a reorg under way), as `readBatch`.
 */
export async function takeBatch(
  opts: IndexerOptions,
  name: string,
  from: bigint,
  toWanted: bigint,
): Promise<Batch | null> {
  const a = ahead.get(name);
  ahead.delete(name);
  const same =
    a !== undefined &&
    a.from === from &&
    a.to <= toWanted &&
    a.opts.client === opts.client &&
    a.opts.contracts === opts.contracts &&
    a.opts.setup === opts.setup;
  if (same) {
    const got = await a.result;
    if (got && !(got instanceof Error)) {
      const now = await opts.client.getBlock({ blockNumber: got.to });
      if (now.hash === got.toBlock.hash) return got;
    }
  }
  return readBatch(opts, name, from, toWanted);
}
