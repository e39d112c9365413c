/**
 * The admin console's part of the indexer (registered in `lib/indexer/projections.ts`): the platform contracts' role
 * grants and revokes (factory issuers, registry agents and admins, desk agents), recorded in `chain_events` with
 * `token` = null and read back by `role-events.ts`. No table of its own. Plain module.
 */
import { getAbiItem } from "viem";
import { enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { PLATFORM_ROLE_EVENTS } from "@/lib/compliance/client";
import { defineProjection, type EventSpec } from "@/lib/indexer/projection";

const specs: EventSpec[] = PLATFORM_ROLE_EVENTS.flatMap((name) => [
  { abi: getAbiItem({ abi: identityRegistryAbi, name }), from: "identityRegistry" as const },
  { abi: getAbiItem({ abi: shareTokenFactoryAbi, name }), from: "shareTokenFactory" as const },
  { abi: getAbiItem({ abi: enforcementDeskAbi, name }), from: "enforcementDesk" as const },
]);

export const platformRolesProjection = defineProjection({
  name: "platform-roles",
  version: 1,
  events: specs,
  apply: async () => {},
  rollback: async () => {},
});
