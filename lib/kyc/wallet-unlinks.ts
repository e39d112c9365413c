import "server-only";

/**
 * Unlinking a wallet (issue 19 §3). The investor asks from their account page; a compliance officer unlinks it on-chain
 * (`IdentityRegistry.unlinkWallet`) from their own wallet, and the server verifies the receipt and the registry.
 *
 * The rule, enforced here for both steps:
 * - the investor asks while signed in with another of their wallets, so the wallet they keep is one they just proved
 *   they control, and the last wallet can never be unlinked this way;
 * - a wallet that holds shares or has open market orders is refused, naming the holdings and orders: an unlinked
 *   wallet is no longer verified, so its shares could not be sold or moved and its orders could not be filled.
 *   The shares are moved first (a transfer to another of the investor's wallets, or a recovery by compliance) and
 *   the orders cancelled.
 *
 * Every step is audited in the same database transaction as the change it records.
 */
import { and, desc, eq, gte, isNotNull, or, sql } from "drizzle-orm";
import { type Address, decodeFunctionData, getAddress, type Hex, zeroHash } from "viem";
import { writeAudit } from "@/lib/audit";
import { artworkShareTokenAbi, identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { artworks, marketOrders, type WalletUnlinkRequest, walletUnlinkRequests } from "@/lib/db/schema";
import { applyRegistryChange, getInvestorsByIds, getInvestorWallets } from "@/lib/investors";
import { type InvestorStep, type OfficerDecision, requestEntry, withdrawRequest } from "./wallet-link-common";

export type UnlinkError =
  | "not_found"
  | "not_yours"
  | "signed_in_wallet"
  | "last_wallet"
  | "wallet_in_use"
  | "already_requested"
  | "invalid_state"
  | "tx_failed"
  | "tx_wrong_sender"
  | "tx_not_unlink"
  | "still_linked_on_chain";

export type WalletHolding = { token: string; title: string; titleZh: string | null; shares: bigint };
export type WalletOrder = {
  orderId: string;
  token: string;
  title: string;
  titleZh: string | null;
  side: "ask" | "bid";
  remaining: bigint;
};
export type WalletExposure = { holdings: WalletHolding[]; orders: WalletOrder[] };

export type UnlinkResult<T = object> = ({ ok: true } & T) | { ok: false; code: UnlinkError; exposure?: WalletExposure };

const lower = (a: string) => a.toLowerCase();

/** What a wallet holds (shares of every listed token, read from the chain) and its open market orders (indexer). */
export async function readWalletExposure(db: Database, wallet: string): Promise<WalletExposure> {
  const listed = await db
    .select({ token: artworks.tokenAddress, title: artworks.title, titleZh: artworks.titleZh })
    .from(artworks)
    .where(isNotNull(artworks.tokenAddress));
  const byToken = new Map(listed.map((l) => [lower(l.token!), l]));
  const balances = listed.length
    ? await getPublicClient().multicall({
        ...getMulticallOptions(),
        allowFailure: true,
        contracts: listed.map((l) => ({
          address: getAddress(l.token!),
          abi: artworkShareTokenAbi,
          functionName: "balanceOf" as const,
          args: [getAddress(wallet)] as const,
        })),
      })
    : [];
  const holdings: WalletHolding[] = [];
  balances.forEach((b, i) => {
    const shares = b.status === "success" ? (b.result as bigint) : 0n;
    const l = listed[i]!;
    if (shares > 0n) holdings.push({ token: lower(l.token!), title: l.title, titleZh: l.titleZh, shares });
  });
  const open = await db
    .select()
    .from(marketOrders)
    .where(and(eq(marketOrders.maker, lower(wallet)), eq(marketOrders.status, "open")))
    .orderBy(marketOrders.placedAt);
  const orders: WalletOrder[] = open.map((o) => {
    const a = byToken.get(lower(o.token));
    return {
      orderId: o.orderId,
      token: lower(o.token),
      title: a?.title ?? o.token,
      titleZh: a?.titleZh ?? null,
      side: o.side,
      remaining: BigInt(o.size) - BigInt(o.filled) - BigInt(o.cancelled),
    };
  });
  return { holdings, orders };
}

const inUse = (e: WalletExposure) => e.holdings.length > 0 || e.orders.length > 0;

/** The investor's open unlink requests. */
export async function getInvestorUnlinkRequests(db: Database, { investorId }: { investorId: string }) {
  return db
    .select()
    .from(walletUnlinkRequests)
    .where(and(eq(walletUnlinkRequests.investorId, investorId), eq(walletUnlinkRequests.status, "requested")))
    .orderBy(desc(walletUnlinkRequests.createdAt));
}

/** The investor (signed in with `wallet`) asks to unlink `target`, one of their other wallets. */
export async function requestUnlink(
  db: Database,
  { investorId, wallet, target }: { investorId: string; wallet: string; target: string },
): Promise<UnlinkResult<{ request: WalletUnlinkRequest }>> {
  const me = lower(wallet);
  const gone = lower(target);
  if (gone === me) return { ok: false, code: "signed_in_wallet" };
  const wallets = await getInvestorWallets(db, { investorId });
  if (!wallets.some((w) => w.address === gone)) return { ok: false, code: "not_yours" };
  if (!wallets.some((w) => w.address === me)) return { ok: false, code: "not_yours" };
  if (wallets.length < 2) return { ok: false, code: "last_wallet" };
  const exposure = await readWalletExposure(db, gone);
  if (inUse(exposure)) return { ok: false, code: "wallet_in_use", exposure };
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const [request] = await t
        .insert(walletUnlinkRequests)
        .values({ investorId, wallet: gone, requestedBy: me })
        .returning();
      await writeAudit(t, {
        actor: me,
        actorRole: "investor",
        action: "wallet_unlink.request",
        subjectType: "investor",
        subjectId: investorId,
        after: { requestId: request!.id, wallet: gone, status: "requested" },
      });
      return { ok: true as const, request: request! };
    });
  } catch (error) {
    if (/wallet_unlink_requests_open_idx|duplicate key/i.test(String((error as { cause?: unknown }).cause ?? error)))
      return { ok: false, code: "already_requested" };
    throw error;
  }
}

