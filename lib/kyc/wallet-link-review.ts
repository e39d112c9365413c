import "server-only";

/** Compliance's side of a wallet link: the queue, the plan of the registry call, and the decision. */
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { type Address, getAddress, type Hex, zeroAddress, zeroHash } from "viem";
import { type AuditInput, writeAudit } from "@/lib/audit";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { type WalletLinkRequest, walletLinkRequests } from "@/lib/db/schema";
import { getInvestorById, getInvestorsByIds, type Investor, linkWallet } from "@/lib/investors";
import { onChainInvestorOf, verifyOfficerRegistryTx } from "./registry-calls";
import { expireStale, type LinkResult, lower, type OfficerDecision, requestEntry } from "./wallet-link-common";

export type LinkQueueRow = WalletLinkRequest & { investorName: string | null; onChainId: string | null };

/** Each request with its investor's name and on-chain id (requests whose investor is gone are left out). */
async function withInvestors(db: Database, requests: WalletLinkRequest[]): Promise<LinkQueueRow[]> {
  const byId = new Map(
    (await getInvestorsByIds(db, [...new Set(requests.map((r) => r.investorId))])).map((i) => [i.id, i]),
  );
  return requests.flatMap((r) => {
    const investor = byId.get(r.investorId);
    return investor ? [{ ...r, investorName: investor.legalName, onChainId: investor.onChainId }] : [];
  });
}

export async function listLinkRequests(
  db: Database,
  { statuses = ["submitted"] }: { statuses?: WalletLinkRequest["status"][] } = {},
): Promise<LinkQueueRow[]> {
  await expireStale(db, new Date());
  const rows = await db
    .select()
    .from(walletLinkRequests)
    .where(inArray(walletLinkRequests.status, statuses))
    .orderBy(sql`${walletLinkRequests.submittedAt} ASC NULLS LAST`, asc(walletLinkRequests.createdAt))
    .limit(200);
  return withInvestors(db, rows);
}

/** Requests linked or rejected in the last `days` days, newest decision first. */
export async function listRecentLinkDecisions(
  db: Database,
  { days, now = new Date() }: { days: number; now?: Date },
): Promise<LinkQueueRow[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db
    .select()
    .from(walletLinkRequests)
    .where(and(inArray(walletLinkRequests.status, ["linked", "rejected"]), gte(walletLinkRequests.decidedAt, since)))
    .orderBy(desc(walletLinkRequests.decidedAt))
    .limit(200);
  return withInvestors(db, rows);
}

/**
 * `call`: what the officer signs — `linkWallet` (retail), or for a professional or institutional investor
 * `proposeLink` (first officer) then `confirmLink` (another officer).
 */
export type LinkCall = "linkWallet" | "proposeLink" | "confirmLink";
export type LinkPlan = { registry: Address; wallet: Address; investorId: Hex; alreadyLinked: boolean; call: LinkCall };

async function loadSubmitted(
  db: Database,
  id: string,
): Promise<LinkResult<{ request: WalletLinkRequest; investor: Investor }>> {
  const [request] = await db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id)).limit(1);
  const investor = request ? await getInvestorById(db, request.investorId) : null;
  if (!request || !investor) return { ok: false, code: "not_found" };
  const row = { request, investor };
  // Never without the new wallet's own signature, whoever opened the request.
  if (row.request.status !== "submitted" || !row.request.newWallet || !row.request.newSignature)
    return { ok: false, code: "invalid_state" };
  return { ok: true, request: row.request, investor: row.investor };
}

/**
 * What the officer's wallet will sign: `linkWallet(newWallet, investorId)`. A request opened by an officer is
 * registered by another one. The investor's current wallet must still
 * be registered to them and verified; a new wallet already linked to this investor (an interrupted approval) needs
 * no transaction, one linked to anyone else is refused.
 */
