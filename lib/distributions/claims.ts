/**
 * The investor's side of a distribution: what a wallet may claim, and the record of its claims.
 * - {@link listWalletClaims}: the wallet's own entitlements in anchored distributions, and those of wallets a
 *   compliance recovery moved to it on the distribution's token after the record block (the distributor pays the
 *   last wallet of the token's `recoveredTo` chain, `Distributor._claimant`). Recoveries are read from the indexer's
 *   `WalletRecovered` events; whether a claim is payable now is the chain's `claimCode`, read by the caller.
 * - {@link recordClaim}: after the investor's `claim` / `claimMany`, the server verifies the transaction itself and
 *   audits what it paid (once per transaction).
 * Plain module taking the database and chain client, so it is tested against PGlite and a real anvil.
 */
import { and, eq, inArray } from "drizzle-orm";
import { type Address, getAddress, type Hex, type PublicClient } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Deployments } from "@/lib/chain/deployments";
import { isNotFound, type TxRefusal } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { lockForTransaction } from "@/lib/db/locks";
import { auditLog, chainEvents, distributionEntitlements, distributions } from "@/lib/db/schema";
import { argIn, recordedEvents } from "@/lib/indexer/recorded";
import { readDistributorCall } from "./distributor-call";
import type { DistributionKind } from "./tree";

/** Recoveries followed back from a wallet (the distributor follows at most 8 forward). */
export const MAX_RECOVERY_HOPS = 8;

export type WalletClaim = {
  distributionId: string;
  onChainId: string;
  token: Address;
  kind: DistributionKind;
  /** Payment-token base units, as a decimal string. */
  amount: string;
  claimDeadline: Date;
  index: number;
  /** The wallet in the tree (the signed-in wallet, or a wallet recovered to it). */
  holder: Address;
  proof: Hex[];
  /** The holder is a wallet compliance recovered to this one. */
  recovered: boolean;
};

/**
 * The wallets recovered (directly or through several recoveries) to `wallet`, per token, from the indexer's
 * `WalletRecovered` events: token (lowercase) → lost wallets (lowercase).
 */
export async function recoveredToWallet(db: Database, wallet: Address): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  let frontier = new Set([wallet.toLowerCase()]);
  const seen = new Set<string>();
  for (let hop = 0; hop < MAX_RECOVERY_HOPS && frontier.size > 0; hop++) {
    const rows = await recordedEvents(
      db,
      eq(chainEvents.eventName, "WalletRecovered"),
      argIn("newWallet", [...frontier]),
    );
    const next = new Set<string>();
    for (const r of rows) {
      const to = String(r.args.newWallet).toLowerCase();
      const lost = String(r.args.lostWallet).toLowerCase();
      const key = `${r.contract}:${lost}`;
      if (!frontier.has(to) || seen.has(key) || lost === wallet.toLowerCase()) continue;
      seen.add(key);
      const set = out.get(r.contract) ?? new Set<string>();
      set.add(lost);
      out.set(r.contract, set);
      next.add(lost);
    }
    frontier = next;
  }
  return out;
}

/** Entitlements `wallet` may claim in anchored distributions (its own and recovered wallets'), newest first. */
export async function listWalletClaims(db: Database, wallet: Address): Promise<WalletClaim[]> {
  const recovered = await recoveredToWallet(db, wallet);
  const lost = [...new Set([...recovered.values()].flatMap((s) => [...s]))];
  const holders = [wallet.toLowerCase(), ...lost];
  const rows = await db
    .select({ e: distributionEntitlements, d: distributions })
    .from(distributionEntitlements)
    .innerJoin(distributions, eq(distributions.id, distributionEntitlements.distributionId))
    .where(inArray(distributionEntitlements.wallet, holders));
  return rows
    .filter((r) => r.d.onChainId !== null)
    .filter((r) => r.e.wallet === wallet.toLowerCase() || recovered.get(r.d.token)?.has(r.e.wallet))
    .sort((a, b) => b.d.createdAt.getTime() - a.d.createdAt.getTime() || a.e.leafIndex - b.e.leafIndex)
    .map((r) => ({
      distributionId: r.d.id,
      onChainId: r.d.onChainId!,
      token: getAddress(r.d.token),
      kind: r.d.kind,
      amount: r.e.amount,
      claimDeadline: r.d.claimDeadline,
      index: r.e.leafIndex,
      holder: getAddress(r.e.wallet),
      proof: r.e.proof as Hex[],
      recovered: r.e.wallet !== wallet.toLowerCase(),
    }));
}

