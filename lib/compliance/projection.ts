/**
 * Compliance's part of the indexer (registered in `lib/indexer/projections.ts`): the events it needs recorded (the
 * register's, the roles', the registry's and the enforcement desk's), the register snapshots built from them
 * (`token-states.ts`) and the audit reconciliation the loop runs once caught up (`reconcile.ts`).
 * Plain module: the indexer runs it in the server or in the worker process.
 */
import { getAbiItem } from "viem";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi } from "@/lib/chain/abis";
import { defineProjection, type EventSpec, type IdleTask } from "@/lib/indexer/projection";
import { emitEnforcementNotices } from "@/lib/notifications";
import { DESK_EVENTS, REGISTRY_EVENTS, TOKEN_REGISTER_EVENTS, TOKEN_ROLE_EVENTS } from "./indexed-events";
import { reconcileAgentAudit } from "./reconcile";
import {
  readRegisterSnapshots,
  type RegisterSnapshots,
  rollbackRegisterSnapshots,
  snapshotsThrough,
  writeRegisterSnapshots,
} from "./token-states";

/** Events after which the indexer reads the token's register state at their block (`token-states.ts`). */
const REGISTER_SNAPSHOT_EVENTS: ReadonlySet<string> = new Set<string>(["Transfer", ...TOKEN_REGISTER_EVENTS]);

// The registry emits RoleGranted/RoleRevoked too: the token's are accepted from the factory's tokens only.
const tokenEvent = (name: "Transfer" | (typeof TOKEN_REGISTER_EVENTS)[number] | (typeof TOKEN_ROLE_EVENTS)[number]) =>
  ({ abi: getAbiItem({ abi: artworkShareTokenAbi, name }), from: "token", token: "emitter" }) satisfies EventSpec;

/**
 * The read side of the register the projections record: the register at a block, for the plain processes that need
 * it outside Next (a distribution's holder snapshot, in the server and in the seed). Not behind the index, which
 * also carries the server-only views.
 */
export { readIndexedRegister } from "./register-history";

/**
 * The register snapshots: after each block with a token's Transfer or register event, the token's state read at
 * that block (`token_states`, `token_wallet_states`). Version 1: as the indexer first built them (event set 5).
 */
export const registerSnapshotsProjection = defineProjection<RegisterSnapshots>({
  name: "register-snapshots",
  version: 1,
  events: [tokenEvent("Transfer"), ...TOKEN_REGISTER_EVENTS.map(tokenEvent)],
  prepare: ({ client, contracts }, events) =>
    readRegisterSnapshots({
      client,
      events,
      registerEvents: REGISTER_SNAPSHOT_EVENTS,
      multicall3: contracts.multicall3,
    }),
  // Every snapshot of the batch, also for events already recorded (a rescan after an upgrade fills them).
  async apply(tx, batch) {
    await writeRegisterSnapshots(tx, snapshotsThrough(batch.prepared, batch.through));
    // The investor is told of a freeze or a forced transfer as it happens (not when history is re-read).
    if (batch.kind === "live") await emitEnforcementNotices(tx, batch.events);
  },
  rollback: (tx, ancestor) => rollbackRegisterSnapshots(tx, ancestor),
});

/**
 * Events compliance reads straight from `chain_events` (no table of its own): the token's role history, the
 * registry's, and the enforcement desk's proposals, recorded with `token` = the token they act on.
 */
export const complianceRecordsProjection = defineProjection({
  name: "compliance-records",
  version: 1,
  events: [
    ...TOKEN_ROLE_EVENTS.map(tokenEvent),
    ...REGISTRY_EVENTS.map((name) => ({
      abi: getAbiItem({ abi: identityRegistryAbi, name }),
      from: "identityRegistry" as const,
    })),
    ...DESK_EVENTS.map((name) => ({
      abi: getAbiItem({ abi: enforcementDeskAbi, name }),
      from: "enforcementDesk" as const,
      token: "arg" as const,
    })),
  ],
  apply: async () => {},
  rollback: async () => {},
});

/** Agent transactions on-chain without an audit entry get one (see `reconcile.ts`), once the indexer caught up. */
export const auditReconcileTask: IdleTask = {
  name: "audit-reconcile",
  everyMs: 15_000,
  run: (o) =>
    reconcileAgentAudit({
      db: o.db,
      client: o.client,
      contracts: o.contracts,
      name: o.name,
      ...(o.log ? { log: o.log } : {}),
    }),
};
