/**
 * A signed call to the sale contract, read back from the chain with the one verifier ({@link verifyContractCall}:
 * sender, target, function, mined, not reverted) and the contract's own events of one kind in its receipt: what
 * happened is taken from those, never from the browser. Shared by the open, vote, finalize and redeem records.
 */
import {
  type Address,
  type ContractEventName,
  getAddress,
  type Hex,
  parseEventLogs,
  type ParseEventLogsReturnType,
  type PublicClient,
} from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { type TxRefusal, type VerifiedCall, verifyContractCall } from "@/lib/chain/verify-tx";

export type SaleFunction = "openSale" | "vote" | "finalize" | "redeem" | "sweepDust";

export async function readSaleCall<E extends ContractEventName<typeof artworkSaleAbi>>(args: {
  client: PublicClient;
  deployments: Deployments;
  txHash: Hex;
  sender: Address;
  functions: readonly SaleFunction[];
  eventName: E | E[];
  waitMs?: number;
}): Promise<
  | {
      ok: true;
      saleContract: Address;
      call: VerifiedCall;
      events: ParseEventLogsReturnType<typeof artworkSaleAbi, E, true>;
    }
  | { ok: false; code: "no_sale_contract" | TxRefusal }
> {
  const saleContract = args.deployments.artworkSale;
  if (!saleContract) return { ok: false, code: "no_sale_contract" };
  const verified = await verifyContractCall({
    client: args.client,
    txHash: args.txHash,
    sender: args.sender,
    allowed: [{ address: saleContract, abi: artworkSaleAbi, functions: args.functions }],
    waitMs: args.waitMs ?? 0,
  });
  if (!verified.ok) return verified;
  const events = parseEventLogs({
    abi: artworkSaleAbi,
    logs: verified.call.receipt.logs.filter((l) => getAddress(l.address) === getAddress(saleContract)),
    eventName: args.eventName,
  });
  return { ok: true, saleContract, call: verified.call, events };
}
