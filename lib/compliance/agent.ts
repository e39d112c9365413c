import "server-only";

/**
 * Agent actions are signed by the officer's own wallet; the server never holds a key. After the transaction, the
 * server reads the receipt and the transaction itself, checks that it succeeded, was sent by the signed-in officer
 * to a factory token or the identity registry, and decodes which agent function it called with which arguments.
 * Only that decoded call is written to the audit log (the browser cannot make it say anything else).
 */
import { and, eq } from "drizzle-orm";
import { type Address, decodeFunctionData, getAddress, type Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import { CATEGORY_BY_CODE } from "@/lib/auth/roles";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { auditLog, investors, investorWallets } from "@/lib/db/schema";
import { numericToAlpha2 } from "@/lib/i18n/countries";

export const TOKEN_AGENT_FUNCTIONS = [
  "pause",
  "unpause",
  "setWalletFrozen",
  "freezePartialShares",
  "unfreezePartialShares",
  "forcedTransfer",
  "recoverWallet",
] as const;
export const REGISTRY_AGENT_FUNCTIONS = ["updateInvestor", "linkWallet", "unlinkWallet", "removeInvestor"] as const;
export type AgentFunction = (typeof TOKEN_AGENT_FUNCTIONS)[number] | (typeof REGISTRY_AGENT_FUNCTIONS)[number];

/** Audit action name per agent function. */
export const AUDIT_ACTION: Record<AgentFunction, string> = {
  pause: "token.pause",
  unpause: "token.unpause",
  setWalletFrozen: "token.wallet_freeze",
  freezePartialShares: "token.shares_freeze",
  unfreezePartialShares: "token.shares_unfreeze",
  forcedTransfer: "token.forced_transfer",
  recoverWallet: "token.wallet_recovery",
  updateInvestor: "registry.investor_update",
  linkWallet: "registry.wallet_link",
  unlinkWallet: "registry.wallet_unlink",
  removeInvestor: "registry.investor_remove",
};

export type AgentTxError = "tx_not_found" | "tx_failed" | "tx_wrong_sender" | "tx_not_agent_call" | "already_recorded";

export type DecodedAgentTx = {
  contract: "token" | "registry";
  to: Address;
  functionName: AgentFunction;
  /** Arguments by name, as plain JSON (addresses checksummed lowercase, numbers as strings). */
  args: Record<string, string | boolean>;
  blockNumber: bigint;
};

const plain = (v: unknown): string | boolean =>
  typeof v === "boolean" ? v : typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v) ? v.toLowerCase() : String(v);

export async function decodeAgentTx({ txHash, actor }: { txHash: Hex; actor: Address }): Promise<{ ok: true; tx: DecodedAgentTx } | { ok: false; code: AgentTxError }> {
  const client = getPublicClient();
  let receipt;
  let tx;
  try {
    receipt = await client.waitForTransactionReceipt({ hash: txHash, timeout: 30_000 });
    tx = await client.getTransaction({ hash: txHash });
  } catch {
    return { ok: false, code: "tx_not_found" };
  }
  if (receipt.status !== "success") return { ok: false, code: "tx_failed" };
  if (getAddress(receipt.from) !== getAddress(actor)) return { ok: false, code: "tx_wrong_sender" };
  if (!receipt.to) return { ok: false, code: "tx_not_agent_call" };
  const to = getAddress(receipt.to);
  const d = getDeployments();
  let contract: "token" | "registry";
  if (to === getAddress(d.identityRegistry)) contract = "registry";
  else {
    const isToken = await client.readContract({ address: d.shareTokenFactory, abi: shareTokenFactoryAbi, functionName: "isToken", args: [to] });
    if (!isToken) return { ok: false, code: "tx_not_agent_call" };
    contract = "token";
  }
  const abi = contract === "token" ? artworkShareTokenAbi : identityRegistryAbi;
  const allowed: readonly string[] = contract === "token" ? TOKEN_AGENT_FUNCTIONS : REGISTRY_AGENT_FUNCTIONS;
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi, data: tx.input }) as typeof decoded;
  } catch {
    return { ok: false, code: "tx_not_agent_call" };
  }
  if (!allowed.includes(decoded.functionName)) return { ok: false, code: "tx_not_agent_call" };
  const item = abi.find((x) => x.type === "function" && x.name === decoded.functionName) as { inputs: readonly { name: string }[] } | undefined;
  const args: Record<string, string | boolean> = {};
  (decoded.args ?? []).forEach((v, i) => {
    args[item?.inputs[i]?.name || `arg${i}`] = plain(v);
  });
  return { ok: true, tx: { contract, to, functionName: decoded.functionName as AgentFunction, args, blockNumber: receipt.blockNumber } };
}

