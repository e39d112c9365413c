"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { Hex } from "viem";
import { settleTransactionAction } from "./tx-actions";

/**
 * After a confirmed transaction: let the server catch up with its block (and the indexer with its events), then
 * refresh the page's server components, so the new state shows without a manual reload. Never throws: if the
 * server cannot settle, the page still refreshes.
 */
export function useSettleTx(): (hash: Hex) => Promise<void> {
  const router = useRouter();
  return useCallback(
    async (hash: Hex) => {
      try {
        await settleTransactionAction({ txHash: hash });
      } catch {
        // Network hiccup: the refresh below still shows the chain's state as the server sees it.
      }
      router.refresh();
    },
    [router],
  );
}
