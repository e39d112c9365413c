import "server-only";

import type { Address, PublicClient } from "viem";
import { shareTokenFactoryAbi } from "@/lib/chain/abis";
import { getDeployments } from "@/lib/chain/server";

/** Whether the platform's factory deployed `token`: the only tokens the compliance console reads or acts on. */
export function isShareToken(client: PublicClient, token: Address): Promise<boolean> {
  return client.readContract({
    address: getDeployments().shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "isToken",
    args: [token],
  });
}
