import "server-only";

/**
 * The settings that live on chain: the Market contract's fee and fee recipient (changed by the admin's own wallet
 * with `setFee`, DEFAULT_ADMIN_ROLE, at most MAX_FEE_BPS) and the payment token (fixed per deployment). The server
 * reads them and, after the admin's transaction, verifies it and audits the change; it signs nothing.
 */
import { type Address, getAddress, type Hex } from "viem";
import { type AuditInput, auditTxOnce, writeAudit } from "@/lib/audit";
import { hKDStablecoinAbi, marketAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { callRefusal, isKnownTx, verifyContractCall } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";

export type MarketFee = {
  market: Address;
  feeRecipient: Address;
  feeBps: number;
  maxFeeBps: number;
  /** Fees taken out of bid escrow, held by the market until `withdrawFees` pays them to the recipient (base units). */
  accruedFees: bigint;
};
export type PaymentTokenView = { address: Address; symbol: string; decimals: number };

/**
 * The Market's fee, recipient, cap and accrued fees now (cached per block) or at `blockNumber` (null when this
 * deployment has no market).
 */
export async function readMarketFee(blockNumber?: bigint): Promise<MarketFee | null> {
  const market = getDeployments().market;
  if (!market) return null;
  const client = getPublicClient();
  const read = async (at: bigint): Promise<MarketFee> => {
    const [[feeRecipient, feeBps], maxFeeBps, accruedFees] = await Promise.all([
      client.readContract({ address: market, abi: marketAbi, functionName: "fee", blockNumber: at }),
      client.readContract({ address: market, abi: marketAbi, functionName: "MAX_FEE_BPS", blockNumber: at }),
      client.readContract({ address: market, abi: marketAbi, functionName: "accruedFees", blockNumber: at }),
    ]);
    return {
      market,
      feeRecipient: getAddress(feeRecipient),
      feeBps: Number(feeBps),
      maxFeeBps: Number(maxFeeBps),
      accruedFees,
    };
  };
  if (blockNumber !== undefined) return read(blockNumber);
  return readAtLatestBlock({ key: `settings:market-fee:${market.toLowerCase()}`, read });
}

/** The payment token of this deployment: address, symbol and decimals from the token itself. */
export async function readPaymentToken(): Promise<PaymentTokenView> {
  const address = getDeployments().paymentToken;
  const client = getPublicClient();
  const [symbol, decimals] = await Promise.all([
    client.readContract({ address, abi: hKDStablecoinAbi, functionName: "symbol" }),
    client.readContract({ address, abi: hKDStablecoinAbi, functionName: "decimals" }),
  ]);
  return { address: getAddress(address), symbol, decimals: Number(decimals) };
}

/** Why the admin's own Market transaction cannot be recorded (shared by the fee change and the fee payout). */
export type AdminMarketCallError = "no_market" | "tx_not_found" | "tx_failed" | "tx_wrong_sender" | "tx_wrong_call";

export type MarketFeeError = AdminMarketCallError | "state_mismatch" | "already_recorded";

/**
 * The one check of an admin's own Market transaction: known to the node (a hash it does not know is refused at once;
 * a node that does not answer is thrown, answered "unavailable"), mined, successful, sent by `admin`, and a call of
 * `fn` on this deployment's Market. Returns the market, the call's arguments and its receipt.
 */
export async function verifyAdminMarketCall({
  txHash,
  admin,
  fn,
}: {
  txHash: Hex;
  admin: Address;
  fn: "setFee" | "withdrawFees";
}) {
  const market = getDeployments().market;
  if (!market) return { ok: false as const, code: "no_market" as AdminMarketCallError };
  const client = getPublicClient();
  if (!(await isKnownTx(client, txHash))) return { ok: false as const, code: "tx_not_found" as AdminMarketCallError };
  const verified = await verifyContractCall({
    client,
    txHash,
    sender: admin,
    allowed: [{ address: market, abi: marketAbi, functions: [fn] }],
    waitMs: 30_000,
  });
  if (!verified.ok)
    return { ok: false as const, code: callRefusal(verified.code, "tx_wrong_call") as AdminMarketCallError };
  return { ok: true as const, market, args: verified.call.args, receipt: verified.call.receipt };
}

/**
 * After the admin's `setFee`: the transaction must be mined, sent by this admin, `setFee` on this deployment's Market
 * with exactly the fee and recipient the admin confirmed, and the Market must hold them at that block. Then the
 * change is audited once (the fee before, read at the block before, and after).
 */
export async function recordMarketFeeChange(
  db: Database,
  input: { feeBps: number; feeRecipient: Address; txHash: Hex; admin: Address },
): Promise<{ ok: true; blockNumber: bigint } | { ok: false; code: MarketFeeError }> {
  const verified = await verifyAdminMarketCall({ txHash: input.txHash, admin: input.admin, fn: "setFee" });
  if (!verified.ok) return verified;
  const { market, args, receipt } = verified;
  const [recipient, bps] = args as [Address, number];
  if (getAddress(recipient) !== getAddress(input.feeRecipient) || Number(bps) !== input.feeBps)
    return { ok: false, code: "tx_wrong_call" };
  const [after, before] = await Promise.all([
    readMarketFee(receipt.blockNumber),
    readMarketFee(receipt.blockNumber - 1n),
  ]);
  if (!after || after.feeBps !== input.feeBps || after.feeRecipient !== getAddress(input.feeRecipient))
    return { ok: false, code: "state_mismatch" };
  return auditMarketCallOnce(
    db,
    {
      lock: "admin.market_fee",
      action: "admin.setting.market_fee",
      admin: input.admin,
      market,
      txHash: input.txHash,
      before: before ? { feeBps: before.feeBps, feeRecipient: before.feeRecipient.toLowerCase() } : null,
      after: {
        feeBps: after.feeBps,
        feeRecipient: after.feeRecipient.toLowerCase(),
        blockNumber: Number(receipt.blockNumber),
      },
    },
    { ok: true as const, blockNumber: receipt.blockNumber },
  );
}

/**
 * Audits the admin's verified call on the Market once (`action`, its contract the subject): a second post-back of the
 * hash, under the lock `<lock>:<hash>`, finds the first one's entry and answers `already_recorded`.
 */
export function auditMarketCallOnce<T>(
  db: Database,
  entry: { lock: string; action: string; admin: Address; market: Address; txHash: Hex } & Pick<
    AuditInput,
    "before" | "after"
  >,
  result: T,
) {
  const txHash = entry.txHash.toLowerCase();
  return auditTxOnce(db, { lock: `${entry.lock}:${txHash}`, txHash, actions: [entry.action] }, async (t) => {
    await writeAudit(t, {
      actor: entry.admin.toLowerCase(),
      actorRole: "admin",
      action: entry.action,
      subjectType: "contract",
      subjectId: entry.market.toLowerCase(),
      before: entry.before,
      after: entry.after,
      txHash,
    });
    return result;
  });
}
