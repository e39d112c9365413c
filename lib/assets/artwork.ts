import "server-only";

import { cache } from "react";
import { desc, eq } from "drizzle-orm";
import { getAddress, type Address, type Hex } from "viem";
import { getDb, schema } from "@/lib/db";
import { artworkShareTokenAbi, hKDStablecoinAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { getServerEnv } from "@/lib/env";
import { getListingDocuments } from "@/lib/issuer";
import { hashStoredFile } from "@/lib/storage";
import type { OfferingView } from "@/lib/catalogue/client";
import { documentNameToBytes32, documentView, verifyDocument, type ArtworkDocumentView } from "./documents";

export type TokenRules = {
  allowedCountries: readonly number[];
  eligibleCategories: number;
  maxHolders: number;
  maxBalancePerInvestor: bigint;
  lockupSeconds: bigint;
};

export type { ArtworkDocumentView };

export type ArtworkPageData = {
  artwork: schema.Artwork;
  token: Address | null;
  offeringId: bigint | null;
  offering: OfferingView | null;
  paymentDecimals: number;
  totalSupply: bigint;
  holderCount: bigint;
  rules: TokenRules | null;
  paused: boolean;
  documents: ArtworkDocumentView[];
  explorerUrl: string | null;
  blockNumber: bigint;
};

/**
 * Everything the artwork page shows: listing content from the database and, from the chain in one
 * batched read at the latest block, the token's supply, holders, rules, pause state, the offering,
 * and each document's anchored hash — compared with the SHA-256 of the file the portal serves.
 */
export const getArtworkPage = cache(async ({ slug }: { slug: string }): Promise<ArtworkPageData | null> => {
  const db = await getDb();
  const [artwork] = await db.select().from(schema.artworks).where(eq(schema.artworks.slug, slug)).limit(1);
  if (!artwork || !artwork.tokenAddress) return null;
  const [docs, offerings] = await Promise.all([
    getListingDocuments(db, { artworkId: artwork.id }),
    db
      .select()
      .from(schema.offerings)
      .where(eq(schema.offerings.artworkId, artwork.id))
      .orderBy(desc(schema.offerings.createdAt))
      .limit(1),
  ]);
  const token = getAddress(artwork.tokenAddress);
  const offeringId = offerings[0]?.onChainId ? BigInt(offerings[0].onChainId) : null;
  const d = getDeployments();
  const client = getPublicClient();

  const chain = await readAtLatestBlock({
    key: `artwork:${token}:${offeringId ?? "-"}:${docs.map((x) => x.name).join(",")}`,
    read: async (blockNumber) => {
      const r = { address: token, abi: artworkShareTokenAbi, blockNumber } as const;
      const [decimals, totalSupply, holderCount, rules, paused, offering, anchored] = await Promise.all([
        client.readContract({ address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "decimals", blockNumber }),
        client.readContract({ ...r, functionName: "totalSupply" }),
        client.readContract({ ...r, functionName: "holderCount" }),
        client.readContract({ ...r, functionName: "rules" }),
        client.readContract({ ...r, functionName: "paused" }),
        offeringId === null
          ? Promise.resolve(null)
          : client.readContract({
              address: d.primaryOffering,
              abi: primaryOfferingAbi,
              functionName: "offering",
              args: [offeringId],
              blockNumber,
            }),
        Promise.all(
          docs.map((doc) =>
            client.readContract({ ...r, functionName: "getDocument", args: [documentNameToBytes32(doc.name)] }),
          ),
        ),
      ]);
      return {
        decimals,
        totalSupply,
        holderCount,
        rules,
        paused,
        offering: offering as OfferingView | null,
        anchored,
        blockNumber,
      };
    },
  });

  const files = await Promise.all(docs.map((doc) => hashStoredFile(doc.filePath)));
  const documents = docs.map((doc, i) =>
    documentView(
      doc,
      verifyDocument(files[i] ?? null, chain.anchored[i] as readonly [string, Hex, bigint] | undefined),
    ),
  );
  const env = getServerEnv();
  return {
    artwork,
    token,
    offeringId,
    offering: chain.offering,
    paymentDecimals: Number(chain.decimals),
    totalSupply: chain.totalSupply,
    holderCount: chain.holderCount,
    rules: {
      allowedCountries: chain.rules.allowedCountries,
      eligibleCategories: Number(chain.rules.eligibleCategories),
      maxHolders: Number(chain.rules.maxHolders),
      maxBalancePerInvestor: chain.rules.maxBalancePerInvestor,
      lockupSeconds: chain.rules.lockupSeconds,
    },
    paused: chain.paused,
    documents,
    explorerUrl: env.explorerUrl ? `${env.explorerUrl}/address/${token}` : null,
    blockNumber: chain.blockNumber,
  };
});
