/**
 * What a token's on-chain document registry says about some documents: the anchored SHA-256 (zero when
 * absent) and the transaction that last set it. Plain module taking a client, so it is tested on anvil.
 */
import type { Address, Hex, PublicClient } from "viem";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import { documentNameToBytes32Plain } from "./names";

export type Anchor = { hash: Hex; anchoredAt: bigint; txHash: Hex | null };
/** Reads, for each document name, what `token`'s registry holds (in the same order). */
export type ReadAnchors = (token: Address, names: string[]) => Promise<Anchor[]>;

/** `transactions: false` skips the event scan (no `txHash`): one batched read instead of a read and a log query. */
export function chainAnchorReader({
  client,
  fromBlock,
  transactions = true,
}: {
  client: PublicClient;
  fromBlock?: bigint;
  transactions?: boolean;
}): ReadAnchors {
  return async (token, names) => {
    if (names.length === 0) return [];
    const keys = names.map(documentNameToBytes32Plain);
    const [docs, logs] = await Promise.all([
      Promise.all(
        keys.map((key) =>
          client.readContract({ address: token, abi: artworkShareTokenAbi, functionName: "getDocument", args: [key] }),
        ),
      ),
      transactions
        ? client.getContractEvents({
            address: token,
            abi: artworkShareTokenAbi,
            eventName: "DocumentUpdated",
            args: { name: keys },
            fromBlock: fromBlock ?? 0n,
            toBlock: "latest",
          })
        : Promise.resolve([]),
    ]);
    return keys.map((key, i) => {
      const [, hash, timestamp] = docs[i]!;
      // Logs come oldest first: the last one for a name set its current value.
      const last = logs
        .filter(
          (l) =>
            l.args.name?.toLowerCase() === key.toLowerCase() &&
            l.args.documentHash?.toLowerCase() === hash.toLowerCase(),
        )
        .at(-1);
      return { hash, anchoredAt: timestamp, txHash: last?.transactionHash ?? null };
    });
  };
}
