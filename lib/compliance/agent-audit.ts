/**
 * The audit side of agent actions, shared by the portal's post-back (`recordAgentTx` in agent.ts) and the indexer's
 * reconciliation (reconcile.ts): which calls are agent calls, how a call is decoded, the audit entry it gets, the
 * mirror of registry changes into the investor records, and the per-transaction lock that lets the two paths race
 * without writing a transaction twice.
 *
 * Plain module (no `server-only`): the indexer worker (`scripts/indexer.ts`) runs the reconciliation. It reads and
 * writes the database it is given and holds no key.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type Address, decodeFunctionData, type Hex } from "viem";
import { categoryFromCode } from "@/lib/assets/client";
import type { AuditInput } from "@/lib/audit";
import { artworkShareTokenAbi, identityRegistryAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { auditLog, walletLinkRequests } from "@/lib/db/schema";
import { applyRegistryChange, getInvestorByOnChainId, investorIdOfWallet } from "@/lib/investors";

/** Token functions the console offers (and the post-back accepts). */
export const TOKEN_AGENT_FUNCTIONS = [
  "pause",
  "unpause",
  "setWalletFrozen",
  "freezePartialShares",
  "unfreezePartialShares",
  "forcedTransfer",
  "recoverWallet",
  "batchSetWalletFrozen",
  "batchFreezePartialShares",
  "batchUnfreezePartialShares",
] as const;
/** Registry functions the console offers (and the post-back accepts). */
export const REGISTRY_AGENT_FUNCTIONS = ["updateInvestor", "linkWallet", "unlinkWallet", "removeInvestor"] as const;
export type AgentFunction = (typeof TOKEN_AGENT_FUNCTIONS)[number] | (typeof REGISTRY_AGENT_FUNCTIONS)[number];

/**
 * Every agent-role function (the console's and the rest: burns, batches, registrations), which the reconciliation
 * may find on-chain without an audit entry.
 */
export const TOKEN_AGENT_CALLS = [
  ...TOKEN_AGENT_FUNCTIONS,
  "burn",
  "batchForcedTransfer",
  "batchRecoverWallet",
  "batchBurn",
] as const;
export const REGISTRY_AGENT_CALLS = [
  ...REGISTRY_AGENT_FUNCTIONS,
  "registerInvestor",
  "batchRegisterInvestor",
  "batchUpdateInvestor",
  "batchLinkWallet",
  "batchUnlinkWallet",
  "batchRemoveInvestor",
  // Four eyes on the registry (KYC approvals of professional investors, and category changes to or from them).
  "proposeRegistration",
  "proposeUpdate",
  "confirmProposal",
  "cancelProposal",
] as const;
/**
 * Market calls the console offers (and the post-back accepts): after a wallet recovery, the lost wallet's open orders
 * are cancelled with their bid escrow returned to the recovered wallet. Anyone may send it; an officer who does is
 * audited like an agent action.
 */
export const MARKET_OFFICER_CALLS = ["cancelRecovered"] as const;
export type AgentCall =
  (typeof TOKEN_AGENT_CALLS)[number] | (typeof REGISTRY_AGENT_CALLS)[number] | (typeof MARKET_OFFICER_CALLS)[number];

