import "server-only";

import { cache } from "react";
import { getAddress, type Address, type Hex } from "viem";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { readCatalogueChainState } from "@/lib/catalogue/queries";
import { getDb } from "@/lib/db";
import { getListingDocuments, getOwnedListing, ListingError, listIssuerArtworks, settleTradingStatus } from "./listings";
import type { ArtworkUpdateKind } from "@/lib/db/schema";
import { chainAnchorReader } from "./anchors";
import { deriveGoOnChainProgress } from "./progress";
import { listArtworkUpdates } from "./updates";
import { listingStage } from "./status";

/** The issuer's artworks with their stage (offering status read from the chain in one batched call). */
export const getIssuerDashboard = cache(async ({ issuer }: { issuer: string }) => {
  const db = await getDb();
  const rows = await listIssuerArtworks(db, { issuer });
  const onChain = rows.filter((r) => r.artwork.tokenAddress);
  let statuses = new Map<string, number | null>();
  try {
    const chain = await readCatalogueChainState(onChain.map((r) => ({ token: getAddress(r.artwork.tokenAddress!), offeringId: r.offeringId })));
    statuses = new Map(onChain.map((r, i) => [r.artwork.id, chain.perToken[i]?.offering?.status ?? null]));
  } catch (error) {
    console.error("[issuer] chain read failed:", error instanceof Error ? error.message : error);
  }
  // An offering that sold out or ended moves its artwork to "trading" (recorded on read, once).
  for (const r of rows) {
    if (await settleTradingStatus(db, { id: r.artwork.id, offeringStatus: statuses.get(r.artwork.id) ?? null })) r.artwork.status = "trading";
  }
  return rows.map((r) => ({ ...r, stage: listingStage(r.artwork.status, statuses.get(r.artwork.id) ?? null) }));
});

/** One listing of this issuer (null when it is not theirs: the page then 404s), with its chain progress. */
export const getIssuerListing = cache(async ({ id, issuer }: { id: string; issuer: string }) => {
  const db = await getDb();
  let artwork;
  try {
    artwork = await getOwnedListing(db, { id, issuer });
  } catch (error) {
    if (error instanceof ListingError) return null;
    throw error;
  }
  const documents = await getListingDocuments(db, { artworkId: artwork.id });
  const needsChain = artwork.metadataHash !== null;
  const progress = needsChain
    ? await deriveGoOnChainProgress({
        client: getPublicClient(),
        contracts: getDeployments(),
        issuer: getAddress(issuer),
        metadataHash: artwork.metadataHash as Hex,
        knownToken: artwork.tokenAddress ? getAddress(artwork.tokenAddress) : null,
        documents,
      })
    : null;
  const investors = progress?.offeringId ? await countInvestors(progress.offeringId) : 0;
  if (await settleTradingStatus(db, { id: artwork.id, offeringStatus: progress?.offering?.status ?? null })) artwork = { ...artwork, status: "trading" as const };
  return {
    artwork,
    documents,
    progress,
    investors,
    stage: listingStage(artwork.status, progress?.offering?.status ?? null),
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

export type IssuerUpdateView = {
  id: string;
  kind: ArtworkUpdateKind;
  title: string;
  bodyMd: string;
  value: string | null;
  appraiser: string | null;
  eventDate: string;
  publishedAt: Date | null;
  txHash: string | null;
  documents: { id: string; name: string; title: string; sha256: Hex; sizeBytes: number; anchored: boolean }[];
};

/** The listing's updates, newest first, each document marked anchored or not as the chain says now. */
export async function getIssuerUpdates({ artworkId, token }: { artworkId: string; token: string | null }): Promise<IssuerUpdateView[]> {
  if (!token) return [];
  const db = await getDb();
  const updates = await listArtworkUpdates(db, { artworkId });
  const pendingNames = updates.filter((u) => !u.publishedAt).flatMap((u) => u.documents.map((d) => d.name));
  const anchors = await chainAnchorReader({ client: getPublicClient(), fromBlock: getDeployments().startBlock })(getAddress(token), pendingNames);
  const anchored = new Map(pendingNames.map((name, i) => [name, anchors[i]!.hash]));
  return updates.map((u) => ({
    id: u.id,
    kind: u.kind,
    title: u.title,
    bodyMd: u.bodyMd,
    value: u.value,
    appraiser: u.appraiser,
    eventDate: u.eventDate,
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
