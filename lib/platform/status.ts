import "server-only";

import { cache } from "react";
import type { Address } from "viem";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";

/**
 * The platform-wide emergency stop (issue 13 item 3), read from the IdentityRegistry that every token, the market
 * and the offering share. While stopped the chain refuses registry writes, purchases, new offerings and placing or
 * filling orders; cancelling one's own order and withdrawing still work. `null` when the chain cannot be read.
 */
export const getPlatformStopped = cache(async (): Promise<boolean | null> => {
  try {
    return await getPublicClient().readContract({
      address: getDeployments().identityRegistry,
      abi: identityRegistryAbi,
      functionName: "platformStopped",
    });
  } catch (error) {
    console.error("[platform] stop flag read failed:", error instanceof Error ? error.message.split("\n")[0] : error);
    return null;
  }
});

/** What the admin's stop control needs: the registry to call and the current state (null when unreadable). */
export async function getPlatformStopControl(): Promise<{ registry: Address; stopped: boolean | null }> {
  return { registry: getDeployments().identityRegistry, stopped: await getPlatformStopped() };
}