/** Audit action name per agent function. */
export const AUDIT_ACTION: Record<AgentFunction, string> = {
  pause: "token.pause",
  unpause: "token.unpause",
  setWalletFrozen: "token.wallet_freeze",
  freezePartialShares: "token.shares_freeze",
  unfreezePartialShares: "token.shares_unfreeze",
  forcedTransfer: "token.forced_transfer",
  recoverWallet: "token.wallet_recovery",
  batchSetWalletFrozen: "token.batch_wallet_freeze",
  batchFreezePartialShares: "token.batch_shares_freeze",
  batchUnfreezePartialShares: "token.batch_shares_unfreeze",
  updateInvestor: "registry.investor_update",
  linkWallet: "registry.wallet_link",
  unlinkWallet: "registry.wallet_unlink",
  removeInvestor: "registry.investor_remove",
};
const MORE_ACTIONS: Record<Exclude<AgentCall, AgentFunction>, string> = {
  burn: "token.burn",
  batchForcedTransfer: "token.batch_forced_transfer",
  batchRecoverWallet: "token.batch_wallet_recovery",
  batchBurn: "token.batch_burn",
  registerInvestor: "registry.investor_register",
  batchRegisterInvestor: "registry.batch_investor_register",
  batchUpdateInvestor: "registry.batch_investor_update",
  batchLinkWallet: "registry.batch_wallet_link",
  batchUnlinkWallet: "registry.batch_wallet_unlink",
  batchRemoveInvestor: "registry.batch_investor_remove",
  proposeRegistration: "registry.investor_register_propose",
  proposeUpdate: "registry.investor_update_propose",
  confirmProposal: "registry.investor_change_confirm",
  cancelProposal: "registry.investor_change_cancel",
  cancelRecovered: "market.recovered_orders_cancel",
};

export type DecodedAgentTx = {
  /** "market": `to` is the market, and `args.token` the token whose orders it touched. */
  contract: "token" | "registry" | "market";
  to: Address;
  functionName: AgentCall;
  /** Arguments by name, as plain JSON (addresses lowercase, numbers as strings, arrays comma-separated). */
  args: Record<string, string | boolean>;
  blockNumber: bigint;
  /**
   * Set when the call went through the enforcement desk (two agents move or burn shares): the step the sender took
   * and the proposal; `to`, `functionName` and `args` are then the token call the proposal binds.
   */
  desk?: { address: Address; step: "propose" | "execute" | "cancel"; proposalId: string; proposer: Address };
};

/** Token functions that only the enforcement desk calls, each proposed by one agent and executed by another. */
export const DESK_TOKEN_CALLS = [
  "forcedTransfer",
  "recoverWallet",
  "burn",
  "batchForcedTransfer",
  "batchRecoverWallet",
  "batchBurn",
] as const;

const plainOne = (v: unknown): string | boolean =>
  typeof v === "boolean" ? v : typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v) ? v.toLowerCase() : String(v);
const plain = (v: unknown): string | boolean =>
  Array.isArray(v) ? v.map((x) => String(plainOne(x))).join(",") : plainOne(v);

/** Decodes `input` as one of the `allowed` functions of the token or registry ABI; null when it is not one. */
export function decodeAgentCall({
  contract,
  to,
  input,
  blockNumber,
  allowed,
}: {
  contract: "token" | "registry";
  to: Address;
  input: Hex;
  blockNumber: bigint;
  allowed: readonly string[];
}): DecodedAgentTx | null {
  const abi = contract === "token" ? artworkShareTokenAbi : identityRegistryAbi;
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi, data: input }) as typeof decoded;
  } catch {
    return null;
  }
  if (!allowed.includes(decoded.functionName)) return null;
  const item = abi.find((x) => x.type === "function" && x.name === decoded.functionName) as
    { inputs: readonly { name: string }[] } | undefined;
  const args: Record<string, string | boolean> = {};
  (decoded.args ?? []).forEach((v, i) => {
    args[item?.inputs[i]?.name || `arg${i}`] = plain(v);
  });
  return { contract, to, functionName: decoded.functionName as AgentCall, args, blockNumber };
}

/** The off-chain investor a wallet or on-chain id belongs to, for the audit trail of the investor view. */
export async function investorFor(
  db: Database,
  { wallet, onChainId }: { wallet?: string; onChainId?: string },
): Promise<string | null> {
  if (onChainId) {
    const investor = await getInvestorByOnChainId(db, onChainId);
    if (investor) return investor.id;
  }
  if (wallet) {
    const investorId = await investorIdOfWallet(db, wallet);
    if (investorId) return investorId;
  }
  return null;
}

type BatchAuditRow = {
  wallet: string;
  investorId: string | null;
  to?: string;
  /** The receiver's investor (forced transfers, recoveries), so both sides' trails find the entry. */
  toInvestorId?: string | null;
  amount?: string;
  frozen?: boolean;
};