export async function planWalletLink(
  db: Database,
  { id, officer, forReceipt = false }: { id: string; officer: string; forReceipt?: boolean },
): Promise<LinkResult<{ plan: LinkPlan }>> {
  const loaded = await loadSubmitted(db, id);
  if (!loaded.ok) return loaded;
  const { request, investor } = loaded;
  // A request an officer opened is registered by another officer: no single officer links a wallet alone.
  if (request.initiatedBy && lower(request.initiatedBy) === lower(officer)) return { ok: false, code: "same_officer" };
  const onChainId = investor.onChainId as Hex | null;
  if (!onChainId) return { ok: false, code: "not_verified" };
  const registry = getDeployments().identityRegistry;
  const client = getPublicClient();
  const [currentId, currentVerified, newId, record, proposal] = await Promise.all([
    onChainInvestorOf(request.currentWallet),
    client.readContract({
      address: registry,
      abi: identityRegistryAbi,
      functionName: "isVerified",
      args: [getAddress(request.currentWallet)],
    }),
    onChainInvestorOf(request.newWallet!),
    client.readContract({ address: registry, abi: identityRegistryAbi, functionName: "investor", args: [onChainId] }),
    client.readContract({
      address: registry,
      abi: identityRegistryAbi,
      functionName: "linkProposalOf",
      args: [onChainId],
    }),
  ]);
  if (lower(currentId) !== lower(onChainId) || !currentVerified) return { ok: false, code: "not_verified" };
  if (newId !== zeroHash && lower(newId) !== lower(onChainId)) return { ok: false, code: "wallet_taken" };
  const wallet = getAddress(request.newWallet!);
  const alreadyLinked = newId !== zeroHash;
  let call: LinkCall = "linkWallet";
  // Professional (2) or institutional (3): the registry takes the link from two officers only.
  if (!alreadyLinked && record[1] > 1) {
    const [proposer, proposed] = proposal;
    if (proposer === zeroAddress) call = "proposeLink";
    else if (lower(proposed) !== lower(wallet)) return { ok: false, code: "other_link_pending" };
    else if (lower(proposer) !== lower(officer)) call = "confirmLink";
    // This officer's own proposal: only its receipt is checked (see {confirmWalletLink}); a second officer confirms.
    else if (forReceipt) call = "proposeLink";
    else return { ok: false, code: "link_proposed_by_you" };
  }
  return { ok: true, plan: { registry, wallet, investorId: onChainId, alreadyLinked, call } };
}

/**
 * After the officer's transaction (or with none, when the registry already holds the link): verifies the receipt
 * (success, sent by this officer, the planned call — `linkWallet` or `confirmLink`, or `proposeLink` — on the
 * registry for exactly this wallet and investor) and the registry's state, then records the link, in one transaction
 * with its audit entry. A proposal (`proposeLink`) is audited and the request stays open for a second officer:
 * the result says `proposed`.
 */
