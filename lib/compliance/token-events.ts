/**
 * A token's events of some names from the indexer's record, a page at a time: the desk's history and the role
 * history read their rows this way. Plain module (no `server-only`): the db tests import its users.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import { type ChainEvent, chainEvents } from "@/lib/db/schema";

/** The token's events of these names, newest first (at most `limit`), and how many there are in all. */
export async function listTokenEvents(
  db: Database,
  token: string,
  eventNames: readonly string[],
  limit: number,
): Promise<{ events: ChainEvent[]; total: number }> {
  const where = and(eq(chainEvents.token, token.toLowerCase()), inArray(chainEvents.eventName, [...eventNames]));
  const [events, [count]] = await Promise.all([
    db
      .select()
      .from(chainEvents)
      .where(where)
      .orderBy(desc(chainEvents.blockNumber), desc(chainEvents.logIndex))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(chainEvents)
      .where(where),
  ]);
  return { events, total: count?.n ?? 0 };
}

/** Where and when a recorded event happened, as the histories show it. */
export type EventPlace = { blockNumber: bigint; at: Date; txHash: Hex; logIndex: number };

export const placeOf = (e: ChainEvent): EventPlace => ({
  blockNumber: e.blockNumber,
  at: e.blockTime,
  txHash: e.txHash as Hex,
  logIndex: e.logIndex,
});

/**
 * A page of a token's history: its events of these names, newest first (at most `limit`, 50 unless told), made rows
 * by `rowsOf`, and how many events there are in all.
 */
export async function tokenHistory<Row>(
  db: Database,
  token: string,
  eventNames: readonly string[],
  { limit = 50 }: { limit?: number },
  rowsOf: (events: ChainEvent[]) => Row[] | Promise<Row[]>,
): Promise<{ rows: Row[]; total: number }> {
  const { events, total } = await listTokenEvents(db, token, eventNames, limit);
  return { rows: await rowsOf(events), total };
}
