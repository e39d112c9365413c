/**
 * A signed call to the sale contract, read back from the chain ({@link readContractCallEvents}: the one verifier, then
 * the contract's own events in its receipt). Shared by the open, vote, finalize and redeem records.
 */
import type { Address, ContractEventName, Hex, ParseEventLogsReturnType, PublicClient } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { readContractCallEvents } from "@/lib/chain/contract-call";
import type { TxRefusal, VerifiedCall } from "@/lib/chain/verify-tx";

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
  const read = await readContractCallEvents({ ...args, address: saleContract, abi: artworkSaleAbi });
  return read.ok ? { ...read, saleContract } : read;
}
