import "server-only";

/** Reads of the identity registry a wallet link needs, and the check of an officer's own transaction to it. */
import { getAddress, type Hex } from "viem";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient } from "@/lib/chain/server";
import { verifyUserTx } from "@/lib/chain/verify-tx";

/** The on-chain investor id a wallet is registered to (zero when none). */
export async function onChainInvestorOf(wallet: string): Promise<Hex> {
  return getPublicClient().readContract({
    address: getDeployments().identityRegistry,
    abi: identityRegistryAbi,
    functionName: "investorOf",
    args: [getAddress(wallet)],
  });
}

/** Whether the registry verifies each wallet now (one batched read). */
export async function readWalletsVerified(wallets: string[]): Promise<Record<string, boolean>> {
  if (wallets.length === 0) return {};
  const registry = getDeployments().identityRegistry;
  const results = await getPublicClient().multicall({
    ...getMulticallOptions(),
    allowFailure: false,
    contracts: wallets.map((w) => ({
      address: registry,
      abi: identityRegistryAbi,
      functionName: "isVerified" as const,
      args: [getAddress(w)] as const,
    })),
  });
  return Object.fromEntries(wallets.map((w, i) => [w.toLowerCase(), results[i] === true]));
}

/**
 * Verifies the officer's own transaction to the identity registry (only `functions`, when given): waits up to 30 s
 * for it, a reverted one reads as failed. Null when it could not be read at all.
 */
export async function verifyOfficerRegistryTx(
  txHash: Hex,
  officer: string,
  functions?: readonly string[],
): Promise<Awaited<ReturnType<typeof verifyUserTx>> | null> {
  try {
    return await verifyUserTx({
      client: getPublicClient(),
      txHash,
      sender: getAddress(officer),
      allowed: [{ address: getDeployments().identityRegistry, abi: identityRegistryAbi, functions }],
      waitMs: 30_000,
      revertedFirst: true,
    });
  } catch {
    return null;
  }
}
