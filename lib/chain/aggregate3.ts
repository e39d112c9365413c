/**
 * Multicall3 `aggregate3` written and read by hand: the indexer's register snapshots send hundreds of thousands of
 * one-word reads in a catch-up, and viem's generic encoding of the call list (and decoding of the results) costs more
 * than the node's own work. Every call is sent with `allowFailure: false` (one failing read reverts the whole call, as
 * viem's `multicall({ allowFailure: false })` does). `aggregate3.test.ts` checks both against viem's ABI coder.
 * Plain module.
 */
import { type Address, type Chain, type Client, type Hex, numberToHex, type Transport } from "viem";

export type Call = { target: Address; callData: Hex };
export type CallResult = { success: boolean; returnData: Hex };

/** `aggregate3((address,bool,bytes)[])`. */
const SELECTOR = "0x82ad56cb";

const word = (n: number | bigint) => n.toString(16).padStart(64, "0");
const padRight = (hex: string) => hex.padEnd(Math.ceil(hex.length / 64) * 64, "0");

/** The calldata of `aggregate3(calls)` with every call's `allowFailure` false. */
export function encodeAggregate3(calls: readonly Call[]): Hex {
  const heads: string[] = [];
  const tails: string[] = [];
  // Each element's offset counts from the start of the offsets (after the array's length).
  let offset = calls.length * 32;
  for (const c of calls) {
    const data = c.callData.slice(2).toLowerCase();
    const tail = `${c.target.slice(2).toLowerCase().padStart(64, "0")}${word(0)}${word(0x60)}${word(data.length / 2)}${padRight(data)}`;
    heads.push(word(offset));
    tails.push(tail);
    offset += tail.length / 2;
  }
  return `${SELECTOR}${word(0x20)}${word(calls.length)}${heads.join("")}${tails.join("")}` as Hex;
}

/** Reads `aggregate3`'s `(bool success, bytes returnData)[]`. */
export function decodeAggregate3(data: Hex): CallResult[] {
  const hex = data.slice(2);
  const at = (byte: number) => {
    const w = hex.slice(byte * 2, byte * 2 + 64);
    if (w.length !== 64) throw new Error("aggregate3: result too short");
    return Number.parseInt(w, 16);
  };
  const array = at(0);
  const n = at(array);
  const out: CallResult[] = [];
  for (let i = 0; i < n; i++) {
    const tuple = array + 32 + at(array + 32 + i * 32);
    const success = at(tuple) !== 0;
    const bytes = tuple + at(tuple + 32);
    const length = at(bytes);
    const start = (bytes + 32) * 2;
    if (start + length * 2 > hex.length) throw new Error("aggregate3: result too short");
    out.push({ success, returnData: `0x${hex.slice(start, start + length * 2)}` as Hex });
  }
  return out;
}

/**
 * Runs `calls` through the deployed Multicall3 at `blockNumber`; returns each call's return data. Throws when one
 * fails or returns nothing (no contract at its target then), as viem's `multicall` with `allowFailure: false` does.
 */
export async function aggregate3(
  client: Client<Transport, Chain | undefined>,
  multicall: Address,
  blockNumber: bigint,
  calls: readonly Call[],
): Promise<Hex[]> {
  if (!calls.length) return [];
  const raw = (await client.request({
    method: "eth_call",
    params: [{ to: multicall, data: encodeAggregate3(calls) }, numberToHex(blockNumber)],
  })) as Hex;
  const results = decodeAggregate3(raw);
  if (results.length !== calls.length)
    throw new Error(`aggregate3: ${results.length} results for ${calls.length} calls`);
  return results.map((r, i) => {
    if (!r.success || r.returnData === "0x")
      throw new Error(`aggregate3: call ${i} to ${calls[i]!.target} returned no data at block ${blockNumber}`);
    return r.returnData;
  });
}
