import "server-only";

/**
 * Who may read a listing's files (images, metadata, documents). Once a listing is approved its files are public
 * (the catalogue, the token's metadata and its anchored documents point at them); before that — draft, in review,
 * returned — only its issuer and compliance may read them, and anyone else gets the same "not found" as for a file
 * that does not exist. A document of an update that is not published yet stays with its issuer and compliance too,
 * even on an approved listing: an update (a valuation, a condition report) reaches investors only when published.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { type ArtworkStatus, artworkDocuments, artworks, artworkUpdates } from "@/lib/db/schema";

export const PUBLIC_LISTING_STATUSES: readonly ArtworkStatus[] = ["approved", "deployed", "offering", "trading"];

export type FileViewer = { address: string; compliance: boolean } | null;

/** "public": anyone (cacheable); "private": this viewer only (never cached); "not_found": nothing to show. */
export type FileAccess = "public" | "private" | "not_found";

type ListingOwner = {
  status: ArtworkStatus;
  issuerAddress: string;
  /** The file is a document of an update not published yet: never public, whatever the listing's status. */
  unpublished?: boolean;
};

export function listingFileAccess(listing: ListingOwner | null, viewer: FileViewer): FileAccess {
  if (!listing) return "not_found";
  if (PUBLIC_LISTING_STATUSES.includes(listing.status) && !listing.unpublished) return "public";
  if (!viewer) return "not_found";
  if (viewer.compliance || viewer.address.toLowerCase() === listing.issuerAddress.toLowerCase()) return "private";
  return "not_found";
}

/** The listing a `/media/artworks/<slug>/…` path belongs to (null for any other path). */
export async function listingOfMediaPath(db: Database, segments: readonly string[]): Promise<ListingOwner | null> {
  if (segments[0] !== "artworks" || segments.length < 3 || !segments[1]) return null;
  const [row] = await db
    .select({ status: artworks.status, issuerAddress: artworks.issuerAddress })
    .from(artworks)
    .where(eq(artworks.slug, segments[1]))
    .limit(1);
  return row ?? null;
}

/** The listing a `/documents/<id>` document belongs to. */
export async function listingOfDocument(db: Database, { id }: { id: string }): Promise<ListingOwner | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ status: artworks.status, issuerAddress: artworks.issuerAddress })
    .from(artworkDocuments)
    .innerJoin(artworks, eq(artworks.id, artworkDocuments.artworkId))
    .where(eq(artworkDocuments.id, id))
    .limit(1);
  if (!row) return null;
  // Update documents are listed in their update's `document_ids`; one whose update is unpublished is not public.
  const pending = await anyRowWhere(
    db,
    artworkUpdates,
    and(
      isNull(artworkUpdates.publishedAt),
      sql`${artworkUpdates.documentIds} @> ${JSON.stringify([id.toLowerCase()])}::jsonb`,
    ),
  );
  return pending ? { ...row, unpublished: true } : row;
}

/**
 * The access of the current viewer to a listing's files. The viewer (session and on-chain role) is asked for only
 * when the listing is not public, so public files cost no session or chain read.
 */
export async function resolveFileAccess(
  listing: ListingOwner | null,
  viewer: () => Promise<FileViewer>,
): Promise<FileAccess> {
  const anonymous = listingFileAccess(listing, null);
  if (anonymous !== "not_found" || !listing) return anonymous;
  return listingFileAccess(listing, await viewer());
}

/** For `/media/[...path]`: the current viewer's access to a media file. */
export async function mediaFileAccess(segments: readonly string[], viewer: () => Promise<FileViewer>) {
  return resolveFileAccess(await listingOfMediaPath(await getDb(), segments), viewer);
}

/** For `/documents/[id]`: the current viewer's access to an artwork document. */
export async function documentFileAccess(id: string, viewer: () => Promise<FileViewer>) {
  return resolveFileAccess(await listingOfDocument(await getDb(), { id }), viewer);
}