/** The off-chain investor a wallet or on-chain id belongs to, for the audit trail of the investor view. */
async function investorFor(db: Database, { wallet, onChainId }: { wallet?: string; onChainId?: string }): Promise<string | null> {
  if (onChainId) {
    const [row] = await db.select({ id: investors.id }).from(investors).where(eq(investors.onChainId, onChainId.toLowerCase())).limit(1);
    if (row) return row.id;
  }
  if (wallet) {
    const [row] = await db.select({ id: investorWallets.investorId }).from(investorWallets).where(eq(investorWallets.address, wallet.toLowerCase())).limit(1);
    if (row) return row.id;
  }
  return null;
}

/** Writes the audit entry of a verified agent transaction (once per transaction). */
export async function recordAgentTx(
  db: Database,
  { tx, txHash, actor, reason, ip }: { tx: DecodedAgentTx; txHash: Hex; actor: Address; reason: string; ip: string | null },
): Promise<{ ok: true; auditId: number } | { ok: false; code: "already_recorded" }> {
  const [existing] = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.txHash, txHash.toLowerCase()), eq(auditLog.actor, actor.toLowerCase()))).limit(1);
  if (existing) return { ok: false, code: "already_recorded" };
  const a = tx.args;
  const wallet = (a.wallet ?? a.from ?? a.lostWallet) as string | undefined;
  const investorId = await investorFor(db, { wallet, onChainId: a.investorId as string | undefined });
  const toInvestor = a.to || a.newWallet ? await investorFor(db, { wallet: (a.to ?? a.newWallet) as string }) : null;
  const subject =
    tx.contract === "registry"
      ? { subjectType: "investor", subjectId: investorId ?? String(a.investorId ?? wallet ?? "") }
      : wallet
        ? { subjectType: "wallet", subjectId: wallet }
        : { subjectType: "token", subjectId: tx.to.toLowerCase() };
  // The off-chain copy follows the registry in the same transaction as the audit entry.
  const row = await db.transaction(async (txn) => {
    const t = txn as unknown as Database;
    if (tx.contract === "registry") await syncRegistryChange(t, tx.functionName, a);
    return writeAudit(t, {
    actor,
    actorRole: "compliance",
    action: tx.functionName === "setWalletFrozen" && a.frozen === false ? "token.wallet_unfreeze" : AUDIT_ACTION[tx.functionName],
    ...subject,
    after: {
      reason,
      contract: tx.contract,
      ...(tx.contract === "token" ? { token: tx.to.toLowerCase() } : { registry: tx.to.toLowerCase() }),
      function: tx.functionName,
      args: a,
      investorId,
      ...(toInvestor && toInvestor !== investorId ? { toInvestorId: toInvestor } : {}),
      blockNumber: tx.blockNumber.toString(),
    },
    txHash: txHash.toLowerCase(),
    ip,
    });
  });
  return { ok: true, auditId: row.id };
}

/**
 * Mirrors a confirmed registry change into the investor records the portal reads (wallets, residence, category,
 * KYC expiry), so the register, alerts and sign-in agree with the chain.
 */
async function syncRegistryChange(db: Database, fn: AgentFunction, a: Record<string, string | boolean>): Promise<void> {
  const byOnChainId = async (id: unknown) => {
    if (typeof id !== "string") return null;
    const [row] = await db.select({ id: investors.id }).from(investors).where(eq(investors.onChainId, id.toLowerCase())).limit(1);
    return row?.id ?? null;
  };
  if (fn === "linkWallet") {
    const investorId = await byOnChainId(a.investorId);
    if (investorId && typeof a.wallet === "string") await db.insert(investorWallets).values({ address: a.wallet.toLowerCase(), investorId }).onConflictDoNothing();
  } else if (fn === "unlinkWallet" && typeof a.wallet === "string") {
    const [gone] = await db.delete(investorWallets).where(eq(investorWallets.address, a.wallet.toLowerCase())).returning();
    if (gone?.isPrimary) {
      // Another wallet of the investor becomes primary, if one remains.
      const [next] = await db.select().from(investorWallets).where(eq(investorWallets.investorId, gone.investorId)).orderBy(investorWallets.linkedAt).limit(1);
      if (next) await db.update(investorWallets).set({ isPrimary: true }).where(eq(investorWallets.address, next.address));
    }
  } else if (fn === "updateInvestor") {
    const investorId = await byOnChainId(a.investorId);
    if (!investorId) return;
    const country = Number(a.country);
    const category = CATEGORY_BY_CODE[Number(a.category)];
    await db
      .update(investors)
      .set({
        residenceNumeric: country,
        residence: numericToAlpha2(country) ?? null,
        ...(category ? { category } : {}),
        kycExpiresAt: new Date(Number(a.kycExpiry) * 1000),
      })
      .where(eq(investors.id, investorId));
  } else if (fn === "removeInvestor") {
    const investorId = await byOnChainId(a.investorId);
    if (investorId) await db.update(investors).set({ kycStatus: "expired", kycExpiresAt: new Date() }).where(eq(investors.id, investorId));
  }
}
