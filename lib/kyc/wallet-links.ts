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
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { type Address, getAddress, type Hex, recoverMessageAddress, zeroAddress, zeroHash } from "viem";
import { writeAudit } from "@/lib/audit";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient } from "@/lib/chain/server";
import { verifyUserTx } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { type WalletLinkRequest, walletLinkRequests } from "@/lib/db/schema";
import {
  getInvestorById,
  getInvestorsByIds,
  getInvestorWallets,
  investorIdOfWallet,
  type Investor,
  linkWallet,
} from "@/lib/investors";

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

const lower = (a: string) => a.toLowerCase();

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

async function signedBy(message: string, signature: string): Promise<string | null> {
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) return null;
  try {
    return lower(await recoverMessageAddress({ message, signature: signature as Hex }));
  } catch {
    return null;
  }
}

async function onChainInvestorOf(wallet: string): Promise<Hex> {
  return getPublicClient().readContract({
    address: getDeployments().identityRegistry,
    abi: identityRegistryAbi,
    functionName: "investorOf",
    args: [getAddress(wallet)],
  });
}

/** Marks requests whose signing window has passed as expired (lazily, before reads and writes). */
async function expireStale(db: Database, now: Date): Promise<void> {
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
  const { open } = await getInvestorLinkRequests(db, { investorId: investor.id, now });
  if (open?.status === "submitted") return { ok: false, code: "already_submitted" };
  if (open?.initiatedBy) return { ok: false, code: "officer_request_open" };
  if (open && lower(open.currentWallet) === lower(wallet)) return { ok: true, request: open };
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    if (open) {
      // Opened from another of the investor's wallets: that one is replaced.
      await t.update(walletLinkRequests).set({ status: "cancelled" }).where(eq(walletLinkRequests.id, open.id));
      await writeAudit(t, {
        actor: lower(wallet),
        actorRole: "investor",
        action: "wallet_link.cancel",
        subjectType: "investor",
        subjectId: investor.id,
        before: { status: open.status },
        after: { status: "cancelled", requestId: open.id, replacedFrom: lower(wallet) },
      });
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
  { id, investorId, wallet, now }: { id: string; investorId: string; wallet: string; now: Date },
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
  {
    id,
    investorId,
    wallet,
    signature,
    now = new Date(),
  }: { id: string; investorId: string; wallet: string; signature: string; now?: Date },
): Promise<LinkResult> {
  const loaded = await loadOwn(db, { id, investorId, wallet, now });
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  if ((await signedBy(request.currentMessage, signature)) !== lower(request.currentWallet))
    return { ok: false, code: "bad_signature" };
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await t.update(walletLinkRequests).set({ currentSignature: signature }).where(eq(walletLinkRequests.id, id));
    await writeAudit(t, {
      actor: lower(wallet),
      actorRole: "investor",
      action: "wallet_link.sign_current",
      subjectType: "investor",
      subjectId: investorId,
      after: { requestId: id, message: request.currentMessage, signature },
    });
  });
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
  }: { id: string; investorId: string; wallet: string; newWallet: string; chainId: number; origin: string; now?: Date },
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
      await writeAudit(t, {
        actor: lower(wallet),
        actorRole: "investor",
        action: "wallet_link.submit",
        subjectType: "investor",
        subjectId: investorId,
        before: { status: "awaiting_signatures" },
        after: { status: "submitted", requestId: id, newWallet: candidate, message, signature },
      });
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
export async function cancelLinkRequest(
  db: Database,
  { id, investorId, wallet }: { id: string; investorId: string; wallet: string },
): Promise<LinkResult> {
  const [request] = await db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id)).limit(1);
  if (!request) return { ok: false, code: "not_found" };
  if (request.investorId !== investorId) return { ok: false, code: "not_yours" };
  if (request.status !== "awaiting_signatures" && request.status !== "submitted")
    return { ok: false, code: "invalid_state" };
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await t.update(walletLinkRequests).set({ status: "cancelled" }).where(eq(walletLinkRequests.id, id));
    await writeAudit(t, {
      actor: lower(wallet),
      actorRole: "investor",
      action: "wallet_link.cancel",
      subjectType: "investor",
      subjectId: investorId,
      before: { status: request.status },
      after: { status: "cancelled", requestId: id },
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Opened by a compliance officer (the console's "Link a wallet")

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
    await writeAudit(t, {
      actor: lower(officer),
      actorRole: "compliance",
      action: "wallet_link.officer_start",
      subjectType: "investor",
      subjectId: investorId,
      after: { requestId: id, newWallet: candidate, status: "awaiting_signatures" },
    });
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
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await t
      .update(walletLinkRequests)
      .set({ newSignature: signature, status: "submitted", submittedAt: now })
      .where(and(eq(walletLinkRequests.id, id), eq(walletLinkRequests.status, "awaiting_signatures")));
    await writeAudit(t, {
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
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Compliance

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
export type LinkPlan = {
  registry: Address;
  wallet: Address;
  investorId: Hex;
  alreadyLinked: boolean;
  call: LinkCall;
};

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
  { id, txHash, officer, now = new Date() }: { id: string; txHash: Hex | null; officer: string; now?: Date },
): Promise<LinkResult<{ proposed?: boolean }>> {
  const planned = await planWalletLink(db, { id, officer, forReceipt: txHash !== null });
  if (!planned.ok) return planned;
  const { plan } = planned;
  if (txHash) {
    // The plan is read after the transaction: once linked, the call was `linkWallet` or a second officer's
    // `confirmLink`; a proposal still pending is this officer's own `proposeLink`.
    const expected: string[] = plan.alreadyLinked ? ["linkWallet", "confirmLink"] : [plan.call];
    let verified;
    try {
      verified = await verifyUserTx({
        client: getPublicClient(),
        txHash,
        sender: getAddress(officer),
        allowed: [{ address: getAddress(plan.registry), abi: identityRegistryAbi, functions: expected }],
        waitMs: 30_000,
        revertedFirst: true,
      });
    } catch {
      return { ok: false, code: "tx_failed" };
    }
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
  const decided = await db.transaction(async (txn) => {
    const t = txn as unknown as Database;
    // Decided once: a concurrent reject or confirm that got there first leaves nothing to do here.
    const moved = await t
      .update(walletLinkRequests)
      .set({ status: "linked", decidedAt: now, decidedBy: lower(officer), linkTxHash: txHash })
      .where(and(eq(walletLinkRequests.id, id), eq(walletLinkRequests.status, "submitted")))
      .returning({ id: walletLinkRequests.id });
    if (moved.length === 0) return false;
    await linkWallet(t, { investorId: request.investorId, address: plan.wallet });
    await writeAudit(t, {
      actor: lower(officer),
      actorRole: "compliance",
      action: "wallet_link.approve",
      subjectType: "investor",
      subjectId: request.investorId,
      before: { status: "submitted" },
      after: { status: "linked", requestId: id, wallet: lower(plan.wallet), investorId: plan.investorId },
      txHash: txHash ? lower(txHash) : null,
    });
    return true;
  });
  return decided ? { ok: true } : { ok: false, code: "invalid_state" };
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
  await writeAudit(db, {
    actor: lower(officer),
    actorRole: "compliance",
    action: "wallet_link.propose",
    subjectType: "investor",
    subjectId: request.investorId,
    before: { status: "submitted" },
    after: { status: "proposed", requestId: id, wallet: lower(plan.wallet), investorId: plan.investorId },
    txHash: lower(txHash),
  });
  return { ok: true, proposed: true };
}

export async function rejectWalletLink(
  db: Database,
  { id, officer, reason, now = new Date() }: { id: string; officer: string; reason: string; now?: Date },
): Promise<LinkResult> {
  const loaded = await loadSubmitted(db, id);
  if (!loaded.ok) return loaded;
  const decided = await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const moved = await t
      .update(walletLinkRequests)
      .set({ status: "rejected", decidedAt: now, decidedBy: lower(officer), rejectionReason: reason })
      .where(and(eq(walletLinkRequests.id, id), eq(walletLinkRequests.status, "submitted")))
      .returning({ id: walletLinkRequests.id });
    if (moved.length === 0) return false;
    await writeAudit(t, {
      actor: lower(officer),
      actorRole: "compliance",
      action: "wallet_link.reject",
      subjectType: "investor",
      subjectId: loaded.request.investorId,
      before: { status: "submitted" },
      after: { status: "rejected", requestId: id, reason },
    });
    return true;
  });
  return decided ? { ok: true } : { ok: false, code: "invalid_state" };
}

/** Whether the registry verifies each wallet now (one batched read). */
export async function readWalletsVerified(wallets: string[]): Promise<Record<string, boolean>> {
  if (wallets.length === 0) return {};
  const registry = getDeployments().identityRegistry;
  const results = await getPublicClient().multicall({
    ...getMulticallOptions(),
    allowFailure: false,
    contracts: wallets.map((w) => ({
      address: registry,
      abi: identityRegistryAbi,
      functionName: "isVerified" as const,
      args: [getAddress(w)] as const,
    })),
  });
  return Object.fromEntries(wallets.map((w, i) => [lower(w), results[i] === true]));
}
