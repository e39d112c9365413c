import "server-only";

import { cache } from "react";
import { desc } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { getDb, schema } from "@/lib/db";
import { artworkShareTokenAbi, hKDStablecoinAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { applyCatalogueFilters } from "./filter";
import { latestOfferingPerArtwork, type ListedRow, selectListedWithOfferings } from "./listed";
import { isProfessionalOnly, offeringStatusToCatalogue, type OfferingView } from "./offering";
import { getTradingTokens } from "./trading";
import type { CatalogueFilters, CatalogueItem } from "./types";

/** Listed artworks (token deployed), newest first, each with its latest offering id, from the database. */
async function getListedArtworks(): Promise<ListedRow[]> {
  const rows = await selectListedWithOfferings(await getDb()).orderBy(
    desc(schema.artworks.createdAt),
    desc(schema.offerings.createdAt),
  );
  return latestOfferingPerArtwork(rows);
}

/**
 * Chain state for many artworks in ONE batched eth_call (multicall), memoised per block:
 * the payment token's decimals, each token's supply and holder count, each offering's terms and sales.
 */
export async function readCatalogueChainState(rows: { token: Address; offeringId: bigint | null }[]) {
  const d = getDeployments();
  const client = getPublicClient();
  const key = `catalogue:${rows.map((r) => `${r.token}/${r.offeringId ?? "-"}`).join(",")}`;
  return readAtLatestBlock({
    key,
    // Every readContract issued in this tick is folded by the client into one multicall eth_call.
    read: async (blockNumber) => {
      const settled = <T>(p: Promise<T>) =>
        p.then(
          (v) => v,
          () => null,
        );
      const [decimals, perToken] = await Promise.all([
        settled(
          client.readContract({
            address: d.paymentToken,
            abi: hKDStablecoinAbi,
            functionName: "decimals",
            blockNumber,
          }),
        ),
        Promise.all(
          rows.map(async (r) => {
            const [totalSupply, holderCount, offering] = await Promise.all([
              settled(
                client.readContract({
                  address: r.token,
                  abi: artworkShareTokenAbi,
                  functionName: "totalSupply",
                  blockNumber,
                }),
              ),
              settled(
                client.readContract({
                  address: r.token,
                  abi: artworkShareTokenAbi,
                  functionName: "holderCount",
                  blockNumber,
                }),
              ),
              r.offeringId === null
                ? null
                : settled(
                    client.readContract({
                      address: d.primaryOffering,
                      abi: primaryOfferingAbi,
                      functionName: "offering",
                      args: [r.offeringId],
                      blockNumber,
                    }),
                  ),
            ]);
            return {
              totalSupply: totalSupply ?? 0n,
              holderCount: holderCount ?? 0n,
              offering: offering as OfferingView | null,
            };
          }),
        ),
      ]);
      return { decimals: decimals ?? 6, blockNumber, perToken };
    },
  });
}

function pickImage(artwork: schema.Artwork) {
  const img = artwork.images[0];
  return img ?? { src: "/placeholder-artwork.svg", alt: artwork.title, width: 1600, height: 1200 };
}

/** The catalogue: every listed artwork with its live share data, filtered and sorted. */
export const getCatalogue = cache(async (filters: CatalogueFilters = {}): Promise<CatalogueItem[]> => {
  const listed = await getListedArtworks();
  if (listed.length === 0) return [];
  const [chain, trading] = await Promise.all([
    readCatalogueChainState(
      listed.map((r) => ({ token: getAddress(r.artwork.tokenAddress!), offeringId: r.offeringId })),
    ),
    getTradingTokens(),
  ]);
  const items: CatalogueItem[] = listed.map((row, i) => {
    const state = chain.perToken[i]!;
    const o = state.offering;
    const a = row.artwork;
    return {
      slug: a.slug,
      title: a.title,
      ...(a.titleZh ? { titleZh: a.titleZh } : {}),
      artist: a.artist,
      year: a.year ?? "",
      image: pickImage(a),
      tokenAddress: getAddress(a.tokenAddress!),
      pricePerShare: o ? o.terms.pricePerShare : null,
      paymentDecimals: chain.decimals,
      sharesSold: o ? o.sold : 0n,
      supplyCap: o ? o.terms.supplyCap : 0n,
      totalSupply: state.totalSupply,
      status: o ? offeringStatusToCatalogue(o, { trading: trading.has(a.tokenAddress!.toLowerCase()) }) : "not_listed",
      ...(o ? { startsAt: new Date(Number(o.terms.start) * 1000), endsAt: new Date(Number(o.terms.end) * 1000) } : {}),
      holderCount: Number(state.holderCount),
      ...(o && isProfessionalOnly(o.terms.eligibleCategories) ? { professionalOnly: true } : {}),
    };
  });
  return applyCatalogueFilters(items, filters);
});

/** Distinct artists, for the filter's list. */
export async function getCatalogueArtists(): Promise<string[]> {
  const listed = await getListedArtworks();
  return [...new Set(listed.map((r) => r.artwork.artist))].sort((a, b) => a.localeCompare(b));
}
