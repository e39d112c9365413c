/**
 * The register snapshots' reads through a deployed Multicall3 (`token-states.ts` uses viem's multicall without one):
 * one `aggregate3` per block for every token the block's events touched (split at `batchBytes` of calldata), the
 * calldata written directly (selector + padded address) and the results read by slicing their words. A catch-up
 * reads hundreds of thousands of wallet states: viem's typed encode/decode of each read cost more than the node's
 * work, and one eth_call per token and block multiplied the round trips. The values come out as viem's multicall
 * gives them (the same order: the header's five reads, then four per wallet), so both paths build the same rows.
 * Plain module.
 */
import {
  type AbiFunction,
  type Address,
  type Chain,
  getAbiItem,
  type Hex,
  type PublicClient,
  toFunctionSelector,
  type Transport,
} from "viem";
import { aggregate3, type Call } from "@/lib/chain/aggregate3";
import { artworkShareTokenAbi } from "@/lib/chain/abis";

type Name =
  | "totalSupply"
  | "holderCount"
  | "holderWalletCount"
  | "paused"
  | "rules"
  | "balanceOf"
  | "walletState"
  | "lockLots"
  | "holderInvestorOf";
const selector = (name: Name) => toFunctionSelector(getAbiItem({ abi: artworkShareTokenAbi, name }) as AbiFunction);
const HEADER = (["totalSupply", "holderCount", "holderWalletCount", "paused", "rules"] as const).map(selector);
const WALLET = (["balanceOf", "walletState", "lockLots", "holderInvestorOf"] as const).map(selector);

/** The 32-byte word `i` of a result (hex digits, no 0x). */
const wordAt = (d: Hex, i: number) => {
  const w = d.slice(2 + i * 64, 66 + i * 64);
  if (w.length !== 64) throw new Error(`register snapshot: result ${d.slice(0, 20)}… too short`);
  return w;
};
const uint = (d: Hex, i: number) => BigInt(`0x${wordAt(d, i)}`);
const small = (d: Hex, i: number) => Number.parseInt(wordAt(d, i), 16);
/** A dynamic `uint[]` whose offset is in word `i`. */
const uintArray = (d: Hex, i: number): bigint[] => {
  const at = small(d, i) / 32;
  return Array.from({ length: small(d, at) }, (_, k) => uint(d, at + 1 + k));
};

/** The header's five values, as viem decodes them (`rules` only with the field the snapshot keeps). */
function decodeHeader(r: readonly Hex[]): unknown[] {
  // `rules()` returns a dynamic tuple: its offset, then (allowedCountries offset, eligibleCategories, maxHolders, …).
  const rules = { maxHolders: Number(uint(r[4]!, small(r[4]!, 0) / 32 + 2)) };
  return [uint(r[0]!, 0), uint(r[1]!, 0), uint(r[2]!, 0), uint(r[3]!, 0) !== 0n, rules];
}

/** A wallet's four values, as viem decodes them. */
function decodeWallet(r: readonly Hex[]): unknown[] {
  const state = [uint(r[1]!, 0) !== 0n, uint(r[1]!, 1), uint(r[1]!, 2), uint(r[1]!, 3)] as const;
  const lots = [uintArray(r[2]!, 0), uintArray(r[2]!, 1)] as const;
  return [uint(r[0]!, 0), state, lots, `0x${wordAt(r[3]!, 0).toLowerCase()}`];
}

export type SnapshotGroup = { token: string; blockNumber: bigint; wallets: readonly string[] };

/** Blocks whose reads are in flight at once. */
const PARALLEL = 8;

/**
 * Reads each group's header and wallets at its block through `multicall`; returns, per group (same order), the
 * values in viem's multicall order.
 */
export async function readSnapshotGroupsAggregate3({
  client,
  multicall,
  groups,
  batchBytes,
}: {
  client: PublicClient<Transport, Chain | undefined>;
  multicall: Address;
  groups: readonly SnapshotGroup[];
  batchBytes: number;
}): Promise<unknown[][]> {
  // One list of calls per block (every token touched in it), cut at `batchBytes` of calldata.
  const byBlock = new Map<bigint, number[]>();
  for (const [i, g] of groups.entries()) {
    const list = byBlock.get(g.blockNumber);
    if (list) list.push(i);
    else byBlock.set(g.blockNumber, [i]);
  }
  type Job = { blockNumber: bigint; calls: Call[] };
  const jobs: Job[] = [];
  for (const [blockNumber, members] of byBlock) {
    let job: Job = { blockNumber, calls: [] };
    let bytes = 0;
    const push = (call: Call) => {
      const size = (call.callData.length - 2) / 2;
      if (job.calls.length && bytes + size > batchBytes) {
        jobs.push(job);
        job = { blockNumber, calls: [] };
        bytes = 0;
      }
      job.calls.push(call);
      bytes += size;
    };
    for (const i of members) {
      const { token, wallets } = groups[i]!;
      const target = token as Address;
      for (const s of HEADER) push({ target, callData: s });
      for (const w of wallets) {
        const arg = w.slice(2).toLowerCase().padStart(64, "0");
        for (const s of WALLET) push({ target, callData: `${s}${arg}` as Hex });
      }
    }
    jobs.push(job);
  }
  // The raw results, in the order of the calls (block by block, group by group).
  const results = new Map<bigint, Hex[]>();
  for (let i = 0; i < jobs.length; i += PARALLEL) {
    const slice = jobs.slice(i, i + PARALLEL);
    const got = await Promise.all(slice.map((j) => aggregate3(client, multicall, j.blockNumber, j.calls)));
    slice.forEach((j, k) => {
      const list = results.get(j.blockNumber);
      if (list) list.push(...got[k]!);
      else results.set(j.blockNumber, got[k]!);
    });
  }
  const out: unknown[][] = new Array<unknown[]>(groups.length);
  for (const [blockNumber, members] of byBlock) {
    const raw = results.get(blockNumber)!;
    let at = 0;
    for (const i of members) {
      const values = decodeHeader(raw.slice(at, at + HEADER.length));
      at += HEADER.length;
      for (let w = 0; w < groups[i]!.wallets.length; w++, at += WALLET.length)
        values.push(...decodeWallet(raw.slice(at, at + WALLET.length)));
      out[i] = values;
    }
  }
  return out;
}
