/**
 * The distributor's projection (`distribution_states`): each on-chain distribution's deposit, its claims so far, its
 * hold and its close, rebuilt per distribution from its recorded events (`chain_events`, reorg-safe and idempotent).
 * Registered with the indexer in `lib/indexer/projections.ts`. Plain module: the indexer runs it in the server or in
 * the worker process.
 */
import { and, eq, inArray } from "drizzle-orm";
import { getAbiItem } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { chainEvents, distributionStates } from "@/lib/db/schema";
import { defineProjection, type EventSpec, type IndexedEvent } from "@/lib/indexer/projection";
import { argIn, recordedEvents } from "@/lib/indexer/recorded";
import { DISTRIBUTION_KINDS } from "./tree";

export const DISTRIBUTOR_EVENTS = ["DistributionCreated", "Claimed", "DistributionHeld", "DistributionClosed"] as const;

const distributorEvent = (name: (typeof DISTRIBUTOR_EVENTS)[number]) =>
  ({
    abi: getAbiItem({ abi: distributorAbi, name }),
    from: "distributor",
    ...(name === "DistributionCreated" ? { token: "arg" as const } : {}),
  }) satisfies EventSpec;

type Key = { distributor: string; id: string };

function keysOf(events: readonly IndexedEvent[]): Key[] {
  const seen = new Map<string, Key>();
  for (const e of events) {
    if (!(DISTRIBUTOR_EVENTS as readonly string[]).includes(e.eventName)) continue;
    const id = String(e.args.id);
    seen.set(`${e.contract}:${id}`, { distributor: e.contract, id });
  }
  return [...seen.values()];
}

/** The state of one distribution from its events, in block and log order; null without its DistributionCreated. */
export function stateFromEvents(distributor: string, id: string, events: readonly IndexedEvent[]) {
  const created = events.find((e) => e.eventName === "DistributionCreated");
  if (!created) return null;
  const a = created.args;
  let claimed = 0n;
  let claims = 0;
  let held = false;
  let hold: { reason: string; by: string; at: Date } | null = null;
  let closed: { returned: string; at: Date; tx: string } | null = null;
  for (const e of events) {
    if (e.eventName === "Claimed") {
      claimed += BigInt(String(e.args.amount));
      claims += 1;
    } else if (e.eventName === "DistributionHeld") {
      held = e.args.held === true || e.args.held === "true";
      hold = { reason: String(e.args.reason), by: String(e.args.agent), at: e.blockTime };
    } else if (e.eventName === "DistributionClosed") {
      closed = { returned: String(e.args.returned), at: e.blockTime, tx: e.txHash };
    }
  }
  return {
    distributor,
    onChainId: id,
    token: String(a.token),
    issuer: String(a.issuer),
    kind: DISTRIBUTION_KINDS[Number(a.kind)] ?? "income",
    amount: String(a.amount),
    recordBlock: BigInt(String(a.recordBlock)),
    claimDeadline: new Date(Number(a.claimDeadline) * 1000),
    treeHash: String(a.treeHash).toLowerCase(),
    leafCount: Number(a.leafCount),
    createdBlock: created.blockNumber,
    createdAt: created.blockTime,
    createTxHash: created.txHash,
    claimedAmount: claimed.toString(),
    claimCount: claims,
    status: closed ? "closed" : held ? "held" : "open",
    holdReason: hold?.reason ?? null,
    heldBy: hold?.by ?? null,
    holdChangedAt: hold?.at ?? null,
    returnedAmount: closed?.returned ?? null,
    closedAt: closed?.at ?? null,
    closeTxHash: closed?.tx ?? null,
  } satisfies typeof distributionStates.$inferInsert;
}

/** Recomputes these distributions from `chain_events`; one whose DistributionCreated is gone (a reorg) is deleted. */
export async function refreshDistributions(tx: Database, keys: readonly Key[]): Promise<void> {
  const byDistributor = new Map<string, string[]>();
  for (const k of keys) byDistributor.set(k.distributor, [...(byDistributor.get(k.distributor) ?? []), k.id]);
  for (const [distributor, ids] of byDistributor) {
    const events = await recordedEvents(
      tx,
      eq(chainEvents.contract, distributor),
      inArray(chainEvents.eventName, [...DISTRIBUTOR_EVENTS]),
      argIn("id", ids),
    );
    for (const id of ids) {
      const row = stateFromEvents(
        distributor,
        id,
        events.filter((e) => String(e.args.id) === id),
      );
      if (!row) {
        await tx
          .delete(distributionStates)
          .where(and(eq(distributionStates.distributor, distributor), eq(distributionStates.onChainId, id)));
        continue;
      }
      const set: Partial<typeof row> = { ...row };
      delete set.distributor;
      delete set.onChainId;
      await tx
        .insert(distributionStates)
        .values(row)
        .onConflictDoUpdate({ target: [distributionStates.distributor, distributionStates.onChainId], set });
    }
  }
}

/** Distributions from the distributor's events. Version 1: as first built (event set 7). */
export const distributionsProjection = defineProjection({
  name: "distributions",
  version: 1,
  events: DISTRIBUTOR_EVENTS.map(distributorEvent),
  apply: (tx, batch) => refreshDistributions(tx, keysOf(batch.kind === "rescan" ? batch.inserted : batch.events)),
  rollback: (tx, _ancestor, removed) => refreshDistributions(tx, keysOf(removed)),
});
