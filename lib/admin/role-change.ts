import "server-only";

/**
 * Granting and revoking platform roles from the admin console. The admin's own wallet signs `grantRole` /
 * `revokeRole` on the contract that holds the role; the server signs nothing. Before a revoke the portal refuses to
 * take a role from its last holder where the chain would refuse too (the last registry or desk agent), so no wallet is
 * asked for a transaction bound to fail. After the transaction the server verifies it (the shared verifier: mined,
 * sent by this admin, that call on that contract with that role and wallet, the role now held or not), writes the
 * audit entry with the admin's reason, and raises the wallet's role floor so its sessions see the change from their
 * next request on.
 */
import { type Address, getAddress, type Hex, parseAbi } from "viem";
import { auditTxOnce, writeAudit } from "@/lib/audit";
import { raiseRoleFloor } from "@/lib/auth";
import { enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { getPublicClient } from "@/lib/chain/server";
import { type AllowedCall, callRefusal, isKnownTx, verifyUserTx } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { listRoleHolders, platformContracts } from "./holders";
import { type GrantableRole, KEEPS_LAST_HOLDER, platformRoleOf, ROLE_IDS, roleContract } from "./platform-roles";

export type RoleChangeRefusal = "last_holder" | "not_holder" | "already_holder" | "no_desk";

/**
 * Whether the portal lets the admin's wallet be asked for this change: a grant to a wallet that does not hold the role;
 * a revoke from a wallet that holds it, never from the last registry or desk agent (the chain refuses that too).
 */
export async function checkRoleChange(
  db: Database,
  { change, role, account }: { change: "grant" | "revoke"; role: GrantableRole; account: string },
): Promise<{ ok: true } | { ok: false; code: RoleChangeRefusal }> {
  const { holders, counts, contracts } = await listRoleHolders(db);
  if (roleContract(role, contracts) === null) return { ok: false, code: "no_desk" };
  const holds = holders.some((h) => h.role === role && h.account.toLowerCase() === account.toLowerCase());
  if (change === "grant") return holds ? { ok: false, code: "already_holder" } : { ok: true };
  if (!holds) return { ok: false, code: "not_holder" };
  if (KEEPS_LAST_HOLDER.has(role) && counts[role] <= 1) return { ok: false, code: "last_holder" };
  return { ok: true };
}

export type RoleChangeError =
  "tx_not_found" | "tx_failed" | "tx_wrong_sender" | "tx_wrong_call" | "state_mismatch" | "already_recorded";

const hasRoleAbi = parseAbi(["function hasRole(bytes32 role, address account) view returns (bool)"]);
const AUDIT_ACTIONS = { grant: "admin.role_grant", revoke: "admin.role_revoke" } as const;
const ROLE_ACTIONS = Object.values(AUDIT_ACTIONS);

/** After the admin's transaction: verify it and audit the grant or revoke with the reason. */
export async function recordRoleChange(
  db: Database,
  input: {
    change: "grant" | "revoke";
    role: GrantableRole;
    account: Address;
    reason: string;
    txHash: Hex;
    admin: Address;
  },
): Promise<{ ok: true; blockNumber: bigint } | { ok: false; code: RoleChangeError }> {
  const { change, role, reason, txHash, admin } = input;
  const account = getAddress(input.account);
  const contracts = platformContracts();
  const functions = [change === "grant" ? "grantRole" : "revokeRole"];
  const allowed: AllowedCall[] = [
    { address: contracts.identityRegistry, abi: identityRegistryAbi, functions },
    { address: contracts.shareTokenFactory, abi: shareTokenFactoryAbi, functions },
    ...(contracts.enforcementDesk ? [{ address: contracts.enforcementDesk, abi: enforcementDeskAbi, functions }] : []),
  ];
  const client = getPublicClient();
  // Ask the node for the transaction first: a hash it does not know is refused at once, not after 30 s of waiting.
  // A node that does not answer is thrown (answered "unavailable"), never reported as an unknown transaction.
  if (!(await isKnownTx(client, txHash))) return { ok: false, code: "tx_not_found" };
  const verified = await verifyUserTx({ client, txHash, sender: admin, allowed, waitMs: 30_000, revertedFirst: true });
  if (!verified.ok) return { ok: false, code: callRefusal(verified.code, "tx_wrong_call") };
  const { to, args, receipt } = verified.call;
  const [roleId, target] = args as [Hex, Address];
  if (platformRoleOf(to, roleId, contracts) !== role || getAddress(target) !== account)
    return { ok: false, code: "tx_wrong_call" };
  const held = await client.readContract({
    address: to,
    abi: hasRoleAbi,
    functionName: "hasRole",
    args: [ROLE_IDS[role], account],
    blockNumber: receipt.blockNumber,
  });
  if (held !== (change === "grant")) return { ok: false, code: "state_mismatch" };
  // Two post-backs of one hash meet at the transaction's advisory lock, and the second finds the first one's entry.
  const once = {
    lock: `admin.role_change:${txHash.toLowerCase()}`,
    txHash: txHash.toLowerCase(),
    actions: ROLE_ACTIONS,
  };
  return auditTxOnce(db, once, async (t) => {
    await writeAudit(t, {
      actor: admin.toLowerCase(),
      actorRole: "admin",
      action: AUDIT_ACTIONS[change],
      subjectType: "wallet",
      subjectId: account.toLowerCase(),
      before: { role, held: change !== "grant" },
      after: { role, held: change === "grant", contract: to.toLowerCase(), reason },
      txHash: txHash.toLowerCase(),
    });
    await raiseRoleFloor(t, { address: account, blockNumber: receipt.blockNumber });
    return { ok: true, blockNumber: receipt.blockNumber };
  });
}