/**
 * The rows of a batch call (its arrays, decoded comma-separated, zipped by index), each with the investor of its
 * wallet: one audit entry names every holder the transaction touched.
 */
async function batchRows(db: Database, a: Record<string, string | boolean>): Promise<BatchAuditRow[]> {
  const list = (v: string | boolean | undefined) => (typeof v === "string" && v !== "" ? v.split(",") : []);
  const wallets = list(a.wallets ?? a.from ?? a.lostWallets);
  const to = a.wallets === undefined && a.from !== undefined ? list(a.to) : a.newWallets ? list(a.newWallets) : [];
  const amounts = list(a.amounts);
  const frozen = list(a.frozen as string | undefined);
  const rows: BatchAuditRow[] = [];
  for (let i = 0; i < wallets.length; i++) {
    const wallet = wallets[i]!;
    rows.push({
      wallet,
      investorId: await investorFor(db, { wallet }),
      ...(to[i] ? { to: to[i], toInvestorId: await investorFor(db, { wallet: to[i] }) } : {}),
      ...(amounts[i] !== undefined ? { amount: amounts[i] } : {}),
      ...(frozen[i] !== undefined ? { frozen: frozen[i] === "true" } : {}),
    });
  }
  return rows;
}

/** A verified agent transaction to audit: the decoded call, its hash, its sender, the officer's reason. */
export type AgentTxRecord = { tx: DecodedAgentTx; txHash: Hex; actor: Address; reason: string; ip: string | null };

/** The audit entry of a verified agent transaction (actor = its sender); `after` gets `extra` on top. */
export async function agentAuditInput(
  db: Database,
  { tx, txHash, actor, reason, ip, extra }: AgentTxRecord & { extra?: Record<string, unknown> },
): Promise<AuditInput> {
  const a = tx.args;
  // A batch names many wallets: its subject is the contract.
  const batch = tx.functionName.startsWith("batch");
  const wallet = batch ? undefined : ((a.wallet ?? a.from ?? a.lostWallet) as string | undefined);
  const investorId = batch ? null : await investorFor(db, { wallet, onChainId: a.investorId as string | undefined });
  const toInvestor =
    !batch && (a.to || a.newWallet) ? await investorFor(db, { wallet: (a.to ?? a.newWallet) as string }) : null;
  const subject =
    tx.contract === "registry" && !batch
      ? { subjectType: "investor", subjectId: investorId ?? String(a.investorId ?? wallet ?? "") }
      : wallet
        ? { subjectType: "wallet", subjectId: wallet }
        : tx.contract === "token"
          ? { subjectType: "token", subjectId: tx.to.toLowerCase() }
          : { subjectType: "registry", subjectId: tx.to.toLowerCase() };
  const fn = tx.functionName;
  const rows = batch ? await batchRows(db, a) : null;
  const action =
    tx.desk?.step === "propose"
      ? "enforcement.propose"
      : tx.desk?.step === "cancel"
        ? "enforcement.cancel"
        : fn === "setWalletFrozen" && a.frozen === false
          ? "token.wallet_unfreeze"
          : fn === "batchSetWalletFrozen" && rows?.length && rows.every((r) => r.frozen === false)
            ? "token.batch_wallet_unfreeze"
            : fn in AUDIT_ACTION
              ? AUDIT_ACTION[fn as AgentFunction]
              : MORE_ACTIONS[fn as Exclude<AgentCall, AgentFunction>];
  return {
    actor,
    actorRole: "compliance",
    action,
    ...subject,
    after: {
      reason,
      contract: tx.contract,
      ...(tx.contract === "token"
        ? { token: tx.to.toLowerCase() }
        : tx.contract === "market"
          ? { market: tx.to.toLowerCase(), token: a.token }
          : { registry: tx.to.toLowerCase() }),
      function: fn,
      args: a,
      investorId,
      ...(toInvestor && toInvestor !== investorId ? { toInvestorId: toInvestor } : {}),
      // A batch: every row with its investor, so each investor's trail finds the entry (`investorIds`).
      ...(rows
        ? {
            rows,
            investorIds: [
              ...new Set(
                rows.flatMap((r) => [r.investorId, r.toInvestorId ?? null]).filter((x): x is string => x !== null),
              ),
            ],
          }
        : {}),
      blockNumber: tx.blockNumber.toString(),
      ...(tx.desk
        ? {
            desk: tx.desk.address.toLowerCase(),
            step: tx.desk.step,
            proposalId: tx.desk.proposalId,
            proposer: tx.desk.proposer.toLowerCase(),
          }
        : {}),
      ...extra,
    },
    txHash: txHash.toLowerCase(),
    ip,
  };
}

