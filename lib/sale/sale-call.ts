/**
 * A signed call to the sale contract, read back from the chain ({@link readDeployedContractCall}: the one verifier,
 * then the contract's own events in its receipt). Shared by the open, vote, finalize and redeem records.
 */
import type { ContractEventName } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { type ContractCallArgs, readDeployedContractCall } from "@/lib/chain/contract-call";

export type SaleFunction = "openSale" | "vote" | "finalize" | "redeem" | "sweepDust";

/** `no_sale_contract` when none is deployed on this chain; else the call and its events, or why it is refused. */
export const readSaleCall = <E extends ContractEventName<typeof artworkSaleAbi>>(
  args: ContractCallArgs<E> & { deployments: Deployments; functions: readonly SaleFunction[] },
) =>
  readDeployedContractCall(args, {
    address: args.deployments.artworkSale,
    abi: artworkSaleAbi,
    missing: "no_sale_contract",
  });
