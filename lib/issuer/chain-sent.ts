import "server-only";

/**
 * Never twice: a deploy or an offering is recorded as pending as soon as the wallet returns its hash (or the node's
 * pending block shows it), and marked failed when it reverts, is replaced or is dropped (`chain-steps.ts`).
 */
import { and, eq } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import { decodeCall } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { type Artwork, type ListingTransaction, listingTransactions } from "@/lib/db/schema";
import {
  AUDIT_ACTIONS,
  asDb,
  type ChainDeps,
  checkSameStep,
  findTx,
  type GuardedKind,
  guardedCalls,
  hasOffering,
  isListingsCall,
  lower,
  pendingTxs,
} from "./chain-deps";
import { getOwnedListing, ListingError, listingEntry } from "./listing-core";

const byHash = (db: Database, hash: Hex) =>
  db.select().from(listingTransactions).where(eq(listingTransactions.txHash, hash)).limit(1);

/**
 * The issuer's wallet returned `txHash` for a deploy or an offering: record it as pending (and audit it) before
 * anything else happens, so a reload or another tab waits for this transaction instead of sending a second one.
 * When the node already knows the transaction, it must be that step's call, from this wallet, for this listing.
 */
export async function recordSentTx(
  db: Database,
  deps: ChainDeps,
  { id, issuer, kind, txHash }: { id: string; issuer: string; kind: GuardedKind; txHash: Hex },
): Promise<ListingTransaction> {
  const listing = await getOwnedListing(db, { id, issuer });
  const hash = lower(txHash);
  const [known] = await byHash(db, hash);
  checkSameStep(known, listing.id, kind);
  if (known && known.status !== "failed") return known;
  if (kind === "deploy") {
    if (!listing.metadataHash) throw new ListingError("not_approved");
    if (listing.tokenAddress) throw new ListingError("step_done");
    if (listing.status !== "approved") throw new ListingError("not_approved");
  } else {
    if (!listing.tokenAddress) throw new ListingError("not_on_chain");
    if (await hasOffering(db, listing.id)) throw new ListingError("step_done");
  }

  // The wallet's node and ours are usually the same, so the transaction is visible at once; check it if it is.
  const transaction = await findTx(deps.client, hash, deps.lookupMs ?? 5_000);
  let named: Record<string, unknown> | null = null;
  if (transaction) {
    if (getAddress(transaction.from) !== getAddress(issuer)) throw new ListingError("tx_wrong_sender");
    const decoded = decodeCall({ transaction, allowed: guardedCalls(deps, kind) });
    if (!decoded.ok) throw new ListingError(decoded.code);
    if (!isListingsCall(kind, decoded.call.named, listing)) throw new ListingError("tx_wrong_call");
    named = decoded.call.named;
  }

  return db.transaction(async (raw) => {
    const tx = asDb(raw);
    // The same step posted twice at once (a double click, two tabs): the listing's row lock makes the second wait for
    // the first, then it finds the first's record (the same hash: answered with it; another: a deploy is waiting).
    await getOwnedListing(tx, { id, issuer, lock: true });
    const [current] = await byHash(tx, hash);
    checkSameStep(current, listing.id, kind);
    if (current && current.status !== "failed") return current;
    const waiting = await anyRowWhere(
      tx,
      listingTransactions,
      and(
        eq(listingTransactions.artworkId, listing.id),
        eq(listingTransactions.kind, kind),
        eq(listingTransactions.status, "pending"),
      ),
    );
    if (waiting) throw new ListingError("tx_already_pending");
    const details = kind === "deploy" ? { metadataHash: listing.metadataHash } : { token: listing.tokenAddress };
    const values = {
      artworkId: listing.id,
      kind,
      txHash: hash,
      sender: issuer.toLowerCase(),
      status: "pending" as const,
      nonce: transaction?.nonce ?? null,
      details,
    };
    // The very same transaction sent again (same nonce and fields: the same hash) after it was given up on waits again.
    const [row] = current
      ? await tx
          .update(listingTransactions)
          .set({ ...values, failure: null, settledAt: null, createdAt: new Date() })
          .where(eq(listingTransactions.id, current.id))
          .returning()
      : await tx.insert(listingTransactions).values(values).returning();
    await writeAudit(
      tx,
      listingEntry(issuer, listing.id, AUDIT_ACTIONS.sent[kind], {
        after: {
          ...details,
          ...(named ? { args: named } : {}),
          nonce: transaction?.nonce ?? null,
          seenByNode: !!transaction,
        },
        txHash: hash,
      }),
    );
    return row!;
  });
}

export async function markFailed(db: Database, row: ListingTransaction, failure: string): Promise<boolean> {
  return db.transaction(async (raw) => {
    const tx = asDb(raw);
    const [updated] = await tx
      .update(listingTransactions)
      .set({ status: "failed", failure, settledAt: new Date() })
      .where(and(eq(listingTransactions.id, row.id), eq(listingTransactions.status, "pending")))
      .returning({ id: listingTransactions.id });
    if (!updated) return false;
    await writeAudit(
      tx,
      listingEntry(
        row.sender,
        row.artworkId,
        AUDIT_ACTIONS.failed[row.kind as GuardedKind] ?? `listing.${row.kind}.failed`,
        {
          after: { ...row.details, failure },
          txHash: row.txHash,
        },
      ),
    );
    return true;
  });
}

/**
 * A deploy or an offering the wallet sent that the console never recorded (the tab closed the moment the wallet
 * returned, or the request to record it failed) is still in the node's pending block: record it as waiting, so it
 * is not sent a second time. Only while that step is still to do; nodes that do not show a pending block are skipped.
 */
export async function adoptFromMempool(
  db: Database,
  deps: ChainDeps,
  { listing, issuer }: { listing: Artwork; issuer: string },
) {
  const deploy = listing.status === "approved" && !listing.tokenAddress && !!listing.metadataHash;
  let offering = false;
  if (listing.tokenAddress && (listing.status === "deployed" || listing.status === "approved")) {
    offering = !(await hasOffering(db, listing.id));
  }
  if (!deploy && !offering) return;
  const waiting = await pendingTxs(db, listing.id);
  const kind: GuardedKind = deploy ? "deploy" : "offering";
  if (waiting.some((w) => w.kind === kind)) return;
  let block;
  try {
    block = await deps.client.getBlock({ blockTag: "pending", includeTransactions: true });
  } catch {
    return;
  }
  for (const tx of block.transactions) {
    if (typeof tx === "string" || getAddress(tx.from) !== getAddress(issuer)) continue;
    const decoded = decodeCall({ transaction: tx, allowed: guardedCalls(deps, kind) });
    if (!decoded.ok || !isListingsCall(kind, decoded.call.named, listing)) continue;
    try {
      await recordSentTx(db, deps, { id: listing.id, issuer, kind, txHash: tx.hash });
    } catch (error) {
      if (!(error instanceof ListingError)) throw error;
    }
    return;
  }
}
