/**
 * The distributor's projection (`distribution_states`): each on-chain distribution's deposit, its claims so far, its
 * hold and its close, rebuilt per distribution from its recorded events (`chain_events`, reorg-safe and idempotent).
 * Registered with the indexer in `lib/indexer/projections.ts`. Plain module: the indexer runs it in the server or in
 * the worker process.
 */
import { getAbiItem } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { distributionStates } from "@/lib/db/schema";
import { definePerIdProjection, type PerIdSpec, refreshPerId } from "@/lib/indexer/per-id";
import type { EventSpec, IndexedEvent } from "@/lib/indexer/projection";
import { DISTRIBUTION_KINDS } from "./tree";

export const DISTRIBUTOR_EVENTS = ["DistributionCreated", "Claimed", "DistributionHeld", "DistributionClosed"] as const;

const distributorEvent = (name: (typeof DISTRIBUTOR_EVENTS)[number]) =>
  ({
    abi: getAbiItem({ abi: distributorAbi, name }),
    from: "distributor",
    ...(name === "DistributionCreated" ? { token: "arg" as const } : {}),
  }) satisfies EventSpec;

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

const spec: PerIdSpec<NonNullable<ReturnType<typeof stateFromEvents>>> = {
  eventNames: DISTRIBUTOR_EVENTS,
  idArg: "id",
  table: distributionStates,
  key: {
    contract: distributionStates.distributor,
    contractField: "distributor",
    id: distributionStates.onChainId,
    idField: "onChainId",
  },
  build: stateFromEvents,
};

/** Recomputes these distributions from `chain_events`; one whose DistributionCreated is gone (a reorg) is deleted. */
export const refreshDistributions = (tx: Database, keys: readonly { distributor: string; id: string }[]) =>
  refreshPerId(
    tx,
    spec,
    keys.map((k) => ({ contract: k.distributor, id: k.id })),
  );

/** Distributions from the distributor's events, one row per on-chain id. Version 1: as first built (event set 7). */
export const distributionsProjection = definePerIdProjection(
  { name: "distributions", version: 1, events: DISTRIBUTOR_EVENTS.map(distributorEvent) },
  spec,
);
