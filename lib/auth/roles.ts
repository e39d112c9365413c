import "server-only";

import { cache } from "react";
import { type Address, getAddress, type Hex, keccak256, parseAbi, toHex, zeroHash } from "viem";
import type { Deployments } from "@/lib/chain/deployments";
import {
  getDeployments,
  getLatestBlockNumber,
  getMulticallOptions,
  getPublicClient,
  readAtLatestBlock,
} from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import type { InvestorCategory } from "@/lib/db/schema";
import { readRoleFloor } from "./revocations";

export const DEFAULT_ADMIN_ROLE: Hex = zeroHash;
export const AGENT_ROLE: Hex = keccak256(toHex("AGENT_ROLE"));
export const ISSUER_ROLE: Hex = keccak256(toHex("ISSUER_ROLE"));

/** Minimal ABIs for the role reads; the full generated ABIs live in lib/chain/generated.ts. */
export const accessControlAbi = parseAbi(["function hasRole(bytes32 role, address account) view returns (bool)"]);
export const identityRegistryRolesAbi = parseAbi([
  "function hasRole(bytes32 role, address account) view returns (bool)",
  "function identityOf(address wallet) view returns (bytes32 investorId, uint16 country, uint8 category, uint64 expiry)",
  "function isVerified(address wallet) view returns (bool)",
]);

/** On-chain category codes of the IdentityRegistry (0 = none). */
export const CATEGORY_BY_CODE: Readonly<Record<number, InvestorCategory>> = {
  1: "retail",
  2: "professional",
  3: "institutional",
};
export const CODE_BY_CATEGORY: Readonly<Record<InvestorCategory, number>> = {
  retail: 1,
  professional: 2,
  institutional: 3,
};

export type OnChainIdentity = {
  investorId: Hex;
  /** ISO 3166-1 numeric. */
  country: number;
  category: InvestorCategory | null;
  categoryCode: number;
  /** KYC expiry (unix seconds → Date). */
  expiresAt: Date;
};

export type Roles = {
  admin: boolean;
  /** May open the compliance console: an identity agent, an enforcement agent, or both. */
  compliance: boolean;
  /** The IdentityRegistry's AGENT_ROLE: registers, updates, links and unlinks investors (KYC queue, wallets). */
  identityAgent: boolean;
  /**
   * The EnforcementDesk's AGENT_ROLE: pauses and freezes tokens alone, proposes and executes forced transfers,
   * recoveries and burns with a second agent. On a deployment without a desk the registry's agents act on tokens.
   */
  enforcementAgent: boolean;
  issuer: boolean;
  /** The wallet is registered in the IdentityRegistry (possibly expired). */
  registered: boolean;
  /** IdentityRegistry.isVerified(wallet): registered, unexpired, allowed to hold shares. */
  verified: boolean;
  identity: OnChainIdentity | null;
};

export const NO_ROLES: Roles = Object.freeze({
  admin: false,
  compliance: false,
  identityAgent: false,
  enforcementAgent: false,
  issuer: false,
  registered: false,
  verified: false,
  identity: null,
});

/** The six reads, in one list for one multicall. */
export function buildRoleCalls({
  address,
  deployments,
}: {
  address: Address;
  deployments: Pick<Deployments, "identityRegistry" | "shareTokenFactory"> & { enforcementDesk?: Address | undefined };
}) {
  const registry = {
    address: deployments.identityRegistry,
    abi: identityRegistryRolesAbi,
  } as const;
  return [
    { ...registry, functionName: "hasRole", args: [DEFAULT_ADMIN_ROLE, address] },
    { ...registry, functionName: "hasRole", args: [AGENT_ROLE, address] },
    {
      address: deployments.shareTokenFactory,
      abi: accessControlAbi,
      functionName: "hasRole",
      args: [ISSUER_ROLE, address],
    },
    { ...registry, functionName: "identityOf", args: [address] },
    { ...registry, functionName: "isVerified", args: [address] },
    // The desk's AGENT_ROLE has the same id as the registry's; without a desk the registry's agents act on tokens.
    {
      address: deployments.enforcementDesk ?? deployments.identityRegistry,
      abi: accessControlAbi,
      functionName: "hasRole",
      args: [AGENT_ROLE, address],
    },
  ] as const;
}

export function parseRoleResults([admin, identityAgent, issuer, identity, verified, enforcementAgent]: readonly [
  boolean,
  boolean,
  boolean,
  readonly [Hex, number, number, bigint],
  boolean,
  boolean,
]): Roles {
  const [investorId, country, categoryCode, expiry] = identity;
  const registered = investorId !== zeroHash;
  return {
    admin,
    compliance: identityAgent || enforcementAgent,
    identityAgent,
    enforcementAgent,
    issuer,
    registered,
    verified,
    identity: registered
      ? {
          investorId,
          country,
          category: CATEGORY_BY_CODE[categoryCode] ?? null,
          categoryCode,
          expiresAt: new Date(Number(expiry) * 1000),
        }
      : null,
  };
}

/** The block this wallet's roles must be read at or after (once per request; see `raiseRoleFloor`). */
const roleFloorOf = cache(async (wallet: string) => readRoleFloor(await getDb(), wallet));

/**
 * A wallet's platform roles and investor status, read from the chain in ONE multicall (cached per block). When the
 * admin console granted or revoked one of its roles (`raiseRoleFloor`), a latest block shared from before that change
 * is not used: the roles are read at the chain's head, so the change holds from the person's next request on.
 */
export async function getRoles(address: string): Promise<Roles> {
  const wallet = getAddress(address);
  const deployments = getDeployments();
  const read = async (blockNumber: bigint) => {
    const results = await getPublicClient().multicall({
      contracts: buildRoleCalls({ address: wallet, deployments }),
      allowFailure: false,
      blockNumber,
      ...getMulticallOptions(),
    });
    return parseRoleResults(results);
  };
  const [latest, floor] = await Promise.all([getLatestBlockNumber(), roleFloorOf(wallet)]);
  if (floor !== null && latest < floor) {
    const head = await getPublicClient().getBlockNumber({ cacheTime: 0 });
    return read(head > floor ? head : floor);
  }
  return readAtLatestBlock({ key: `roles:${wallet}`, read });
}
