/**
 * A signed call to the distributor, read back from the chain ({@link verifyContractCall}: sender, target, function,
 * mined, not reverted) with the distributor's own events of one kind in its receipt: what happened is taken from
 * those, never from the browser. Shared by the create, close, hold and claim records.
 */
import type { Address, ContractEventName, Hex, ParseEventLogsReturnType, PublicClient } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { readContractCallEvents } from "@/lib/chain/contract-call";
import type { TxRefusal, VerifiedCall } from "@/lib/chain/verify-tx";

type DistributorEvent = ContractEventName<typeof distributorAbi>;

/** `no_distributor` when none is deployed on this chain; else the call and its events, or why the call is refused. */
export async function readDistributorCall<E extends DistributorEvent>({
  client,
  deployments,
  txHash,
  sender,
  functions,
  eventName,
  waitMs = 0,
}: {
  client: PublicClient;
  deployments: Deployments;
  txHash: Hex;
  sender: Address;
  functions: readonly string[];
  eventName: E;
  waitMs?: number;
}): Promise<
  | {
      ok: true;
      distributor: Address;
      call: VerifiedCall;
      events: ParseEventLogsReturnType<typeof distributorAbi, E, true>;
    }
  | { ok: false; code: "no_distributor" | TxRefusal }
> {
  const distributor = deployments.distributor;
  if (!distributor) return { ok: false, code: "no_distributor" };
  const read = await readContractCallEvents({
    client,
    txHash,
    sender,
    address: distributor,
    abi: distributorAbi,
    functions,
    eventName,
    waitMs,
  });
  return read.ok ? { ...read, distributor } : read;
}
