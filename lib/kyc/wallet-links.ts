import "server-only";

/**
 * Linking a second wallet to a verified investor (issue 5 §4).
 *
 * 1. The investor, signed in with a wallet already linked to them, opens a request.
 * 2. That wallet signs a message naming the request (consent of the account holder).
 * 3. The new wallet signs a message naming itself, the current wallet and the request (proof of control).
 * 4. A compliance officer registers the link on-chain (`IdentityRegistry.linkWallet`) from their own wallet; the
 *    server verifies the receipt and the registry before the link exists off-chain too. A new wallet of a
 *    professional or institutional investor gets that status, so there it takes two officers, as registering does:
 *    the first proposes the link (`proposeLink`), another confirms it on-chain (`confirmLink`).
 *
 * Signatures are recovered locally (EIP-191 personal_sign, plain EOAs). Every step is audited, in the same database
 * transaction as the change it records.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { inLockedTransaction } from "@/lib/db/locks";
import { type WalletLinkRequest, walletLinkRequests } from "@/lib/db/schema";
import type { Investor } from "@/lib/investors";
import {
  changeAudited,
  checkNewWallet,
  expireStale,
  getInvestorLinkRequests,
  currentWalletMessage,
  LINK_SIGN_TTL_MS,
  type LinkResult,
  lower,
  withdrawRequest,
  type InvestorStep,
  newWalletMessage,
  signedBy,
  requestEntry,
} from "./wallet-link-common";

export { readWalletsVerified } from "./registry-calls";
export {
  checkNewWallet,
  currentWalletMessage,
  getInvestorLinkRequests,
  INVITE_SIGN_TTL_MS,
  LINK_SIGN_TTL_MS,
  type LinkResult,
  newWalletMessage,
  type WalletLinkError,
} from "./wallet-link-common";
export { getInvitationFor, officerStartLinkRequest, signInvitedLink } from "./wallet-link-invites";
export {
  confirmWalletLink,
  type LinkCall,
  type LinkPlan,
  type LinkQueueRow,
  listLinkRequests,
  listRecentLinkDecisions,
  planWalletLink,
  rejectWalletLink,
} from "./wallet-link-review";

/** Opens a request (or returns the investor's open one, to resume). The caller checked the wallet is verified. */
export async function startLinkRequest(
  db: Database,
  {
    investor,
    wallet,
    chainId,
    origin,
    now = new Date(),
  }: { investor: Investor; wallet: string; chainId: number; origin: string; now?: Date },
): Promise<LinkResult<{ request: WalletLinkRequest }>> {
  await expireStale(db, now);
  // Started twice at once (a double click, two tabs): the second waits for the first and is answered with its request.
  return inLockedTransaction(db, `wallet_link.start:${investor.id}`, async (t) => {
    const { open } = await getInvestorLinkRequests(t, { investorId: investor.id, now });
    if (open?.status === "submitted") return { ok: false, code: "already_submitted" };
    if (open?.initiatedBy) return { ok: false, code: "officer_request_open" };
    if (open && lower(open.currentWallet) === lower(wallet)) return { ok: true, request: open };
    if (open) {
      // Opened from another of the investor's wallets: that one is replaced.
      await t.update(walletLinkRequests).set({ status: "cancelled" }).where(eq(walletLinkRequests.id, open.id));
      await writeAudit(
        t,
        requestEntry("investor", wallet, investor.id, "wallet_link.cancel", {
          before: { status: open.status },
          after: { status: "cancelled", requestId: open.id, replacedFrom: lower(wallet) },
        }),
      );
    }
    const id = crypto.randomUUID();
    const nonce = randomBytes(12).toString("hex");
    const signBefore = new Date(now.getTime() + LINK_SIGN_TTL_MS);
    const currentWallet = lower(wallet);
    const [request] = await t
      .insert(walletLinkRequests)
      .values({
        id,
        investorId: investor.id,
        currentWallet,
        nonce,
        signBefore,
        currentMessage: currentWalletMessage({ id, nonce, currentWallet, signBefore, chainId, origin }),
      })
      .returning();
    await writeAudit(t, {
      actor: currentWallet,
      actorRole: "investor",
      action: "wallet_link.start",
      subjectType: "investor",
      subjectId: investor.id,
      after: { requestId: id, currentWallet },
    });
    return { ok: true as const, request: request! };
  });
}

async function loadOwn(
  db: Database,
  { id, investorId, wallet, now }: InvestorStep & { now: Date },
): Promise<LinkResult<{ request: WalletLinkRequest }>> {
  await expireStale(db, now);
  const [request] = await db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id)).limit(1);
  if (!request) return { ok: false, code: "not_found" };
  if (request.investorId !== investorId || lower(request.currentWallet) !== lower(wallet))
    return { ok: false, code: "not_yours" };
  if (request.initiatedBy) return { ok: false, code: "officer_request_open" };
  if (request.status === "expired") return { ok: false, code: "expired" };
  if (request.status !== "awaiting_signatures") return { ok: false, code: "invalid_state" };
  return { ok: true, request };
}