export type ClaimRecordRefusal = "no_distributor" | "no_claim" | "not_a_claim" | Exclude<TxRefusal, "tx_wrong_call">;

export type RecordedClaim = { onChainId: string; holder: Address; amount: string; token: Address | null };

/**
 * After the investor's claim: verifies the transaction was `claim` or `claimMany` on the distributor, sent by
 * `wallet` and mined, and audits the `Claimed` events that paid `wallet` (one entry per transaction: a second
 * record of the same transaction answers with what was recorded, without a second entry).
 */
export async function recordClaim(
  db: Database,
  {
    client,
    deployments,
    wallet,
    txHash,
    waitMs = 0,
  }: { client: PublicClient; deployments: Deployments; wallet: Address; txHash: Hex; waitMs?: number },
): Promise<{ ok: true; claims: RecordedClaim[]; already: boolean } | { ok: false; code: ClaimRecordRefusal }> {
  const distributor = deployments.distributor;
  if (!distributor) return { ok: false, code: "no_distributor" };
  // A hash the node has never seen is answered at once; the receipt of one it knows is waited for.
  const nodeKnows = await client.getTransaction({ hash: txHash }).then(
    () => true,
    (error: unknown) => {
      if (isNotFound(error)) return false;
      throw error;
    },
  );
  if (!nodeKnows) return { ok: false, code: "tx_not_found" };
  const read = await readDistributorCall({
    client,
    deployments,
    txHash,
    sender: wallet,
    functions: ["claim", "claimMany"],
    eventName: "Claimed",
    waitMs,
  });
  if (!read.ok) return { ok: false, code: read.code === "tx_wrong_call" ? "not_a_claim" : read.code };
  const paid = read.events.filter((l) => getAddress(l.args.payee) === getAddress(wallet));
  if (paid.length === 0) return { ok: false, code: "no_claim" };
  const ids = [...new Set(paid.map((l) => l.args.id.toString()))];
  const known = await db
    .select({ id: distributions.id, onChainId: distributions.onChainId, token: distributions.token })
    .from(distributions)
    .where(
      and(
        eq(distributions.chainId, deployments.chainId),
        eq(distributions.distributor, distributor.toLowerCase()),
        inArray(distributions.onChainId, ids),
      ),
    );
  const tokenOf = new Map(known.map((k) => [k.onChainId!, getAddress(k.token)]));
  const claims = paid.map((l) => ({
    onChainId: l.args.id.toString(),
    holder: getAddress(l.args.holder),
    amount: l.args.amount.toString(),
    token: tokenOf.get(l.args.id.toString()) ?? null,
  }));
  const already = await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    // One record per transaction, even when two requests record it at once.
    await lockForTransaction(t, `distribution.claim:${txHash.toLowerCase()}`);
    const existing = await anyRowWhere(
      t,
      auditLog,
      and(eq(auditLog.action, "distribution.claim"), eq(auditLog.txHash, txHash.toLowerCase())),
    );
    if (existing) return true;
    await writeAudit(t, {
      actor: wallet.toLowerCase(),
      actorRole: "investor",
      action: "distribution.claim",
      subjectType: "distribution",
      // The portal's distribution ids (the distributor's id for one the portal has no record of).
      subjectId: ids.map((i) => known.find((k) => k.onChainId === i)?.id ?? i).join(","),
      after: {
        function: read.call.functionName,
        total: claims.reduce((s, c) => s + BigInt(c.amount), 0n).toString(),
        claims: claims.map((c) => ({
          onChainId: c.onChainId,
          holder: c.holder.toLowerCase(),
          amount: c.amount,
          token: c.token?.toLowerCase() ?? null,
        })),
      },
      txHash: txHash.toLowerCase(),
    });
    return false;
  });
  return { ok: true, claims, already };
}
