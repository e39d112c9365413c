import "server-only";

/** A wallet link opened by a compliance officer (the console's "Link a wallet"), signed by the new wallet's holder. */
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type WalletLinkRequest, walletLinkRequests } from "@/lib/db/schema";
import { getInvestorById, getInvestorWallets } from "@/lib/investors";
import { readWalletsVerified } from "./registry-calls";
import {
  changeAudited,
  checkNewWallet,
  expireStale,
  getInvestorLinkRequests,
  INVITE_SIGN_TTL_MS,
  type LinkResult,
  lower,
  newWalletMessage,
  signedBy,
  requestEntry,
} from "./wallet-link-common";

/**
 * An officer asks to link `newWallet` to an investor. Nothing is linked yet: the new wallet's holder must sign the
 * same statement as in the investor's own flow, in the portal, and then another officer registers the link. Every
 * refusable condition is checked here, before anyone is asked to sign.
 */
export async function officerStartLinkRequest(
  db: Database,
  {
    investorId,
    officer,
    newWallet,
    chainId,
    origin,
    now = new Date(),
  }: { investorId: string; officer: string; newWallet: string; chainId: number; origin: string; now?: Date },
): Promise<LinkResult<{ request: WalletLinkRequest }>> {
  const investor = await getInvestorById(db, investorId);
  if (!investor) return { ok: false, code: "investor_not_found" };
  if (!investor.onChainId) return { ok: false, code: "not_verified" };
  const wallets = await getInvestorWallets(db, { investorId });
  const primary = wallets[0];
  if (!primary) return { ok: false, code: "not_verified" };
  const verified = await readWalletsVerified([primary.address]);
  if (!verified[lower(primary.address)]) return { ok: false, code: "not_verified" };
  const { open } = await getInvestorLinkRequests(db, { investorId, now });
  if (open) return { ok: false, code: "request_open" };
  const usable = await checkNewWallet(db, { investorId, candidate: newWallet });
  if (!usable.ok) return usable;
  const id = crypto.randomUUID();
  const nonce = randomBytes(12).toString("hex");
  const currentWallet = lower(primary.address);
  const candidate = lower(newWallet);
  const message = newWalletMessage({ id, nonce, currentWallet, chainId, origin }, candidate);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [request] = await t
      .insert(walletLinkRequests)
      .values({
        id,
        investorId,
        currentWallet,
        newWallet: candidate,
        nonce,
        signBefore: new Date(now.getTime() + INVITE_SIGN_TTL_MS),
        currentMessage: "",
        newMessage: message,
        initiatedBy: lower(officer),
      })
      .returning();
    await writeAudit(
      t,
      requestEntry("compliance", officer, investorId, "wallet_link.officer_start", {
        after: { requestId: id, newWallet: candidate, status: "awaiting_signatures" },
      }),
    );
    return { ok: true as const, request: request! };
  });
}

/**
 * The officer-opened request waiting for this wallet's signature, or already signed by it and waiting for review (so
 * the wallet's holder still sees that it is done after the page re-renders), if any.
 */
export async function getInvitationFor(
  db: Database,
  { wallet, now = new Date() }: { wallet: string; now?: Date },
): Promise<WalletLinkRequest | null> {
  await expireStale(db, now);
  const [row] = await db
    .select()
    .from(walletLinkRequests)
    .where(
      and(
        eq(walletLinkRequests.newWallet, lower(wallet)),
        inArray(walletLinkRequests.status, ["awaiting_signatures", "submitted"]),
        sql`${walletLinkRequests.initiatedBy} IS NOT NULL`,
      ),
    )
    .orderBy(desc(walletLinkRequests.createdAt))
    .limit(1);
  return row ?? null;
}

/** The new wallet's holder, signed in with that wallet, signs the statement; the request then waits for review. */
export async function signInvitedLink(
  db: Database,
  { id, wallet, signature, now = new Date() }: { id: string; wallet: string; signature: string; now?: Date },
): Promise<LinkResult> {
  await expireStale(db, now);
  const [request] = await db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id)).limit(1);
  if (!request || !request.initiatedBy || !request.newWallet || !request.newMessage)
    return { ok: false, code: "not_found" };
  if (lower(request.newWallet) !== lower(wallet)) return { ok: false, code: "not_invited_wallet" };
  if (request.status === "expired") return { ok: false, code: "expired" };
  if (request.status !== "awaiting_signatures") return { ok: false, code: "invalid_state" };
  const usable = await checkNewWallet(db, { investorId: request.investorId, candidate: wallet, requestId: id });
  if (!usable.ok) return usable;
  if ((await signedBy(request.newMessage, signature)) !== lower(request.newWallet))
    return { ok: false, code: "bad_signature" };
  await changeAudited(
    db,
    (t) =>
      t
        .update(walletLinkRequests)
        .set({ newSignature: signature, status: "submitted", submittedAt: now })
        .where(and(eq(walletLinkRequests.id, id), eq(walletLinkRequests.status, "awaiting_signatures"))),
    {
      actor: lower(wallet),
      actorRole: "investor",
      action: "wallet_link.submit",
      subjectType: "investor",
      subjectId: request.investorId,
      before: { status: "awaiting_signatures" },
      after: {
        status: "submitted",
        requestId: id,
        newWallet: lower(wallet),
        message: request.newMessage,
        signature,
        initiatedBy: request.initiatedBy,
      },
    },
  );
  return { ok: true };
}
