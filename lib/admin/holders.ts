import "server-only";

/**
 * Who holds which platform role now: the chain decides (hasRole at the latest block, and the desk's own member list),
 * the indexer's record adds when and by whom each holder was granted. Counts per role let the console refuse to take
 * the last agent before any wallet is asked.
 */
import { type Address, getAddress, parseAbi } from "viem";
import { getDeployments, getMulticallOptions, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { enforcementDeskAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { type PlatformContracts, type PlatformRole, ROLE_IDS, roleContract } from "./platform-roles";
import { listIndexedGrants } from "./role-events";

const hasRoleAbi = parseAbi(["function hasRole(bytes32 role, address account) view returns (bool)"]);

export type RoleHolder = {
  role: PlatformRole;
  account: Address;
  /** From the indexer: null when the grant is not recorded yet (or predates the record). */
  grantedAt: Date | null;
  grantedBy: Address | null;
  txHash: string | null;
};

export type RoleHolders = {
  holders: RoleHolder[];
  counts: Record<PlatformRole, number>;
  /** The deployment has an enforcement desk (without one the registry's agents act on tokens). */
  hasDesk: boolean;
  contracts: PlatformContracts;
};

export function platformContracts(): PlatformContracts {
  const d = getDeployments();
  return {
    identityRegistry: d.identityRegistry,
    shareTokenFactory: d.shareTokenFactory,
    enforcementDesk: d.enforcementDesk,
  };
}

const ORDER: Record<PlatformRole, number> = { admin: 0, identityAgent: 1, enforcementAgent: 2, issuer: 3 };

export async function listRoleHolders(db: Database): Promise<RoleHolders> {
  const contracts = platformContracts();
  const client = getPublicClient();
  const grants = await listIndexedGrants(db, contracts);
  const deskAgents = contracts.enforcementDesk
    ? await readAtLatestBlock({
        key: `desk-agents:${contracts.enforcementDesk}`,
        read: (blockNumber) =>
          client.readContract({
            address: contracts.enforcementDesk!,
            abi: enforcementDeskAbi,
            functionName: "agents",
            blockNumber,
          }),
      })
    : [];
  const candidates = new Map<string, { role: PlatformRole; account: Address }>();
  for (const g of grants) candidates.set(`${g.role}:${g.account}`, { role: g.role, account: getAddress(g.account) });
  for (const a of deskAgents)
    candidates.set(`enforcementAgent:${a.toLowerCase()}`, { role: "enforcementAgent", account: getAddress(a) });
  const list = [...candidates.values()].filter((c) => roleContract(c.role, contracts) !== null);
  const held = list.length
    ? await client.multicall({
        contracts: list.map((c) => ({
          address: roleContract(c.role, contracts)!,
          abi: hasRoleAbi,
          functionName: "hasRole" as const,
          args: [ROLE_IDS[c.role], c.account] as const,
        })),
        allowFailure: false,
        ...getMulticallOptions(),
      })
    : [];
  const byKey = new Map(grants.map((g) => [`${g.role}:${g.account}`, g]));
  const holders = list
    .filter((_, i) => held[i] === true)
    .map((c): RoleHolder => {
      const g = byKey.get(`${c.role}:${c.account.toLowerCase()}`);
      return {
        role: c.role,
        account: c.account,
        grantedAt: g?.grantedAt ?? null,
        grantedBy: g ? getAddress(g.grantedBy) : null,
        txHash: g?.txHash ?? null,
      };
    })
    .sort((a, b) => ORDER[a.role] - ORDER[b.role] || (a.grantedAt?.getTime() ?? 0) - (b.grantedAt?.getTime() ?? 0));
  const counts: Record<PlatformRole, number> = { admin: 0, identityAgent: 0, enforcementAgent: 0, issuer: 0 };
  for (const h of holders) counts[h.role] += 1;
  return { holders, counts, hasDesk: Boolean(contracts.enforcementDesk), contracts };
}
