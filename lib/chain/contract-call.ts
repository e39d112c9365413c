/**
 * A signed call to one contract, read back from the chain with the one verifier ({@link verifyContractCall}: sender,
 * target, function, mined, not reverted) and that contract's own events of some kinds in its receipt: what happened is
 * taken from those, never from the browser. The distributor's and the sale contract's records use it.
 */
import {
  type Abi,
  type Address,
  type ContractEventName,
  getAddress,
  type Hex,
  parseEventLogs,
  type ParseEventLogsReturnType,
  type PublicClient,
} from "viem";
import { type TxRefusal, type VerifiedCall, verifyContractCall } from "./verify-tx";

/** Which signed call to read: its hash and sender, the functions it may call and the events to take from it. */
export type ContractCallArgs<E extends string> = {
  client: PublicClient;
  txHash: Hex;
  sender: Address;
  functions: readonly string[];
  eventName: E | E[];
  /** How long to wait for the receipt (0: it must be mined already). */
  waitMs?: number;
};

/** A verified call and the contract's events of the kinds asked for in its receipt. */
export type ContractCallEvents<A extends Abi, E extends ContractEventName<A>> = {
  ok: true;
  call: VerifiedCall;
  events: ParseEventLogsReturnType<A, E, true>;
};

export async function readContractCallEvents<const A extends Abi, E extends ContractEventName<A>>(
  args: ContractCallArgs<E> & { address: Address; abi: A },
): Promise<ContractCallEvents<A, E> | { ok: false; code: TxRefusal }> {
  const verified = await verifyContractCall({
    client: args.client,
    txHash: args.txHash,
    sender: args.sender,
    allowed: [{ address: args.address, abi: args.abi, functions: args.functions }],
    waitMs: args.waitMs ?? 0,
  });
  if (!verified.ok) return verified;
  const events = parseEventLogs({
    abi: args.abi,
    logs: verified.call.receipt.logs.filter((l) => getAddress(l.address) === getAddress(args.address)),
    eventName: args.eventName,
  });
  return { ok: true, call: verified.call, events };
}

/**
 * {@link readContractCallEvents} on a platform contract that may not be deployed on this chain: `missing` as the
 * refusal when `address` is unset, else the call and its events with the contract's address (`contract`).
 */
export async function readDeployedContractCall<const A extends Abi, E extends ContractEventName<A>, M extends string>(
  args: ContractCallArgs<E>,
  { address, abi, missing }: { address: Address | undefined; abi: A; missing: M },
): Promise<(ContractCallEvents<A, E> & { contract: Address }) | { ok: false; code: M | TxRefusal }> {
  if (!address) return { ok: false, code: missing };
  const read = await readContractCallEvents({ ...args, address, abi });
  return read.ok ? { ...read, contract: address } : read;
}
