import "server-only";

/**
 * The Market's accrued fees: the fee of a trade paid out of a bid's escrow stays in the market (`accruedFees()`) until
 * `withdrawFees()` pays the whole amount to the current fee recipient (anyone may call it; it pays only the
 * recipient). The admin sends it from their own wallet; the server verifies the mined transaction and audits it.
 */
import { type Address, getAddress, type Hex, parseEventLogs } from "viem";
import { marketAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { type AdminMarketCallError, auditMarketCallOnce, verifyAdminMarketCall } from "@/lib/settings/chain";

export type FeesWithdrawError = AdminMarketCallError | "nothing_paid" | "already_recorded";

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
  const verified = await verifyAdminMarketCall({ txHash: input.txHash, admin: input.admin, fn: "withdrawFees" });
  if (!verified.ok) return verified;
  const { market, receipt } = verified;
  const logs = parseEventLogs({
    abi: marketAbi,
    logs: receipt.logs.filter((l) => getAddress(l.address) === getAddress(market)),
    eventName: "FeesWithdrawn",
  });
  const [paid] = logs;
  if (!paid || logs.length !== 1) return { ok: false, code: "nothing_paid" };
  const recipient = getAddress(paid.args.feeRecipient);
  const amount = paid.args.amount;
  return auditMarketCallOnce(
    db,
    {
      lock: "market.fees_withdrawn",
      action: "market.fees_withdrawn",
      admin: input.admin,
      market,
      txHash: input.txHash,
      before: null,
      after: {
        amount: amount.toString(),
        recipient: recipient.toLowerCase(),
        blockNumber: Number(receipt.blockNumber),
      },
    },
    { ok: true as const, recipient, amount, blockNumber: receipt.blockNumber },
  );
}
