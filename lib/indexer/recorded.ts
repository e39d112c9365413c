/**
 * Reading the indexer's record (`chain_events`): the events that meet some conditions, in chain order, and the
 * condition on a stored argument. Plain module: projections, the portfolio and the consoles read the record this way.
 */
import { and, asc, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { chainEvents } from "@/lib/db/schema";

/** The recorded events that meet every condition (`undefined` ones aside), in chain order: block, then log index. */
export const recordedEvents = (db: Database, ...conditions: (SQL | undefined)[]) =>
  db
    .select()
    .from(chainEvents)
    .where(and(...conditions))
    .orderBy(asc(chainEvents.blockNumber), asc(chainEvents.logIndex));

/**
 * The condition that the stored argument `name` (a word of the event's ABI) is one of `values`, as the record keeps
 * them (decimal strings, lowercase addresses).
 */
export function argIn(name: string, values: readonly string[]): SQL {
  if (!/^\w+$/.test(name)) throw new Error(`not an event argument name: ${name}`);
  return inArray(sql`${chainEvents.args}->>${sql.raw(`'${name}'`)}`, [...values]);
}
