import "server-only";

/**
 * What the chain shows about a listing but the database does not know yet, recorded through the same verified
 * confirmation; and the steps' transactions as the console shows them (`chain-steps.ts`).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { rowsWhere } from "@/lib/db/rows";
import {
  type Artwork,
  type ListingTransaction,
  type ListingTxStatus,
  listingTransactions,
  offerings,
} from "@/lib/db/schema";
import { chainAnchorReader } from "./anchors";
import type { ChainDeps, GuardedKind } from "./chain-deps";
import { confirmListingTx } from "./chain-confirm";
import { getOwnedListing, ListingError } from "./listing-core";
import { deriveGoOnChainProgress, findDeployedTokenTxs, type GoOnChainProgress } from "./progress";

/**
 * Records what the chain shows about this listing but the database does not know yet, each through the same
 * verified confirmation: the token (found by the factory's TokenDeployed event for this wallet and metadata
 * hash), the offering, and — for a listing that went on-chain through the console — documents anchored, the
 * offering closed and proceeds withdrawn. Nothing is read from the chain when nothing is missing.
 * Returns true when anything was recorded.
 */
export async function recordChainProgress(
  db: Database,
  deps: ChainDeps,
  { id, issuer, progress }: { id: string; issuer: string; progress: GoOnChainProgress },
): Promise<boolean> {
  let listing = await getOwnedListing(db, { id, issuer });
  let changed = false;
  const confirm = async (txHash: Hex) => {
    try {
      changed = (await confirmListingTx(db, deps, { id, issuer, txHash })).recorded || changed;
    } catch (error) {
      // Not this issuer's call for this listing (e.g. sent by another wallet with a role): the page still shows
      // the chain's truth, but nothing is recorded in the issuer's name.
      if (!(error instanceof ListingError)) throw error;
    }
  };
  const from = deps.contracts.startBlock ?? 0n;
  /** The transactions that emitted one of the offering's own events since the deployment's start block. */
  const offeringEventTxs = async (
    eventName: "OfferingCreated" | "OfferingClosed" | "ProceedsWithdrawn",
    id: bigint,
  ) => {
    const logs = await deps.client.getContractEvents({
      address: deps.contracts.primaryOffering,
      abi: primaryOfferingAbi,
      eventName,
      args: { id },
      fromBlock: from,
      toBlock: "latest",
    });
    return logs.map((l) => l.transactionHash);
  };

  if (progress.token && !listing.tokenAddress && listing.metadataHash) {
    const found = await findDeployedTokenTxs({
      client: deps.client,
      contracts: deps.contracts,
      issuer: getAddress(issuer),
      metadataHash: listing.metadataHash as Hex,
    });
    const deploy = found.find((d) => d.token === progress.token) ?? found[0];
    if (deploy) await confirm(deploy.txHash);
    listing = await getOwnedListing(db, { id, issuer });
  }
  if (!listing.tokenAddress) return changed;

  if (progress.offeringId !== null) {
    const [known] = await db
      .select({ id: offerings.id })
      .from(offerings)
      .where(eq(offerings.onChainId, progress.offeringId.toString()))
      .limit(1);
    if (!known) {
      for (const txHash of await offeringEventTxs("OfferingCreated", progress.offeringId)) await confirm(txHash);
    }
  }

  const txs = await db
    .select()
    .from(listingTransactions)
    .where(and(eq(listingTransactions.artworkId, listing.id), eq(listingTransactions.status, "confirmed")));
  if (!txs.some((t) => t.kind === "deploy")) return changed;
  const token = getAddress(listing.tokenAddress);

  const unrecordedAnchors = progress.documents.filter(
    (d) => d.anchored && !txs.some((t) => t.kind === "anchor" && t.details.documentId === d.id),
  );
  if (unrecordedAnchors.length > 0) {
    const anchors = await chainAnchorReader({ client: deps.client, fromBlock: from })(
      token,
      unrecordedAnchors.map((d) => d.name),
    );
    for (const a of anchors) if (a.txHash) await confirm(a.txHash);
  }

  const offering = progress.offering;
  if (offering && progress.offeringId !== null) {
    const offeringId = progress.offeringId;
    const mine = txs.filter((t) => t.details.offeringId === offeringId.toString());
    if (offering.closed && !mine.some((t) => t.kind === "close")) {
      for (const txHash of await offeringEventTxs("OfferingClosed", offeringId)) await confirm(txHash);
    }
    const recorded = mine
      .filter((t) => t.kind === "withdraw")
      .reduce((sum, t) => sum + BigInt(String(t.details.amount ?? "0")), 0n);
    if (offering.withdrawn > recorded) {
      for (const txHash of await offeringEventTxs("ProceedsWithdrawn", offeringId)) {
        if (!txs.some((t) => t.txHash === txHash.toLowerCase())) await confirm(txHash);
      }
    }
  }
  return changed;
}

export type StepTx = { status: ListingTxStatus; txHash: Hex; failure: string | null; sentAt: Date };

/** The latest deploy and offering transaction of a listing (waiting, confirmed or failed), for the console. */
export async function getStepTxs(
  db: Database,
  { artworkId }: { artworkId: string },
): Promise<Record<GuardedKind, StepTx | null>> {
  const rows = await db
    .select()
    .from(listingTransactions)
    .where(
      and(eq(listingTransactions.artworkId, artworkId), sql`${listingTransactions.kind} IN ('deploy', 'offering')`),
    )
    .orderBy(desc(listingTransactions.createdAt), desc(listingTransactions.id));
  const view = (kind: GuardedKind): StepTx | null => {
    // A confirmed step wins over a later failed attempt; otherwise the latest attempt.
    const row = rows.find((r) => r.kind === kind && r.status === "confirmed") ?? rows.find((r) => r.kind === kind);
    return row ? { status: row.status, txHash: row.txHash as Hex, failure: row.failure, sentAt: row.createdAt } : null;
  };
  return { deploy: view("deploy"), offering: view("offering") };
}

/** Confirmed transactions of a listing by kind, oldest first: the console shows each step's hash. */
export const getConfirmedTxs = (db: Database, { artworkId }: { artworkId: string }): Promise<ListingTransaction[]> =>
  rowsWhere(
    db,
    listingTransactions,
    and(eq(listingTransactions.artworkId, artworkId), eq(listingTransactions.status, "confirmed")),
    listingTransactions.createdAt,
  );

/** Where the listing stands on the chain (token, offering, documents anchored), read for its issuer's console. */
export function readListingProgress(
  deps: ChainDeps,
  { issuer, listing, documents }: { issuer: string; listing: Artwork; documents: ProgressDocuments },
): Promise<GoOnChainProgress> {
  return deriveGoOnChainProgress({
    client: deps.client,
    contracts: getDeployments(),
    issuer: getAddress(issuer),
    metadataHash: listing.metadataHash as Hex,
    knownToken: listing.tokenAddress ? getAddress(listing.tokenAddress) : null,
    documents,
  });
}

type ProgressDocuments = Parameters<typeof deriveGoOnChainProgress>[0]["documents"];
