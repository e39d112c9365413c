/**
 * A signed call to the distributor, read back from the chain ({@link verifyContractCall}: sender, target, function,
 * mined, not reverted) with the distributor's own events of one kind in its receipt: what happened is taken from
 * those, never from the browser. Shared by the create, close, hold and claim records.
 */
import type { Address, ContractEventName } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { type ContractCallArgs, type ContractCallEvents, readContractCallEvents } from "@/lib/chain/contract-call";
import type { TxRefusal } from "@/lib/chain/verify-tx";

type DistributorEvent = ContractEventName<typeof distributorAbi>;

/** `no_distributor` when none is deployed on this chain; else the call and its events, or why the call is refused. */
export async function readDistributorCall<E extends DistributorEvent>(
  args: ContractCallArgs<E> & { deployments: Deployments },
): Promise<
  | (ContractCallEvents<typeof distributorAbi, E> & { distributor: Address })
  | { ok: false; code: "no_distributor" | TxRefusal }
> {
  const distributor = args.deployments.distributor;
  if (!distributor) return { ok: false, code: "no_distributor" };
  const read = await readContractCallEvents({ ...args, address: distributor, abi: distributorAbi });
  return read.ok ? { ...read, distributor } : read;
}
