/**
 * A token's events of some names from the indexer's record, a page at a time: the desk's history and the role
 * history read their rows this way. Plain module (no `server-only`): the db tests import its users.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
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