/** Step 2: the current wallet's signature over its message. */
export async function signLinkAsCurrent(
  db: Database,
  { id, investorId, wallet, signature, now = new Date() }: InvestorStep & { signature: string; now?: Date },
): Promise<LinkResult> {
  const loaded = await loadOwn(db, { id, investorId, wallet, now });
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  if ((await signedBy(request.currentMessage, signature)) !== lower(request.currentWallet))
    return { ok: false, code: "bad_signature" };
  await changeAudited(
    db,
    (t) => t.update(walletLinkRequests).set({ currentSignature: signature }).where(eq(walletLinkRequests.id, id)),
    requestEntry("investor", wallet, investorId, "wallet_link.sign_current", {
      after: { requestId: id, message: request.currentMessage, signature },
    }),
  );
  return { ok: true };
}

function messageForNewWallet(
  request: WalletLinkRequest,
  { newWallet, chainId, origin }: { newWallet: string; chainId: number; origin: string },
): string {
  return newWalletMessage(
    { id: request.id, nonce: request.nonce, currentWallet: request.currentWallet, chainId, origin },
    newWallet,
  );
}

/** The message the new wallet must sign for this request (built by the server, never by the browser). */
export async function getNewWalletMessage(
  db: Database,
  {
    id,
    investorId,
    wallet,
    newWallet,
    chainId,
    origin,
    now = new Date(),
  }: InvestorStep & { newWallet: string; chainId: number; origin: string; now?: Date },
): Promise<LinkResult<{ message: string }>> {
  const loaded = await loadOwn(db, { id, investorId, wallet, now });
  if (!loaded.ok) return loaded;
  if (!loaded.request.currentSignature) return { ok: false, code: "current_not_signed" };
  if (lower(newWallet) === lower(loaded.request.currentWallet)) return { ok: false, code: "same_wallet" };
  // Check first, then ask: a wallet that cannot be linked is refused before it is asked to sign anything.
  const usable = await checkNewWallet(db, { investorId, candidate: newWallet, requestId: id });
  if (!usable.ok) return usable;
  return { ok: true, message: messageForNewWallet(loaded.request, { newWallet, chainId, origin }) };
}

/** Step 3: the new wallet's signature; the request then waits for compliance. */
export async function signLinkAsNew(
  db: Database,
  {
    id,
    investorId,
    wallet,
    newWallet,
    signature,
    chainId,
    origin,
    now = new Date(),
  }: {
    id: string;
    investorId: string;
    wallet: string;
    newWallet: string;
    signature: string;
    chainId: number;
    origin: string;
    now?: Date;
  },
): Promise<LinkResult> {
  const loaded = await loadOwn(db, { id, investorId, wallet, now });
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  if (!request.currentSignature) return { ok: false, code: "current_not_signed" };
  const candidate = lower(newWallet);
  if (candidate === lower(request.currentWallet)) return { ok: false, code: "same_wallet" };
  const message = messageForNewWallet(request, { newWallet: candidate, chainId, origin });
  const usable = await checkNewWallet(db, { investorId, candidate, requestId: id });
  if (!usable.ok) return usable;
  if ((await signedBy(message, signature)) !== candidate) return { ok: false, code: "bad_signature" };
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      await t
        .update(walletLinkRequests)
        .set({
          newWallet: candidate,
          newMessage: message,
          newSignature: signature,
          status: "submitted",
          submittedAt: now,
        })
        .where(and(eq(walletLinkRequests.id, id), eq(walletLinkRequests.status, "awaiting_signatures")));
      await writeAudit(
        t,
        requestEntry("investor", wallet, investorId, "wallet_link.submit", {
          before: { status: "awaiting_signatures" },
          after: { status: "submitted", requestId: id, newWallet: candidate, message, signature },
        }),
      );
    });
  } catch (error) {
    // The partial unique index: this wallet is already waiting in another investor's request.
    if (
      /wallet_link_requests_new_wallet_open_idx|duplicate key/i.test(
        String((error as { cause?: unknown }).cause ?? error),
      )
    )
      return { ok: false, code: "wallet_taken" };
    throw error;
  }
  return { ok: true };
}

/** The investor withdraws an open request. */
export async function cancelLinkRequest(db: Database, step: InvestorStep): Promise<LinkResult> {
  const [row] = await db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, step.id)).limit(1);
  return withdrawRequest(db, step, {
    row,
    open: ["awaiting_signatures", "submitted"],
    kind: "wallet_link",
    cancel: (t) => t.update(walletLinkRequests).set({ status: "cancelled" }).where(eq(walletLinkRequests.id, step.id)),
  });
}
