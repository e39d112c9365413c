/**
 * The admin console's part of the indexer (registered in `lib/indexer/projections.ts`): the platform contracts' role
 * grants and revokes (factory issuers, registry agents and admins, desk agents), recorded in `chain_events` with
 * `token` = null and read back by `role-events.ts`. No table of its own.
 *
 * It is also where the person whose wallet gains or loses a role is told (lib/notifications): the indexer sees every
 * change once, whoever made it — the admin console, a script, a call straight to the contract — while the console's
 * action sees only its own. Told for live blocks only (a backfill or rescan re-reads history without telling
 * anyone again), in the transaction that records the event; and the person's role floor is raised there, so a change
 * made outside the console holds at their next request too. Plain module.
 */
import { getAbiItem } from "viem";
import { enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { raiseRoleFloor } from "@/lib/auth/projection";
import { PLATFORM_ROLE_EVENTS } from "@/lib/compliance/client";
import type { Database } from "@/lib/db/connect";
import { defineProjection, type EventSpec, type IndexedEvent } from "@/lib/indexer/projection";
import { emitRoleChanges, type RoleChangeNotice } from "@/lib/notifications";
import { type PlatformContracts, platformRoleOf } from "./platform-roles";

const specs: EventSpec[] = PLATFORM_ROLE_EVENTS.flatMap((name) => [
  { abi: getAbiItem({ abi: identityRegistryAbi, name }), from: "identityRegistry" as const },
  { abi: getAbiItem({ abi: shareTokenFactoryAbi, name }), from: "shareTokenFactory" as const },
  { abi: getAbiItem({ abi: enforcementDeskAbi, name }), from: "enforcementDesk" as const },
]);

/** The platform roles these events grant or revoke (other roles on these contracts, e.g. the factory's admin: none). */
export function roleNotices(events: readonly IndexedEvent[], contracts: PlatformContracts): RoleChangeNotice[] {
  return events.flatMap((e) => {
    if (e.eventName !== "RoleGranted" && e.eventName !== "RoleRevoked") return [];
    const args = e.args as Record<string, unknown>;
    const role = platformRoleOf(e.contract, String(args.role), contracts);
    if (!role) return [];
    const change = e.eventName === "RoleGranted" ? ("granted" as const) : ("revoked" as const);
    return [{ change, role, account: String(args.account), txHash: e.txHash, logIndex: e.logIndex }];
  });
}

/**
 * The person's sessions read their roles at or after the change's block from their next request on, on every
 * instance — for a change made anywhere (the console's own action raises it at once too).
 */
export async function raiseRoleFloors(tx: Database, events: readonly IndexedEvent[], contracts: PlatformContracts) {
  const floors = new Map<string, bigint>();
  for (const notice of roleNotices(events, contracts)) {
    const event = events.find((e) => e.txHash === notice.txHash && e.logIndex === notice.logIndex)!;
    const account = notice.account.toLowerCase();
    if ((floors.get(account) ?? -1n) < event.blockNumber) floors.set(account, event.blockNumber);
  }
  for (const [address, blockNumber] of floors) await raiseRoleFloor(tx, { address, blockNumber });
}

/** Tells the holders of the roles a live batch changed (once per event). */
export async function notifyRoleChanges(
  tx: Database,
  events: readonly IndexedEvent[],
  contracts: PlatformContracts,
): Promise<number> {
  return emitRoleChanges(tx, roleNotices(events, contracts));
}

/**
 * Version 2: tells the person of each role granted or revoked (live blocks only, so the version's backfill tells
 * nobody of past changes).
 */
export const platformRolesProjection = defineProjection<PlatformContracts>({
  name: "platform-roles",
  version: 2,
  events: specs,
  prepare: async ({ contracts }) => ({
    identityRegistry: contracts.identityRegistry,
    shareTokenFactory: contracts.shareTokenFactory,
    enforcementDesk: contracts.enforcementDesk,
  }),
  apply: async (tx, batch) => {
    if (batch.kind !== "live" || batch.events.length === 0) return;
    await raiseRoleFloors(tx, batch.events, batch.prepared);
    await notifyRoleChanges(tx, batch.events, batch.prepared);
  },
  rollback: async () => {},
});
