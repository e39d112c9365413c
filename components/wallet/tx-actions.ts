"use server";

import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { settleConfirmedTx } from "@/lib/sync/settle";
import { getDb } from "@/lib/db";
import { getRequestIp } from "@/lib/http/request-ip";
import { enforceRateLimits, RateLimitedError } from "@/lib/rate-limit";

/*
 * After a wallet transaction is confirmed in the browser, the page asks the server to catch up with it before it
 * refreshes. Reads only public chain data (the receipt) and writes no domain state, so there is nothing to audit:
 * the transaction itself is on-chain, and the action that started it (if any) audits it.
 */

const input = z.object({ txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/) });

export type SettleResult =
  | { ok: true; blockNumber: string; indexed: boolean }
  | { ok: false; code: "invalid_input" | "unauthenticated" | "not_found" | "unavailable" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** Raises the block floor of this browser to the transaction's block and waits briefly for the indexer. */
export async function settleTransactionAction(raw: { txHash: string }): Promise<SettleResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid_input" };
  try {
    const ctx = await requireSession();
    await enforceRateLimits(await getDb(), {
      name: "settle",
      subjects: { ip: await getRequestIp(), address: ctx.address },
    });
    const settled = await settleConfirmedTx({ txHash: parsed.data.txHash as `0x${string}` });
    if (!settled) return { ok: false, code: "not_found" };
    return { ok: true, blockNumber: settled.blockNumber.toString(), indexed: settled.indexed };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, code: "unauthenticated" };
    if (error instanceof RateLimitedError)
      return { ok: false, code: "rate_limited", retryAfterSeconds: error.retryAfterSeconds };
    console.error("[chain] settle failed:", error instanceof Error ? error.message : error);
    return { ok: false, code: "unavailable" };
  }
}
