import "server-only";

/** A listing's images and documents while it is still editable: stored files plus their audited records. */
import { randomBytes } from "node:crypto";
import type { FileStorage } from "@/lib/storage";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type ArtworkDocument, artworkDocuments, artworks, type DocumentKind } from "@/lib/db/schema";
import { sha256Hex } from "@/lib/format/hash";
import { checkPdf, processImage } from "./content";
import {
  getListingDocuments,
  getOwnedListing,
  inTransaction,
  isEditable,
  ListingError,
  listingEntry,
} from "./listing-core";
import { documentOnChainName, LIMITS } from "./validation";

export async function addListingImage(
  db: Database,
  {
    id,
    issuer,
    bytes,
    alt,
    storage,
  }: { id: string; issuer: string; bytes: Uint8Array; alt: string; storage: FileStorage },
) {
  const listing = await getOwnedListing(db, { id, issuer });
  if (!isEditable(listing)) throw new ListingError("not_editable");
  if (listing.images.length >= LIMITS.imagesPerListing) throw new ListingError("too_many_files");
  const processed = await processImage(bytes);
  if (!processed.ok) throw new ListingError(processed.reason);
  const rel = path.posix.join("artworks", listing.slug, `image-${randomBytes(4).toString("hex")}.webp`);
  await storage.put(rel, processed.image.bytes, { contentType: "image/webp" });
  const image = {
    src: `/media/${rel}`,
    alt: alt || listing.title,
    width: processed.image.width,
    height: processed.image.height,
  };
  // Re-read under a row lock: another upload or a removal at the same moment is not lost.
  return inTransaction(db, async (tx) => {
    const current = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(current)) throw new ListingError("not_editable");
    if (current.images.length >= LIMITS.imagesPerListing) throw new ListingError("too_many_files");
    await tx
      .update(artworks)
      .set({ images: [...current.images, image] })
      .where(eq(artworks.id, id));
    await writeAudit(
      tx,
      listingEntry(issuer, id, "listing.image_add", {
        after: { src: image.src, sha256: sha256Hex(processed.image.bytes), bytes: processed.image.bytes.length },
      }),
    );
    return image;
  });
}

/**
 * Removes one image from a listing that is still editable (draft or returned: its metadata is not frozen yet),
 * then deletes the stored file. `src` must be one of the listing's own images.
 */
export async function removeListingImage(
  db: Database,
  { id, issuer, src, storage }: { id: string; issuer: string; src: string; storage: FileStorage },
) {
  const removed = await inTransaction(db, async (tx) => {
    const listing = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(listing)) throw new ListingError("not_editable");
    const image = listing.images.find((i) => i.src === src);
    if (!image) throw new ListingError("image_not_found");
    const images = listing.images.filter((i) => i.src !== src);
    await tx.update(artworks).set({ images }).where(eq(artworks.id, id));
    await writeAudit(
      tx,
      listingEntry(issuer, id, "listing.image_remove", {
        before: { src: image.src, alt: image.alt },
        after: { images: images.length },
      }),
    );
    return image;
  });
  // The listing no longer points to the file. Best effort: a file left behind harms nothing.
  const rel = removed.src.replace(/^\/media\//, "");
  if (rel.startsWith(`artworks/`) && !rel.includes("..")) await storage.delete(rel).catch(() => undefined);
  return removed;
}

export async function addListingDocument(
  db: Database,
  {
    id,
    issuer,
    bytes,
    title,
    kind,
    storage,
  }: { id: string; issuer: string; bytes: Uint8Array; title: string; kind: DocumentKind; storage: FileStorage },
): Promise<ArtworkDocument> {
  const listing = await getOwnedListing(db, { id, issuer });
  if (!isEditable(listing)) throw new ListingError("not_editable");
  const existing = await getListingDocuments(db, { artworkId: id });
  if (existing.length >= LIMITS.documentsPerListing) throw new ListingError("too_many_files");
  const checked = checkPdf(bytes);
  if (!checked.ok) throw new ListingError(checked.reason);
  const name = documentOnChainName(kind, randomBytes(3).toString("hex"));
  const rel = path.posix.join("artworks", listing.slug, `${name}.pdf`);
  await storage.put(rel, bytes, { contentType: "application/pdf" });
  return inTransaction(db, async (tx) => {
    const current = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(current)) throw new ListingError("not_editable");
    const [doc] = await tx
      .insert(artworkDocuments)
      .values({
        artworkId: id,
        name,
        title,
        kind,
        filePath: rel,
        mime: "application/pdf",
        sizeBytes: bytes.length,
        sha256: checked.sha256,
      })
      .returning();
    await writeAudit(
      tx,
      listingEntry(issuer, id, "listing.document_add", {
        after: { documentId: doc!.id, name, sha256: checked.sha256, bytes: bytes.length },
      }),
    );
    return doc!;
  });
}

export async function removeListingDocument(
  db: Database,
  { id, issuer, documentId }: { id: string; issuer: string; documentId: string },
) {
  await inTransaction(db, async (tx) => {
    const listing = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(listing)) throw new ListingError("not_editable");
    const deleted = await tx
      .delete(artworkDocuments)
      .where(and(eq(artworkDocuments.id, documentId), eq(artworkDocuments.artworkId, id)))
      .returning();
    if (deleted.length === 0) throw new ListingError("not_found");
    await writeAudit(
      tx,
      listingEntry(issuer, id, "listing.document_remove", {
        before: { documentId, sha256: deleted[0]!.sha256 },
      }),
    );
  });
}