export async function confirmWalletLink(
  db: Database,
  { id, txHash, officer, now = new Date() }: OfficerDecision & { txHash: Hex | null },
): Promise<LinkResult<{ proposed?: boolean }>> {
  const planned = await planWalletLink(db, { id, officer, forReceipt: txHash !== null });
  if (!planned.ok) return planned;
  const { plan } = planned;
  if (txHash) {
    // The plan is read after the transaction: once linked, the call was `linkWallet` or a second officer's
    // `confirmLink`; a proposal still pending is this officer's own `proposeLink`.
    const expected: string[] = plan.alreadyLinked ? ["linkWallet", "confirmLink"] : [plan.call];
    const verified = await verifyOfficerRegistryTx(txHash, officer, expected);
    if (!verified) return { ok: false, code: "tx_failed" };
    if (!verified.ok) {
      const code = verified.code;
      if (code === "tx_wrong_sender") return { ok: false, code };
      return { ok: false, code: code === "tx_wrong_target" || code === "tx_wrong_call" ? "tx_not_link" : "tx_failed" };
    }
    const decoded = verified.call;
    const [wallet, investorId] = decoded.args as readonly [Address?, Hex?];
    if (lower(wallet ?? "") !== lower(plan.wallet) || lower(investorId ?? "") !== lower(plan.investorId))
      return { ok: false, code: "tx_not_link" };
    if (decoded.functionName === "proposeLink") return recordLinkProposal(db, { id, plan, txHash, officer });
  }
  if (lower(await onChainInvestorOf(plan.wallet)) !== lower(plan.investorId))
    return { ok: false, code: "not_linked_on_chain" };
  const { request } = (await loadSubmitted(db, id)) as { ok: true; request: WalletLinkRequest };
  return decideSubmitted(
    db,
    id,
    { status: "linked", decidedAt: now, decidedBy: lower(officer), linkTxHash: txHash },
    requestEntry("compliance", officer, request.investorId, "wallet_link.approve", {
      before: { status: "submitted" },
      after: { status: "linked", requestId: id, wallet: lower(plan.wallet), investorId: plan.investorId },
      txHash: txHash ? lower(txHash) : null,
    }),
    (t) => linkWallet(t, { investorId: request.investorId, address: plan.wallet }),
  );
}

/** The first officer's on-chain proposal of a professional or institutional link, audited; the request stays open. */
async function recordLinkProposal(
  db: Database,
  { id, plan, txHash, officer }: { id: string; plan: LinkPlan; txHash: Hex; officer: string },
): Promise<LinkResult<{ proposed: boolean }>> {
  const [proposer, proposed] = await getPublicClient().readContract({
    address: plan.registry,
    abi: identityRegistryAbi,
    functionName: "linkProposalOf",
    args: [plan.investorId],
  });
  if (lower(proposer) !== lower(officer) || lower(proposed) !== lower(plan.wallet))
    return { ok: false, code: "not_linked_on_chain" };
  const { request } = (await loadSubmitted(db, id)) as { ok: true; request: WalletLinkRequest };
  await writeAudit(
    db,
    requestEntry("compliance", officer, request.investorId, "wallet_link.propose", {
      before: { status: "submitted" },
      after: { status: "proposed", requestId: id, wallet: lower(plan.wallet), investorId: plan.investorId },
      txHash: lower(txHash),
    }),
  );
  return { ok: true, proposed: true };
}

export async function rejectWalletLink(
  db: Database,
  { id, officer, reason, now = new Date() }: OfficerDecision & { reason: string },
): Promise<LinkResult> {
  const loaded = await loadSubmitted(db, id);
  if (!loaded.ok) return loaded;
  return decideSubmitted(
    db,
    id,
    { status: "rejected", decidedAt: now, decidedBy: lower(officer), rejectionReason: reason },
    requestEntry("compliance", officer, loaded.request.investorId, "wallet_link.reject", {
      before: { status: "submitted" },
      after: { status: "rejected", requestId: id, reason },
    }),
  );
}

/**
 * Decides a submitted request once, in one transaction with `also` and the audit entry: a concurrent reject or
 * confirm that got there first leaves nothing to do ("invalid_state").
 */
async function decideSubmitted(
  db: Database,
  id: string,
  set: Partial<WalletLinkRequest>,
  entry: AuditInput,
  also?: (t: Database) => Promise<unknown>,
): Promise<LinkResult> {
  const decided = await db.transaction(async (txn) => {
    const t = txn as unknown as Database;
    const moved = await t
      .update(walletLinkRequests)
      .set(set)
      .where(and(eq(walletLinkRequests.id, id), eq(walletLinkRequests.status, "submitted")))
      .returning({ id: walletLinkRequests.id });
    if (moved.length === 0) return false;
    await also?.(t);
    await writeAudit(t, entry);
    return true;
  });
  return decided ? { ok: true } : { ok: false, code: "invalid_state" };
}
