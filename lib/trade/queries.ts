import "server-only";

import type { Address, Hex } from "viem";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";

/** Contract addresses the buy form talks to (from the deployments file). */
export function getTradeContracts(): { primaryOffering: Address; paymentToken: Address; identityRegistry: Address } {
  const d = getDeployments();
  return { primaryOffering: d.primaryOffering, paymentToken: d.paymentToken, identityRegistry: d.identityRegistry };
}

/** Shares investor `investorId` bought in offering `offeringId` across all their wallets (max-ticket accounting). */
export async function getPurchasedShares({
  offeringId,
  investorId,
}: {
  offeringId: bigint;
  investorId: Hex;
}): Promise<bigint> {
  const d = getDeployments();
  return readAtLatestBlock({
    key: `purchasedBy:${offeringId}:${investorId}`,
    read: (blockNumber) =>
      getPublicClient().readContract({
        address: d.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "purchasedBy",
        args: [offeringId, investorId],
        blockNumber,
      }),
  });
}
