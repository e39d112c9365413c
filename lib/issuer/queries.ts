import "server-only";

import { cache } from "react";
import { getAddress, type Address, type Hex } from "viem";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { readCatalogueChainState, getTradingTokens } from "@/lib/catalogue";
import { getDb } from "@/lib/db";
import {
  getListingDocuments,
  getOwnedListing,
  ListingError,
  listIssuerArtworks,
  settleTradingStatus,
} from "./listings";
import type { Artwork } from "@/lib/db/schema";
import { chainAnchorReader } from "./anchors";
import {
  type ChainDeps,
  getConfirmedTxs,
  getStepTxs,
  readListingProgress,
  recordChainProgress,
  resolvePendingTxs,
} from "./chain-steps";
import type { GoOnChainProgress } from "./progress";
import { listArtworkUpdates, updateViewFields, type UpdateViewFields } from "./updates";
import { listingStage } from "./status";

/** The issuer's artworks with their stage (offering status read from the chain in one batched call). */
export const getIssuerDashboard = cache(async ({ issuer }: { issuer: string }) => {
  const db = await getDb();
  const rows = await listIssuerArtworks(db, { issuer });
  const onChain = rows.filter((r) => r.artwork.tokenAddress);
  let statuses = new Map<string, number | null>();
  let chainError = false;
  try {
    const chain = await readCatalogueChainState(
      onChain.map((r) => ({ token: getAddress(r.artwork.tokenAddress!), offeringId: r.offeringId })),
    );
    statuses = new Map(onChain.map((r, i) => [r.artwork.id, chain.perToken[i]?.offering?.status ?? null]));
  } catch (error) {
    // The list still shows, from the database; the page says the offering stages may be behind.
    chainError = onChain.length > 0;
    console.error("[issuer] chain read failed:", error instanceof Error ? error.message : error);
  }
  // An offering that sold out or ended moves its artwork to "trading" (recorded on read, once).
  for (const r of rows) {
    if (await settleTradingStatus(db, { id: r.artwork.id, offeringStatus: statuses.get(r.artwork.id) ?? null }))
      r.artwork.status = "trading";
  }
  const trading = await getTradingTokens();
  return {
    chainError,
    rows: rows.map((r) => ({
      ...r,
      stage: listingStage(r.artwork.status, statuses.get(r.artwork.id) ?? null, {
        trading: !!r.artwork.tokenAddress && trading.has(r.artwork.tokenAddress.toLowerCase()),
      }),
    })),
  };
});

/** Whether this issuer owns this listing (database only: cheap enough to answer before anything streams). */
export const issuerOwnsListing = cache(async ({ id, issuer }: { id: string; issuer: string }): Promise<boolean> => {
  try {
    await getOwnedListing(await getDb(), { id, issuer });
    return true;
  } catch (error) {
    if (error instanceof ListingError) return false;
    throw error;
  }
});

/** The chain the issuer console's steps are checked against. */
export function getChainDeps(): ChainDeps {
  const d = getDeployments();
  return {
    client: getPublicClient(),
    contracts: { shareTokenFactory: d.shareTokenFactory, primaryOffering: d.primaryOffering, startBlock: d.startBlock },
  };
}

/**
 * One listing of this issuer (null when it is not theirs: the page then 404s), with its chain progress. On the
 * way, a deploy or offering transaction that was waiting is settled (mined, reverted, dropped), and what the
 * chain shows but the database does not know yet is recorded (each through a verified, audited confirmation),
 * so a console closed mid-way resumes at the first unfinished step and never offers a done step again.
 */
