/**
 * A signed call to the distributor, read back from the chain ({@link readDeployedContractCall}: sender, target,
 * function, mined, not reverted) with the distributor's own events of one kind in its receipt: what happened is taken
 * from those, never from the browser. Shared by the create, close, hold and claim records.
 */
import type { ContractEventName } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { type ContractCallArgs, readDeployedContractCall } from "@/lib/chain/contract-call";

/** `no_distributor` when none is deployed on this chain; else the call and its events, or why the call is refused. */
export const readDistributorCall = <E extends ContractEventName<typeof distributorAbi>>(
  args: ContractCallArgs<E> & { deployments: Deployments },
) =>
  readDeployedContractCall(args, {
    address: args.deployments.distributor,
    abi: distributorAbi,
    missing: "no_distributor",
  });
