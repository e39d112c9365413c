"use server";

import { z } from "zod";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { defineAction, refuse } from "@/lib/actions";
import { settleConfirmedTx } from "@/lib/sync";
import { getRequestIp } from "@/lib/http/request-ip";
import { enforceRateLimits } from "@/lib/rate-limit";

/*
 * After a wallet transaction is confirmed in the browser, the page asks the server to catch up with it before it
 * refreshes (through the action pipeline, lib/actions: zod → any signed-in session → rate limit → settle). Reads only
 * public chain data (the receipt) and writes no domain state, so there is nothing to audit: the transaction itself is
 * on-chain, and the action that started it (if any) audits it.
 */

/** Raises the block floor of this browser to the transaction's block and waits briefly for the indexer. */
export const settleTransactionAction = defineAction<"not_found">()({
  name: "chain.settle",
  input: z.object({
    txHash: txHashField,
  }),
  auth: "signedIn",
  messages: "settleErrors",
  run: async ({ txHash }, { session, db }) => {
    await enforceRateLimits(db, { name: "settle", subjects: { ip: await getRequestIp(), address: session.address } });
    const settled = await settleConfirmedTx({ txHash });
    if (!settled) refuse("not_found");
    return { blockNumber: settled.blockNumber.toString(), indexed: settled.indexed };
  },
});