export const getIssuerListing = cache(async ({ id, issuer }: { id: string; issuer: string }) => {
  const db = await getDb();
  let artwork: Artwork;
  try {
    artwork = await getOwnedListing(db, { id, issuer });
  } catch (error) {
    if (error instanceof ListingError) return null;
    throw error;
  }
  const documents = await getListingDocuments(db, { artworkId: artwork.id });
  let progress: GoOnChainProgress | null = null;
  let chainError = false;
  if (artwork.metadataHash !== null) {
    try {
      const deps = getChainDeps();
      try {
        await resolvePendingTxs(db, deps, { id: artwork.id, issuer });
        artwork = await getOwnedListing(db, { id, issuer });
      } catch (error) {
        console.error(
          "[issuer] settling a waiting transaction failed:",
          error instanceof Error ? error.message : error,
        );
      }
      const listing = artwork;
      progress = await readListingProgress(deps, { issuer, listing, documents });
      try {
        await recordChainProgress(db, deps, { id: artwork.id, issuer, progress });
        // Read again even when this request recorded nothing: a concurrent one (the client's check) may have.
        artwork = await getOwnedListing(db, { id, issuer });
      } catch (error) {
        console.error("[issuer] recording chain progress failed:", error instanceof Error ? error.message : error);
      }
    } catch (error) {
      // The listing itself still shows; its on-chain part says the chain could not be read.
      progress = null;
      chainError = true;
      console.error("[issuer] chain read failed:", error instanceof Error ? error.message : error);
    }
  }
  const [stepTxs, confirmedTxs] = await Promise.all([
    getStepTxs(db, { artworkId: artwork.id }),
    getConfirmedTxs(db, { artworkId: artwork.id }),
  ]);
  const investors = progress?.offeringId ? await countInvestors(progress.offeringId).catch(() => null) : 0;
  if (await settleTradingStatus(db, { id: artwork.id, offeringStatus: progress?.offering?.status ?? null }))
    artwork = { ...artwork, status: "trading" as const };
  return {
    artwork,
    documents,
    progress,
    /** Distinct buyers, or null when the chain's events could not be read. */
    investors,
    chainError,
    stepTxs,
    /** The confirmed transaction of each recorded step (deploy, each anchor, offering, close, withdrawals). */
    confirmedTxs,
    stage: listingStage(artwork.status, progress?.offering?.status ?? null, {
      trading: !!artwork.tokenAddress && (await getTradingTokens()).has(artwork.tokenAddress.toLowerCase()),
    }),
  };
});

/** Distinct investors who bought in an offering (SharesPurchased events, by investor id). */
async function countInvestors(offeringId: bigint): Promise<number> {
  const d = getDeployments();
  const logs = await getPublicClient().getContractEvents({
    address: d.primaryOffering,
    abi: primaryOfferingAbi,
    eventName: "SharesPurchased",
    args: { id: offeringId },
    fromBlock: d.startBlock,
  });
  return new Set(logs.map((l) => l.args.investorId)).size;
}

export function chainContracts(): { shareTokenFactory: Address; primaryOffering: Address } {
  const d = getDeployments();
  return { shareTokenFactory: d.shareTokenFactory, primaryOffering: d.primaryOffering };
}

export type IssuerUpdateView = UpdateViewFields & {
  publishedAt: Date | null;
  txHash: string | null;
  documents: { id: string; name: string; title: string; sha256: Hex; sizeBytes: number; anchored: boolean }[];
};

/** The listing's updates, newest first, each document marked anchored or not as the chain says now. */
export async function getIssuerUpdates({
  artworkId,
  token,
}: {
  artworkId: string;
  token: string | null;
}): Promise<IssuerUpdateView[]> {
  if (!token) return [];
  const db = await getDb();
  const updates = await listArtworkUpdates(db, { artworkId });
  const pendingNames = updates.filter((u) => !u.publishedAt).flatMap((u) => u.documents.map((d) => d.name));
  const anchors = await chainAnchorReader({ client: getPublicClient(), fromBlock: getDeployments().startBlock })(
    getAddress(token),
    pendingNames,
  );
  const anchored = new Map(pendingNames.map((name, i) => [name, anchors[i]!.hash]));
  return updates.map((u) => ({
    ...updateViewFields(u),
    publishedAt: u.publishedAt,
    txHash: u.txHash,
    documents: u.documents.map((d) => ({
      id: d.id,
      name: d.name,
      title: d.title,
      sha256: d.sha256 as Hex,
      sizeBytes: d.sizeBytes,
      anchored: u.publishedAt !== null || anchored.get(d.name)?.toLowerCase() === d.sha256.toLowerCase(),
    })),
  }));
}
