import "server-only";

/** Listed artworks (token deployed) with their offering ids, for the catalogue and the portfolio. */
import { eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { type Artwork, artworks, offerings } from "@/lib/db/schema";

export type ListedRow = { artwork: Artwork; offeringId: bigint | null };

/** Every listed artwork joined with each of its offerings (or none): the caller orders it, newest offering first. */
export function selectListedWithOfferings(db: Database) {
  return db
    .select({ artwork: artworks, offeringId: offerings.onChainId })
    .from(artworks)
    .leftJoin(offerings, eq(offerings.artworkId, artworks.id))
    .where(isNotNull(artworks.tokenAddress));
}

/** One row per artwork, in the rows' order, each with the first offering id it came with (the latest one). */
export function latestOfferingPerArtwork(rows: { artwork: Artwork; offeringId: string | null }[]): ListedRow[] {
  const seen = new Map<string, ListedRow>();
  for (const row of rows) {
    if (seen.has(row.artwork.id)) continue;
    seen.set(row.artwork.id, {
      artwork: row.artwork,
      offeringId: row.offeringId === null ? null : BigInt(row.offeringId),
    });
  }
  return [...seen.values()];
}
