import "server-only";

/**
 * The Market's accrued fees: the fee of a trade paid out of a bid's escrow stays in the market (`accruedFees()`) until
 * `withdrawFees()` pays the whole amount to the current fee recipient (anyone may call it; it pays only the
 * recipient). The admin sends it from their own wallet; the server verifies the mined transaction and audits it.
 */
import { and, eq } from "drizzle-orm";
import { type Address, getAddress, type Hex, parseEventLogs } from "viem";
import { writeAudit } from "@/lib/audit";
import { marketAbi } from "@/lib/chain/abis";
import { findErrorByName } from "@/lib/chain/errors";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { verifyContractCall } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { lockForTransaction } from "@/lib/db/locks";
import { auditLog } from "@/lib/db/schema";

export type FeesWithdrawError =
  | "no_market"
  | "tx_not_found"
  | "tx_failed"
  | "tx_wrong_sender"
  | "tx_wrong_call"
  | "nothing_paid"
  | "already_recorded";

export type FeesWithdrawn = { recipient: Address; amount: bigint; blockNumber: bigint };

/**
 * After the admin's `withdrawFees`: the transaction must be mined and successful, sent by this admin, a call of
 * `withdrawFees` on this deployment's Market, and carry the Market's `FeesWithdrawn` log (none when nothing had
 * accrued). Its amount and recipient are audited once (`market.fees_withdrawn`).
 */
export async function recordFeesWithdrawal(
  db: Database,
  input: { txHash: Hex; admin: Address },
): Promise<({ ok: true } & FeesWithdrawn) | { ok: false; code: FeesWithdrawError }> {
  const market = getDeployments().market;
  if (!market) return { ok: false, code: "no_market" };
  const client = getPublicClient();
  // A hash the node does not know is refused at once; a node that does not answer is thrown (answered "unavailable").
  const known = await client.getTransaction({ hash: input.txHash }).then(
    () => true,
    (error: unknown) => {
      if (findErrorByName(error, "TransactionNotFoundError")) return false;
      throw error;
    },
  );
  if (!known) return { ok: false, code: "tx_not_found" };
  const verified = await verifyContractCall({
    client,
    txHash: input.txHash,
    sender: input.admin,
    allowed: [{ address: market, abi: marketAbi, functions: ["withdrawFees"] }],
    waitMs: 30_000,
  });
  if (!verified.ok) {
    const code = verified.code;
    if (code === "tx_failed" || code === "tx_wrong_sender") return { ok: false, code };
    return { ok: false, code: code === "tx_not_found" || code === "tx_pending" ? "tx_not_found" : "tx_wrong_call" };
  }
  const { receipt } = verified.call;
  const logs = parseEventLogs({
    abi: marketAbi,
    logs: receipt.logs.filter((l) => getAddress(l.address) === getAddress(market)),
    eventName: "FeesWithdrawn",
  });
  const [paid] = logs;
  if (!paid || logs.length !== 1) return { ok: false, code: "nothing_paid" };
  const recipient = getAddress(paid.args.feeRecipient);
  const amount = paid.args.amount;
  const txHash = input.txHash.toLowerCase();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await lockForTransaction(t, `market.fees_withdrawn:${txHash}`);
    const [already] = await t
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.txHash, txHash), eq(auditLog.action, "market.fees_withdrawn")))
      .limit(1);
    if (already) return { ok: false as const, code: "already_recorded" as const };
    await writeAudit(t, {
      actor: input.admin.toLowerCase(),
      actorRole: "admin",
      action: "market.fees_withdrawn",
      subjectType: "contract",
      subjectId: market.toLowerCase(),
      before: null,
      after: {
        amount: amount.toString(),
        recipient: recipient.toLowerCase(),
        blockNumber: Number(receipt.blockNumber),
      },
      txHash,
    });
    return { ok: true as const, recipient, amount, blockNumber: receipt.blockNumber };
  });
}
