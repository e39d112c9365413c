/**
 * Who holds which platform role according to the indexer's record of the platform contracts' RoleGranted /
 * RoleRevoked events (with when and by whom each current holder was granted). Plain module: the db tests import it.
 */
import { inArray, isNull } from "drizzle-orm";
import { decodeArgs } from "@/lib/chain/event-args";
import type { Database } from "@/lib/db/connect";
import { chainEvents } from "@/lib/db/schema";
import { recordedEvents } from "@/lib/indexer/recorded";
import { type PlatformContracts, type PlatformRole, platformRoleOf } from "./platform-roles";

export type IndexedGrant = {
  role: PlatformRole;
  account: string;
  grantedAt: Date;
  grantedBy: string;
  txHash: string;
  blockNumber: bigint;
};

/** The current grants as the record folds them (oldest event first; a revoke removes the grant). */
export async function listIndexedGrants(db: Database, contracts: PlatformContracts): Promise<IndexedGrant[]> {
  const addresses = [contracts.identityRegistry, contracts.shareTokenFactory, contracts.enforcementDesk]
    .filter((a): a is `0x${string}` => Boolean(a))
    .map((a) => a.toLowerCase());
  const events = await recordedEvents(
    db,
    inArray(chainEvents.contract, addresses),
    inArray(chainEvents.eventName, ["RoleGranted", "RoleRevoked"]),
    isNull(chainEvents.token),
  );
  const current = new Map<string, IndexedGrant>();
  for (const e of events) {
    const a = decodeArgs(e.args, { role: "string", account: "lower", sender: "lower" });
    const role = platformRoleOf(e.contract, a.role, contracts);
    if (!role) continue;
    const key = `${role}:${a.account}`;
    if (e.eventName === "RoleRevoked") current.delete(key);
    else
      current.set(key, {
        role,
        account: a.account,
        grantedAt: e.blockTime,
        grantedBy: a.sender,
        txHash: e.txHash,
        blockNumber: e.blockNumber,
      });
  }
  return [...current.values()];
}
