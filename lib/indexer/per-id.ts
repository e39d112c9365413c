/**
 * A projection that keeps one row per on-chain id of a contract (a distribution of the distributor, a sale of the
 * sale contract), rebuilt from all the recorded events of that id (reorg-safe, idempotent): the ids a batch touches
 * are recomputed, a row whose first event is gone is deleted, the others are written over. Plain module.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../db/connect";
import { chainEvents } from "../db/schema";
import { defineProjection, type EventSpec, type IndexedEvent } from "./projection";
import { argIn, recordedEvents } from "./recorded";

/** One on-chain id of one contract (lowercase address, decimal id). */
export type PerIdKey = { contract: string; id: string };

export type PerIdSpec<R extends Record<string, unknown>> = {
  /** The names of the events of one id (each carries the id in `idArg`). */
  eventNames: readonly string[];
  idArg: string;
  table: PgTable;
  /** The row's key: the contract's column and the on-chain id's column, named as in the row. */
  key: { contract: PgColumn; contractField: keyof R & string; id: PgColumn; idField: keyof R & string };
  /** The row from the id's events in block and log order; null when the event that opens it is not among them. */
  build: (contract: string, id: string, events: readonly IndexedEvent[]) => R | null;
};

/** The ids the events touch, once each. */
export function perIdKeys(eventNames: readonly string[], idArg: string, events: readonly IndexedEvent[]): PerIdKey[] {
  const seen = new Map<string, PerIdKey>();
  for (const e of events) {
    if (!eventNames.includes(e.eventName)) continue;
    const id = String(e.args[idArg]);
    seen.set(`${e.contract}:${id}`, { contract: e.contract, id });
  }
  return [...seen.values()];
}

/** Recomputes these ids' rows from `chain_events`; one whose opening event is gone (a reorg) is deleted. */
export async function refreshPerId<R extends Record<string, unknown>>(
  tx: Database,
  spec: PerIdSpec<R>,
  keys: readonly PerIdKey[],
): Promise<void> {
  const { table, key } = spec;
  const byContract = new Map<string, string[]>();
  for (const k of keys) byContract.set(k.contract, [...(byContract.get(k.contract) ?? []), k.id]);
  for (const [contract, ids] of byContract) {
    const events = await recordedEvents(
      tx,
      eq(chainEvents.contract, contract),
      inArray(chainEvents.eventName, [...spec.eventNames]),
      argIn(spec.idArg, ids),
    );
    for (const id of ids) {
      const row = spec.build(
        contract,
        id,
        events.filter((e) => String(e.args[spec.idArg]) === id),
      );
      if (!row) {
        await tx.delete(table).where(and(eq(key.contract, contract), eq(key.id, id)));
        continue;
      }
      const set: Partial<R> = { ...row };
      delete set[key.contractField];
      delete set[key.idField];
      await tx
        .insert(table)
        .values(row)
        .onConflictDoUpdate({ target: [key.contract, key.id], set });
    }
  }
}

/** The projection of such rows, named and versioned as `defineProjection` asks. */
export function definePerIdProjection<R extends Record<string, unknown>>(
  meta: { name: string; version: number; events: EventSpec[] },
  spec: PerIdSpec<R>,
) {
  const refresh = (tx: Database, events: readonly IndexedEvent[]) =>
    refreshPerId(tx, spec, perIdKeys(spec.eventNames, spec.idArg, events));
  return defineProjection({
    ...meta,
    apply: (tx, batch) => refresh(tx, batch.kind === "rescan" ? batch.inserted : batch.events),
    rollback: (tx, _ancestor, removed) => refresh(tx, removed),
  });
}
