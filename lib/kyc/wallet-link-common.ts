import "server-only";

/** What every step of a wallet link shares: its errors, the two messages, signature recovery, the lazy expiry, and
 * the check that a wallet may be linked at all (see ./wallet-links for the whole flow). */
import type { AuditInput } from "@/lib/audit";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { getAddress, type Hex, recoverMessageAddress, zeroHash } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { walletLinkRequests } from "@/lib/db/schema";
import { getInvestorById, investorIdOfWallet } from "@/lib/investors";
import { onChainInvestorOf } from "./registry-calls";

/** How long the two signatures may take once a request is opened. */
export const LINK_SIGN_TTL_MS = 30 * 60_000;
/** How long the new wallet's holder has to sign a request a compliance officer opened. */
export const INVITE_SIGN_TTL_MS = 7 * 86_400_000;

export type WalletLinkError =
  | "not_verified"
  | "not_found"
  | "not_yours"
  | "already_submitted"
  | "expired"
  | "invalid_state"
  | "bad_signature"
  | "same_wallet"
  | "wallet_taken"
  | "current_not_signed"
  | "tx_failed"
  | "tx_wrong_sender"
  | "tx_not_link"
  | "not_linked_on_chain"
  | "already_linked"
  | "officer_request_open"
  | "not_invited_wallet"
  | "same_officer"
  | "investor_not_found"
  | "request_open"
  | "link_proposed_by_you"
  | "other_link_pending";

export type LinkResult<T = object> = ({ ok: true } & T) | { ok: false; code: WalletLinkError };

export const lower = (a: string) => a.toLowerCase();

/** An investor's own step on one of their requests: which request, the investor, and their signed-in wallet. */
export type InvestorStep = { id: string; investorId: string; wallet: string };
/** A compliance officer's decision on a request (`now` for tests). */
export type OfficerDecision = { id: string; officer: string; now?: Date };

/** The message the investor's current wallet signs. */
export function currentWalletMessage(r: {
  id: string;
  nonce: string;
  currentWallet: string;
  signBefore: Date;
  chainId: number;
  origin: string;
}): string {
  return [
    `${new URL(r.origin).host} asks you to allow another wallet to be linked to your Atelier investor account.`,
    "",
    `Your wallet: ${getAddress(r.currentWallet)}`,
    `Request: ${r.id}`,
    `Nonce: ${r.nonce}`,
    `Chain ID: ${r.chainId}`,
    `Sign before: ${r.signBefore.toISOString()}`,
    "",
    "Signing costs nothing and moves no funds. The new wallet must sign too, and compliance must approve the link.",
  ].join("\n");
}

/** The message the new wallet signs. */
export function newWalletMessage(
  r: { id: string; nonce: string; currentWallet: string; chainId: number; origin: string },
  newWallet: string,
): string {
  return [
    `${new URL(r.origin).host} asks you to link this wallet to an existing Atelier investor account.`,
    "",
    `This wallet: ${getAddress(newWallet)}`,
    `Investor's current wallet: ${getAddress(r.currentWallet)}`,
    `Request: ${r.id}`,
    `Nonce: ${r.nonce}`,
    `Chain ID: ${r.chainId}`,
    "",
    "Signing costs nothing and moves no funds. Once compliance approves, this wallet holds shares as the same investor.",
  ].join("\n");
}

export async function signedBy(message: string, signature: string): Promise<string | null> {
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) return null;
  try {
    return lower(await recoverMessageAddress({ message, signature: signature as Hex }));
  } catch {
    return null;
  }
}

/** The audit entry of a step on an investor's link or unlink request, by their wallet or by an officer. */
export function requestEntry(
  actorRole: "investor" | "compliance",
  actor: string,
  investorId: string,
  action: string,
  change: Pick<AuditInput, "before" | "after" | "txHash">,
): AuditInput {
  return { actor: lower(actor), actorRole, action, subjectType: "investor", subjectId: investorId, ...change };
}

/**
 * A request the investor may withdraw (a link or an unlink, still in one of its `open` states), or why not: none,
 * another investor's, or no longer open.
 */
export function withdrawable<R extends { investorId: string; status: string }>(
  request: R | undefined,
  investorId: string,
  open: readonly R["status"][],
): { ok: true; request: R } | { ok: false; code: "not_found" | "not_yours" | "invalid_state" } {
  if (!request) return { ok: false, code: "not_found" };
  if (request.investorId !== investorId) return { ok: false, code: "not_yours" };
  if (!open.includes(request.status)) return { ok: false, code: "invalid_state" };
  return { ok: true, request };
}

