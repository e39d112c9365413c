/**
 * A signed call to the sale contract, read back from the chain ({@link readContractCallEvents}: the one verifier, then
 * the contract's own events in its receipt). Shared by the open, vote, finalize and redeem records.
 */
import type { Address, ContractEventName } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { type ContractCallArgs, type ContractCallEvents, readContractCallEvents } from "@/lib/chain/contract-call";
import type { TxRefusal } from "@/lib/chain/verify-tx";

export type SaleFunction = "openSale" | "vote" | "finalize" | "redeem" | "sweepDust";

export async function readSaleCall<E extends ContractEventName<typeof artworkSaleAbi>>(
  args: ContractCallArgs<E> & { deployments: Deployments; functions: readonly SaleFunction[] },
): Promise<
  | (ContractCallEvents<typeof artworkSaleAbi, E> & { saleContract: Address })
  | { ok: false; code: "no_sale_contract" | TxRefusal }
> {
  const saleContract = args.deployments.artworkSale;
  if (!saleContract) return { ok: false, code: "no_sale_contract" };
  const read = await readContractCallEvents({ ...args, address: saleContract, abi: artworkSaleAbi });
  return read.ok ? { ...read, saleContract } : read;
}
