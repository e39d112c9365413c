import "server-only";

/**
 * Confirming a listing's on-chain step from its receipt, and settling the deploys and offerings still waiting
 * (`chain-steps.ts`).
 */
import { eq, sql } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import { readTxState, verifyContractCall } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { type ListingTxKind, listingTransactions } from "@/lib/db/schema";
import { allowedCalls, asDb, AUDIT_ACTIONS, type ChainDeps, DROP_AFTER_MS, lower, pendingTxs } from "./chain-deps";
import { describeStep } from "./chain-describe";
import { adoptFromMempool, markFailed } from "./chain-sent";
import { getOwnedListing, ListingError, listingEntry } from "./listing-core";

export type ConfirmResult = { kind: ListingTxKind; recorded: boolean; details: Record<string, unknown> };

/**
 * Confirms one of this listing's on-chain steps from its receipt (read here, never taken from the browser),
 * records what it changed and writes its audit entry with the hash, once per transaction. A reverted deploy or
 * offering that was waiting is marked failed, so the console offers the step again with the reason.
 */
export async function confirmListingTx(
  db: Database,
  deps: ChainDeps,
  { id, issuer, txHash, waitMs = 0 }: { id: string; issuer: string; txHash: Hex; waitMs?: number },
): Promise<ConfirmResult> {
  const listing = await getOwnedListing(db, { id, issuer });
  const hash = lower(txHash);
  const [known] = await db.select().from(listingTransactions).where(eq(listingTransactions.txHash, hash)).limit(1);
  if (known && known.artworkId !== listing.id) throw new ListingError("not_found");
  if (known?.status === "confirmed") return { kind: known.kind, recorded: false, details: known.details };
  const token = listing.tokenAddress ? getAddress(listing.tokenAddress) : null;
  const verified = await verifyContractCall({
    client: deps.client,
    txHash: hash,
    sender: getAddress(issuer),
    allowed: allowedCalls(deps, token),
    waitMs,
  });
  if (!verified.ok) {
    if (verified.code === "tx_failed" && known?.status === "pending") await markFailed(db, known, "reverted");
    throw new ListingError(verified.code);
  }
  const { call } = verified;
  const step = await describeStep(db, deps, listing, call);
  if (known && known.kind !== step.kind) throw new ListingError("tx_wrong_call");

  return db.transaction(async (raw) => {
    const tx = asDb(raw);
    const values = {
      artworkId: listing.id,
      kind: step.kind,
      txHash: hash,
      sender: issuer.toLowerCase(),
      status: "confirmed" as const,
      nonce: call.transaction.nonce,
      blockNumber: call.receipt.blockNumber,
      details: step.details,
      settledAt: new Date(),
    };
    // Once per transaction, even when the client and a page load confirm it at the same moment.
    const [claimed] = await tx
      .insert(listingTransactions)
      .values(values)
      .onConflictDoUpdate({
        target: listingTransactions.txHash,
        set: {
          status: "confirmed",
          failure: null,
          nonce: values.nonce,
          blockNumber: values.blockNumber,
          details: values.details,
          settledAt: values.settledAt,
        },
        setWhere: sql`${listingTransactions.status} <> 'confirmed'`,
      })
      .returning({ id: listingTransactions.id });
    if (!claimed) return { kind: step.kind, recorded: false, details: step.details };
    const applied = step.apply ? await step.apply(tx) : {};
    await writeAudit(
      tx,
      listingEntry(issuer, listing.id, AUDIT_ACTIONS.confirmed[step.kind], {
        after: {
          ...step.details,
          ...applied,
          function: call.functionName,
          blockNumber: call.receipt.blockNumber.toString(),
        },
        txHash: hash,
      }),
    );
    return { kind: step.kind, recorded: true, details: step.details };
  });
}

/**
 * Settles this listing's waiting deploy and offering: mined → confirmed (or failed when reverted), replaced or
 * dropped → failed with the reason, otherwise still waiting. `waitMs` waits for a receipt that far.
 * Returns true when anything changed.
 */
export async function resolvePendingTxs(
  db: Database,
  deps: ChainDeps,
  { id, issuer, waitMs = 0 }: { id: string; issuer: string; waitMs?: number },
): Promise<boolean> {
  const listing = await getOwnedListing(db, { id, issuer });
  await adoptFromMempool(db, deps, { listing, issuer });
  const pending = await pendingTxs(db, listing.id);
  let changed = false;
  for (const row of pending) {
    const state = await readTxState({
      client: deps.client,
      txHash: row.txHash as Hex,
      sender: getAddress(row.sender),
      nonce: row.nonce,
      sentAt: row.createdAt,
      now: deps.now?.() ?? Date.now(),
      dropAfterMs: deps.dropAfterMs ?? DROP_AFTER_MS,
      waitMs,
    });
    if (state.state === "mined") {
      try {
        changed = (await confirmListingTx(db, deps, { id, issuer, txHash: row.txHash as Hex })).recorded || changed;
      } catch (error) {
        if (!(error instanceof ListingError)) throw error;
        // Reverted: marked failed by the confirmation. Any other refusal: this hash cannot be this step.
        if (error.code !== "tx_failed") await markFailed(db, row, error.code);
        changed = true;
      }
    } else if (state.state === "dropped") {
      changed = (await markFailed(db, row, state.reason)) || changed;
    } else if (state.nonce !== null && row.nonce === null) {
      await db.update(listingTransactions).set({ nonce: state.nonce }).where(eq(listingTransactions.id, row.id));
    }
  }
  return changed;
}