/**
 * The investor withdraws their request (a link or an unlink) while it is in one of its `open` states: `cancel` sets it
 * cancelled, with the `<kind>.cancel` audit entry (`after` adds what identifies it), in one transaction.
 */
export async function withdrawRequest<R extends { investorId: string; status: string }>(
  db: Database,
  { id, investorId, wallet }: InvestorStep,
  {
    row,
    open,
    kind,
    cancel,
    after = () => ({}),
  }: {
    row: R | undefined;
    open: readonly R["status"][];
    kind: "wallet_link" | "wallet_unlink";
    cancel: (t: Database) => Promise<unknown>;
    after?: (request: R) => Record<string, unknown>;
  },
): Promise<{ ok: true } | { ok: false; code: "not_found" | "not_yours" | "invalid_state" }> {
  const loaded = withdrawable(row, investorId, open);
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  await changeAudited(
    db,
    cancel,
    requestEntry("investor", wallet, investorId, `${kind}.cancel`, {
      before: { status: request.status },
      after: { status: "cancelled", requestId: id, ...after(request) },
    }),
  );
  return { ok: true };
}

/** Runs `change` and writes its audit entry, in one database transaction. */
export async function changeAudited(
  db: Database,
  change: (t: Database) => Promise<unknown>,
  entry: AuditInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await change(t);
    await writeAudit(t, entry);
  });
}

/** Marks requests whose signing window has passed as expired (lazily, before reads and writes). */
export async function expireStale(db: Database, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const expired = await t
      .update(walletLinkRequests)
      .set({ status: "expired" })
      .where(and(eq(walletLinkRequests.status, "awaiting_signatures"), lt(walletLinkRequests.signBefore, now)))
      .returning({ id: walletLinkRequests.id, investorId: walletLinkRequests.investorId });
    for (const r of expired) {
      await writeAudit(t, {
        actor: "system",
        actorRole: "system",
        action: "wallet_link.expire",
        subjectType: "investor",
        subjectId: r.investorId,
        before: { status: "awaiting_signatures" },
        after: { status: "expired", requestId: r.id },
      });
    }
  });
}

/**
 * Whether `candidate` may become a wallet of this investor, checked before anyone is asked to sign: not already
 * theirs (portal or registry), not another investor's (portal, registry, or waiting in another investor's
 * request). Read-only.
 */
export async function checkNewWallet(
  db: Database,
  { investorId, candidate, requestId }: { investorId: string; candidate: string; requestId?: string },
): Promise<LinkResult> {
  const wallet = lower(candidate);
  const knownTo = await investorIdOfWallet(db, wallet);
  if (knownTo) return { ok: false, code: knownTo === investorId ? "already_linked" : "wallet_taken" };
  const waiting = await db
    .select({ id: walletLinkRequests.id, investorId: walletLinkRequests.investorId })
    .from(walletLinkRequests)
    .where(
      and(
        eq(walletLinkRequests.newWallet, wallet),
        inArray(walletLinkRequests.status, ["awaiting_signatures", "submitted"]),
      ),
    );
  if (waiting.some((w) => w.id !== requestId && w.investorId !== investorId))
    return { ok: false, code: "wallet_taken" };
  const onChain = await onChainInvestorOf(wallet);
  if (onChain !== zeroHash) {
    const inv = await getInvestorById(db, investorId);
    return {
      ok: false,
      code: inv?.onChainId && lower(inv.onChainId) === lower(onChain) ? "already_linked" : "wallet_taken",
    };
  }
  return { ok: true };
}

/** The investor's open request (awaiting signatures or submitted), and their latest decided one. */
export async function getInvestorLinkRequests(
  db: Database,
  { investorId, now = new Date() }: { investorId: string; now?: Date },
) {
  await expireStale(db, now);
  const rows = await db
    .select()
    .from(walletLinkRequests)
    .where(eq(walletLinkRequests.investorId, investorId))
    .orderBy(desc(walletLinkRequests.createdAt))
    .limit(10);
  return {
    open: rows.find((r) => r.status === "awaiting_signatures" || r.status === "submitted") ?? null,
    recent: rows.filter((r) => r.status !== "awaiting_signatures" && r.status !== "submitted"),
  };
}