/**
 * Mirrors a confirmed registry change into the investor records the portal reads (wallets, residence, category,
 * KYC expiry), so the register, alerts and sign-in agree with the chain.
 */
export async function syncRegistryChange(
  db: Database,
  fn: AgentCall,
  a: Record<string, string | boolean>,
): Promise<void> {
  if (fn === "linkWallet") {
    // A wallet becomes the investor's in the portal only with its own signature on a link request: a link one agent
    // made on-chain without one is audited (the caller writes the entry) but not mirrored, so it signs in to nothing.
    if (typeof a.investorId !== "string" || typeof a.wallet !== "string") return;
    await applyRegistryChange(db, {
      kind: "linkWallet",
      onChainId: a.investorId,
      wallet: a.wallet,
      signed: (investorId, wallet) =>
        anyRowWhere(
          db,
          walletLinkRequests,
          and(
            eq(walletLinkRequests.investorId, investorId),
            eq(walletLinkRequests.newWallet, wallet),
            isNotNull(walletLinkRequests.newSignature),
            inArray(walletLinkRequests.status, ["submitted", "linked"]),
          ),
        ),
    });
  } else if (fn === "unlinkWallet" && typeof a.wallet === "string") {
    await applyRegistryChange(db, { kind: "unlinkWallet", wallet: a.wallet });
  } else if (fn === "updateInvestor") {
    if (typeof a.investorId !== "string") return;
    await applyRegistryChange(db, {
      kind: "updateInvestor",
      onChainId: a.investorId,
      country: Number(a.country),
      category: categoryFromCode(Number(a.category)) ?? null,
      kycExpiry: Number(a.kycExpiry),
    });
  } else if (fn === "removeInvestor") {
    if (typeof a.investorId !== "string") return;
    await applyRegistryChange(db, { kind: "removeInvestor", onChainId: a.investorId });
  }
}

/** Advisory-lock namespace of agent-transaction audit writes (two-key form: namespace, transaction). */
const AGENT_TX_LOCK_NAMESPACE = 72_410_310;

/**
 * Inside a database transaction: waits for any other writer of this transaction hash's audit entry (the post-back
 * or the reconciliation), then tells whether one is already there (`actor` given: an entry by that actor, as the
 * post-back asks; otherwise any entry with that hash). The lock is held until the caller's transaction ends, so a
 * caller that finds none and writes cannot be overtaken.
 */
export async function lockAgentTxAudit(
  tx: Database,
  { txHash, actor }: { txHash: Hex | string; actor?: string },
): Promise<{ recorded: boolean }> {
  const hash = txHash.toLowerCase();
  const key = Number.parseInt(hash.slice(2, 10), 16) | 0;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${sql.raw(String(AGENT_TX_LOCK_NAMESPACE))}, ${sql.raw(String(key))})`,
  );
  const match = actor
    ? and(sql`lower(${auditLog.txHash}) = ${hash}`, eq(auditLog.actor, actor.toLowerCase()))
    : sql`lower(${auditLog.txHash}) = ${hash}`;
  const [existing] = await tx.select({ id: auditLog.id }).from(auditLog).where(match).limit(1);
  return { recorded: !!existing };
}
