import "server-only";

/**
 * Settling a user's confirmed transaction: above both the chain (its receipt, the block floor) and the indexer (the
 * wait until it has recorded the block), so neither of those layers imports the other.
 */
import type { Hex, TransactionReceipt } from "viem";
import { findErrorByName } from "@/lib/chain/errors";
import { noteConfirmedBlock } from "@/lib/chain/freshness";
import { getPublicClient } from "@/lib/chain/server";
import { waitForIndexedBlock } from "./wait";

/**
 * viem's "transaction not found", recognised by name along the cause chain: in the built server the client's
 * viem and this module's `TransactionNotFoundError` class are not always the same copy, so `instanceof` missed it
 * and an unknown hash answered "unavailable" (an error logged) instead of "not found".
 */
const isTransactionNotFound = (error: unknown) => findErrorByName(error, "TransactionNotFoundError") !== null;

export type SettledTx = { status: TransactionReceipt["status"]; blockNumber: bigint; indexed: boolean };

/**
 * After a user's transaction is confirmed: read its receipt here (the browser's word is not taken for it),
 * raise this browser's and this process's block floor to its block, and wait briefly for the indexer, so the
 * next render shows the transaction everywhere. Null when the chain does not know the transaction (answered at
 * once: only a transaction the node has seen is waited for, up to 10 s).
 */
export async function settleConfirmedTx({
  txHash,
  receipt,
}: {
  txHash: Hex;
  receipt?: Pick<TransactionReceipt, "status" | "blockNumber">;
}): Promise<SettledTx | null> {
  let r = receipt;
  if (!r) {
    const client = getPublicClient();
    r = await client.getTransactionReceipt({ hash: txHash }).catch(() => undefined);
    if (!r) {
      // Wait (the wallet's node may be a moment ahead of ours) only for a transaction our node knows, so
      // an unknown or made-up hash cannot hold a request open.
      const known = await client.getTransaction({ hash: txHash }).then(
        () => true,
        (error: unknown) => {
          if (isTransactionNotFound(error)) return false;
          throw error;
        },
      );
      if (!known) return null;
      r = await client.waitForTransactionReceipt({ hash: txHash, timeout: 10_000 }).catch(() => undefined);
    }
  }
  if (!r) return null;
  await noteConfirmedBlock(r.blockNumber);
  const indexed = r.status === "success" ? await waitForIndexedBlock({ blockNumber: r.blockNumber }) : false;
  return { status: r.status, blockNumber: r.blockNumber, indexed };
}
