import "server-only";

import type { Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import {
  confirmListingTx,
  type GuardedKind,
  getStepTxs,
  recordChainProgress,
  recordSentTx,
  resolvePendingTxs,
  type StepTx,
  readListingProgress,
} from "./chain-steps";
import { getListingDocuments, getOwnedListing } from "./listings";
import { getChainDeps } from "./queries";
import { listPlatformSymbols } from "./symbol-registry";
import { findSymbolHolder } from "./symbols";

/*
 * The go-on-chain steps as the issuer's server actions call them, one call each: where the listing stands on-chain
 * now (settling what waits first), and the confirmation of one of its transactions. Ownership is checked inside
 * (`getOwnedListing`); refusals are `ListingError`s, audit entries are written by chain-steps.
 */

export type StepTxView = { status: StepTx["status"]; txHash: Hex; failure: string | null; sentAt: string };
const view = (t: StepTx | null): StepTxView | null =>
  t ? { status: t.status, txHash: t.txHash, failure: t.failure, sentAt: t.sentAt.toISOString() } : null;

export type OnChainCheck = {
  slug: string;
  /** Whether anything changed on the way (a waiting transaction settled, or progress recorded). */
  changed: boolean;
  token: string | null;
  offeringId: string | null;
  /** The latest deploy and offering transaction (waiting, confirmed or failed). */
  deploy: StepTxView | null;
  offering: StepTxView | null;
  /** Listing documents not anchored with their fingerprint yet, as the token's registry says now. */
  unanchored: string[];
};

export type OnChainCheckResult =
  | ({ ok: true } & OnChainCheck)
  | { ok: false; code: "not_approved" }
  | { ok: false; code: "symbol_taken"; values: { symbol: string; title: string; by: "listing" | "token" } };

/**
 * Where listing `id` stands on-chain: a waiting deploy or offering is settled first (`waitMs` for its receipt), then
 * what the chain shows is recorded. With `symbol` (before a deploy): refused when another platform token uses it.
 */
export async function checkOnChain(
  db: Database,
  { id, issuer, waitMs, symbol }: { id: string; issuer: string; waitMs: number; symbol?: string },
): Promise<OnChainCheckResult> {
  const deps = getChainDeps();
  let listing = await getOwnedListing(db, { id, issuer });
  if (!listing.metadataHash) return { ok: false, code: "not_approved" };
  const settled = await resolvePendingTxs(db, deps, { id, issuer, waitMs });
  listing = await getOwnedListing(db, { id, issuer });
  const documents = await getListingDocuments(db, { artworkId: id });
  const progress = await readListingProgress(deps, { issuer, listing, documents });
  const recorded = await recordChainProgress(db, deps, { id, issuer, progress });
  const steps = await getStepTxs(db, { artworkId: id });
  const check: OnChainCheck = {
    slug: listing.slug,
    changed: !!(settled || recorded),
    token: progress.token,
    offeringId: progress.offeringId?.toString() ?? null,
    deploy: view(steps.deploy),
    offering: view(steps.offering),
    unanchored: progress.documents.filter((d) => !d.anchored).map((d) => d.id),
  };
  // Before a deploy is signed: the symbol must not be used by any other token on the platform.
  if (symbol !== undefined && !progress.token) {
    const symbols = await listPlatformSymbols(
      db,
      { client: deps.client, factory: deps.contracts.shareTokenFactory },
      { exceptArtworkId: id },
    );
    const holder = findSymbolHolder(symbol, symbols);
    if (holder)
      return {
        ok: false,
        code: "symbol_taken",
        values: { symbol: holder.symbol, title: holder.title ?? "", by: holder.title ? "listing" : "token" },
      };
  }
  return { ok: true, ...check };
}

/** Verifies and records one of the listing's confirmed transactions (see `confirmListingTx`); returns its kind. */
export async function confirmListingStep(
  db: Database,
  { id, issuer, txHash }: { id: string; issuer: string; txHash: Hex },
): Promise<{ kind: string; slug: string }> {
  const result = await confirmListingTx(db, getChainDeps(), { id, issuer, txHash, waitMs: 30_000 });
  const listing = await getOwnedListing(db, { id, issuer });
  return { kind: result.kind, slug: listing.slug };
}

/**
 * The wallet has just returned the hash of a deploy or an offering: recorded as waiting (audited) before anything
 * else, so a reload or a closed tab waits for this transaction instead of offering the step again.
 */
export async function recordStepSent(
  db: Database,
  input: { id: string; issuer: string; kind: GuardedKind; txHash: Hex },
): Promise<void> {
  await recordSentTx(db, getChainDeps(), input);
}
