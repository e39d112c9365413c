import "server-only";

import { getAddress } from "viem";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { type Anchor, chainAnchorReader, type ReadAnchors } from "./anchors";
import { confirmListingTx } from "./chain-steps";
import { getOwnedListing, ListingError } from "./listings";
import { getChainDeps } from "./queries";
import { getOwnedUpdate, publishUpdate } from "./updates";

/*
 * An update's documents against the token's registry, as the issuer's server actions call them (one call each).
 * The chain is read on the server: the browser's word that a document was anchored is never taken.
 */

/**
 * Which of update `id`'s documents the token's registry does not hold with their fingerprint yet (a document
 * anchored by an interrupted run is not sent again).
 */
export async function unanchoredUpdateDocuments(
  db: Database,
  { id, issuer }: { id: string; issuer: string },
): Promise<string[]> {
  const { update, tokenAddress } = await getOwnedUpdate(db, { id, issuer });
  if (!tokenAddress) throw new ListingError("not_on_chain");
  const anchors = await chainAnchorReader({ client: getPublicClient(), transactions: false })(
    getAddress(tokenAddress),
    update.documents.map((d) => d.name),
  );
  return update.documents.filter((d, i) => anchors[i]?.hash.toLowerCase() !== d.sha256.toLowerCase()).map((d) => d.id);
}

/**
 * Publishes update `id` after reading each of its documents' hashes back from the token's registry. Anchoring
 * transactions found there that were not recorded yet (the page was closed before it confirmed them) are verified
 * and audited on the way. Returns the listing (id, and its slug for the public page).
 */
export async function publishAnchoredUpdate(
  db: Database,
  { id, issuer }: { id: string; issuer: string },
): Promise<{ artworkId: string; slug: string }> {
  const read = chainAnchorReader({ client: getPublicClient(), fromBlock: getDeployments().startBlock });
  let seen: Anchor[] = [];
  const readAnchors: ReadAnchors = async (token, names) => (seen = await read(token, names));
  const { artworkId } = await publishUpdate(db, { id, issuer, readAnchors });
  const deps = getChainDeps();
  for (const txHash of new Set(seen.map((a) => a.txHash).filter((h): h is `0x${string}` => !!h))) {
    await confirmListingTx(db, deps, { id: artworkId, issuer, txHash }).catch((error: unknown) => {
      if (!(error instanceof ListingError)) throw error;
    });
  }
  const { slug } = await getOwnedListing(db, { id: artworkId, issuer });
  return { artworkId, slug };
}