/** The investor withdraws their request. */
export async function cancelUnlink(db: Database, step: InvestorStep): Promise<UnlinkResult> {
  const [row] = await db.select().from(walletUnlinkRequests).where(eq(walletUnlinkRequests.id, step.id)).limit(1);
  return withdrawRequest(db, step, {
    row,
    open: ["requested"],
    kind: "wallet_unlink",
    cancel: (t) =>
      t.update(walletUnlinkRequests).set({ status: "cancelled" }).where(eq(walletUnlinkRequests.id, step.id)),
    after: (request) => ({ wallet: request.wallet }),
  });
}

export type UnlinkQueueRow = WalletUnlinkRequest & { investorName: string | null; exposure: WalletExposure };

/**
 * Open unlink requests, oldest first, each with what the wallet holds now; then those unlinked in the last day, so
 * that the officer who just unlinked one still sees it done (with its transaction) when the page re-renders.
 */
export async function listUnlinkRequests(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<UnlinkQueueRow[]> {
  const rows = await db
    .select()
    .from(walletUnlinkRequests)
    .where(
      or(
        eq(walletUnlinkRequests.status, "requested"),
        and(
          eq(walletUnlinkRequests.status, "unlinked"),
          gte(walletUnlinkRequests.decidedAt, new Date(now.getTime() - 86_400_000)),
        ),
      ),
    )
    .orderBy(desc(sql`${walletUnlinkRequests.status} = 'requested'`), walletUnlinkRequests.createdAt)
    .limit(200);
  const none: WalletExposure = { holdings: [], orders: [] };
  const names = new Map(
    (await getInvestorsByIds(db, [...new Set(rows.map((r) => r.investorId))])).map((i) => [i.id, i.legalName]),
  );
  return Promise.all(
    rows
      .filter((r) => names.has(r.investorId))
      .map(async (r) => ({
        ...r,
        investorName: names.get(r.investorId) ?? null,
        exposure: r.status === "requested" ? await readWalletExposure(db, r.wallet) : none,
      })),
  );
}

export type UnlinkPlan = { registry: Address; wallet: Address };

async function loadRequested(db: Database, id: string): Promise<UnlinkResult<{ request: WalletUnlinkRequest }>> {
  const [request] = await db.select().from(walletUnlinkRequests).where(eq(walletUnlinkRequests.id, id)).limit(1);
  if (!request) return { ok: false, code: "not_found" };
  if (request.status !== "requested") return { ok: false, code: "invalid_state" };
  return { ok: true, request };
}

/** What the officer's wallet will sign: `unlinkWallet(wallet)` — refused while the wallet holds shares or orders. */
export async function planUnlink(db: Database, { id }: { id: string }): Promise<UnlinkResult<{ plan: UnlinkPlan }>> {
  const loaded = await loadRequested(db, id);
  if (!loaded.ok) return loaded;
  const exposure = await readWalletExposure(db, loaded.request.wallet);
  if (inUse(exposure)) return { ok: false, code: "wallet_in_use", exposure };
  return { ok: true, plan: { registry: getDeployments().identityRegistry, wallet: getAddress(loaded.request.wallet) } };
}

/**
 * After the officer's transaction: verifies the receipt (success, this officer, `unlinkWallet` of exactly this wallet
 * on the registry) and that the registry no longer links the wallet, then records it with its audit entry.
 */
export async function confirmUnlink(
  db: Database,
  { id, txHash, officer, now = new Date() }: OfficerDecision & { txHash: Hex },
): Promise<UnlinkResult> {
  const loaded = await loadRequested(db, id);
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  const registry = getDeployments().identityRegistry;
  const client = getPublicClient();
  let receipt;
  let tx;
  try {
    receipt = await client.waitForTransactionReceipt({ hash: txHash, timeout: 30_000 });
    tx = await client.getTransaction({ hash: txHash });
  } catch {
    return { ok: false, code: "tx_failed" };
  }
  if (receipt.status !== "success") return { ok: false, code: "tx_failed" };
  if (lower(receipt.from) !== lower(officer)) return { ok: false, code: "tx_wrong_sender" };
  if (!receipt.to || lower(receipt.to) !== lower(registry)) return { ok: false, code: "tx_not_unlink" };
  let decoded;
  try {
    decoded = decodeFunctionData({ abi: identityRegistryAbi, data: tx.input });
  } catch {
    return { ok: false, code: "tx_not_unlink" };
  }
  const [wallet] = (decoded.args ?? []) as readonly [Address?];
  if (decoded.functionName !== "unlinkWallet" || lower(wallet ?? "") !== request.wallet)
    return { ok: false, code: "tx_not_unlink" };
  const onChain = await client.readContract({
    address: registry,
    abi: identityRegistryAbi,
    functionName: "investorOf",
    args: [getAddress(request.wallet)],
  });
  if (onChain !== zeroHash) return { ok: false, code: "still_linked_on_chain" };
  await db.transaction(async (txn) => {
    const t = txn as unknown as Database;
    await applyRegistryChange(t, { kind: "unlinkWallet", wallet: request.wallet });
    await t
      .update(walletUnlinkRequests)
      .set({ status: "unlinked", decidedAt: now, decidedBy: lower(officer), txHash: lower(txHash) })
      .where(eq(walletUnlinkRequests.id, id));
    await writeAudit(
      t,
      requestEntry("compliance", officer, request.investorId, "wallet_unlink.approve", {
        before: { status: "requested" },
        after: { status: "unlinked", requestId: id, wallet: request.wallet },
        txHash: lower(txHash),
      }),
    );
  });
  return { ok: true };
}
