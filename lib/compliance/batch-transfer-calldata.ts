/**
 * The token call that carries a batch forced transfer's rows (`batchForcedTransfer`), encoded for the desk proposal and
 * read back from a proposal's calldata. Apart from batch-transfer.ts (the list parser the register page checks with as
 * the officer types) because it needs the token's ABI and viem's ABI coding, which the browser loads only to send.
 */
import { type Address, decodeFunctionData, encodeFunctionData, getAddress, type Hex } from "viem";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import type { TransferRow } from "./batch-transfer";

/** The token's `batchForcedTransfer` calldata for these rows: what the desk proposal binds. */
export function batchTransferCalldata(rows: readonly { from: Address; to: Address; amount: bigint }[]): Hex {
  return encodeFunctionData({
    abi: artworkShareTokenAbi,
    functionName: "batchForcedTransfer",
    args: [rows.map((r) => r.from), rows.map((r) => r.to), rows.map((r) => r.amount)],
  });
}

/**
 * The rows a proposal's calldata carries (numbered from 1), read from the calldata itself and not from anything the
 * portal remembers; null when it is not a well-formed `batchForcedTransfer`.
 */
export function decodeBatchTransfer(data: Hex): TransferRow[] | null {
  let call: { functionName: string; args?: readonly unknown[] };
  try {
    call = decodeFunctionData({ abi: artworkShareTokenAbi, data }) as typeof call;
  } catch {
    return null;
  }
  if (call.functionName !== "batchForcedTransfer") return null;
  const [from, to, amounts] = call.args as readonly [readonly Address[], readonly Address[], readonly bigint[]];
  if (from.length !== to.length || from.length !== amounts.length) return null;
  return from.map((f, i) => ({ line: i + 1, from: getAddress(f), to: getAddress(to[i]!), amount: amounts[i]! }));
}
