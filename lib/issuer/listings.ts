import "server-only";

import { randomBytes } from "node:crypto";
import path from "node:path";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { ActionError } from "@/lib/actions/errors";
import type { Database } from "@/lib/db/connect";
import {
  type Artwork,
  type ArtworkDocument,
  artworkDocuments,
  artworks,
  type DocumentKind,
  offerings,
  profiles,
} from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit";
import { OfferingStatus } from "@/lib/catalogue/offering";
import { sha256Hex } from "@/lib/format/hash";
import type { FileStorage } from "@/lib/storage/files";
import { checkPdf, processImage, type UploadRefusal } from "./content";
import type { TxRefusal } from "@/lib/chain/verify-tx";
import { isListingDocument } from "./update-documents";
import { documentOnChainName, LIMITS, type ListingInput, slugify } from "./validation";

/**
 * Issuer listings in the database: create, edit, files, submit, review. Every function that changes a
 * listing takes the acting wallet and checks ownership itself (a server action is a public endpoint):
 * another issuer's listing is reported as "not_found", so its existence is not revealed.
 */

export type ListingErrorCode =
  | "not_found"
  | "not_editable"
  | "not_submittable"
  | "needs_image"
  | "not_reviewable"
  /** Only a listing waiting for review can be taken back. */
  | "not_withdrawable"
  /** Only a listing never approved (draft or returned) can be deleted. */
  | "not_deletable"
  | "own_listing"
  | "comment_required"
  | "too_many_files"
  | "not_on_chain"
  | "not_anchored"
  | "not_approved"
  | "image_not_found"
  /** An on-chain step that is already done (a token deployed, an offering created). */
  | "step_done"
  /** A deploy or an offering transaction of this listing is still waiting to be mined. */
  | "tx_already_pending"
  | TxRefusal
  | UploadRefusal;

/** A listing refusal: one of the typed domain errors (`ActionError`), so the action pipeline answers it in words. */
export class ListingError extends ActionError<ListingErrorCode> {
  constructor(code: ListingErrorCode) {
    super(code);
    this.message = `listing: ${code}`;
    this.name = "ListingError";
  }
}

const EDITABLE: readonly Artwork["status"][] = ["draft", "returned"];
export const isEditable = (a: Pick<Artwork, "status">) => EDITABLE.includes(a.status);

/** Runs `fn` in one database transaction: a change and its audit entry are written together or not at all. */
export function inTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Database));
}

/** This issuer's listing (another issuer's is "not_found"). `lock` holds the row until the transaction ends. */
export async function getOwnedListing(
  db: Database,
  { id, issuer, lock = false }: { id: string; issuer: string; lock?: boolean },
): Promise<Artwork> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ListingError("not_found");
  const query = db.select().from(artworks).where(eq(artworks.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row || row.issuerAddress !== issuer.toLowerCase()) throw new ListingError("not_found");
  return row;
}

export async function listIssuerArtworks(db: Database, { issuer }: { issuer: string }) {
  const rows = await db
    .select()
    .from(artworks)
    .where(eq(artworks.issuerAddress, issuer.toLowerCase()))
    .orderBy(desc(artworks.updatedAt));
  const ids = rows.map((r) => r.id);
  const offs = ids.length
    ? await db.select().from(offerings).where(inArray(offerings.artworkId, ids)).orderBy(desc(offerings.createdAt))
    : [];
  return rows.map((artwork) => {
    const off = offs.find((o) => o.artworkId === artwork.id);
    return { artwork, offeringId: off?.onChainId ? BigInt(off.onChainId) : null };
  });
}

export async function getListingDocuments(
  db: Database,
  { artworkId }: { artworkId: string },
): Promise<ArtworkDocument[]> {
  return db
    .select()
    .from(artworkDocuments)
    .where(and(eq(artworkDocuments.artworkId, artworkId), isListingDocument))
    .orderBy(asc(artworkDocuments.createdAt));
}

function columns(input: ListingInput) {
  return {
    title: input.title,
    titleZh: input.titleZh,
    artist: input.artist,
    year: input.year,
    medium: input.medium,
    dimensions: input.dimensions,
    descriptionMd: input.descriptionMd,
    descriptionZh: input.descriptionZh,
    provenance: input.provenance,
    conditionReport: input.conditionReport,
    custodian: input.custodian,
    custodianLocation: input.custodianLocation,
    insurer: input.insurer,
    insuredValue: input.insuredValue,
    appraisals:
      input.appraisalValue && input.appraiser && input.appraisalDate
        ? [{ date: input.appraisalDate, value: input.appraisalValue, appraiser: input.appraiser }]
        : [],
  };
}

export async function createListing(
  db: Database,
  { issuer, input }: { issuer: string; input: ListingInput },
): Promise<Artwork> {
  const slug = `${slugify(input.title)}-${randomBytes(3).toString("hex")}`;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(artworks)
      .values({ slug, issuerAddress: issuer.toLowerCase(), status: "draft", ...columns(input) })
      .returning();
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.create",
      subjectType: "artwork",
      subjectId: row!.id,
      after: { slug, title: input.title },
    });
    return row!;
  });
}

export async function updateListing(
  db: Database,
  { id, issuer, input }: { id: string; issuer: string; input: ListingInput },
): Promise<Artwork> {
  return inTransaction(db, async (tx) => {
    const before = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(before)) throw new ListingError("not_editable");
    const [row] = await tx.update(artworks).set(columns(input)).where(eq(artworks.id, id)).returning();
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.update",
      subjectType: "artwork",
      subjectId: id,
      before: { title: before.title, status: before.status },
      after: { title: input.title },
    });
    return row!;
  });
}

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
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.image_add",
      subjectType: "artwork",
      subjectId: id,
      after: { src: image.src, sha256: sha256Hex(processed.image.bytes), bytes: processed.image.bytes.length },
    });
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
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.image_remove",
      subjectType: "artwork",
      subjectId: id,
      before: { src: image.src, alt: image.alt },
      after: { images: images.length },
    });
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
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.document_add",
      subjectType: "artwork",
      subjectId: id,
      after: { documentId: doc!.id, name, sha256: checked.sha256, bytes: bytes.length },
    });
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
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.document_remove",
      subjectType: "artwork",
      subjectId: id,
      before: { documentId, sha256: deleted[0]!.sha256 },
    });
  });
}

export async function submitListing(db: Database, { id, issuer }: { id: string; issuer: string }) {
  await inTransaction(db, async (tx) => {
    const listing = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(listing)) throw new ListingError("not_submittable");
    if (listing.images.length === 0) throw new ListingError("needs_image");
    await tx.update(artworks).set({ status: "submitted" }).where(eq(artworks.id, id));
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.submit",
      subjectType: "artwork",
      subjectId: id,
      before: { status: listing.status },
      after: { status: "submitted" },
    });
  });
}

/** The issuer takes a listing back out of review before any decision: it is an editable draft again. */
export async function withdrawListing(db: Database, { id, issuer }: { id: string; issuer: string }) {
  await inTransaction(db, async (tx) => {
    const listing = await getOwnedListing(tx, { id, issuer, lock: true });
    if (listing.status !== "submitted") throw new ListingError("not_withdrawable");
    await tx.update(artworks).set({ status: "draft" }).where(eq(artworks.id, id));
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.withdraw",
      subjectType: "artwork",
      subjectId: id,
      before: { status: listing.status },
      after: { status: "draft" },
    });
  });
}

/**
 * Deletes a listing that was never approved (draft or returned) with its documents (cascade) and its files. An
 * approved listing is part of the record (metadata frozen, maybe on chain) and is never deleted.
 */
export async function deleteListing(
  db: Database,
  { id, issuer, storage }: { id: string; issuer: string; storage: FileStorage },
) {
  const listing = await inTransaction(db, async (tx) => {
    const row = await getOwnedListing(tx, { id, issuer, lock: true });
    if (!isEditable(row)) throw new ListingError("not_deletable");
    await tx.delete(artworks).where(eq(artworks.id, id));
    await writeAudit(tx, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "listing.delete",
      subjectType: "artwork",
      subjectId: id,
      before: { title: row.title, slug: row.slug, status: row.status, images: row.images.length },
      after: null,
    });
    return row;
  });
  await storage.deletePrefix(path.posix.join("artworks", listing.slug));
}

/** For reviewers (compliance, admin) only: any listing by id. */
export async function getListingById(db: Database, { id }: { id: string }): Promise<Artwork | null> {
  const [row] = await db.select().from(artworks).where(eq(artworks.id, id)).limit(1);
  return row ?? null;
}

/** Listings waiting for review, oldest first, with the issuer's name (its profile) for the reviewer. */
export async function listSubmittedListings(db: Database): Promise<(Artwork & { issuerName: string | null })[]> {
  const rows = await db
    .select({ listing: artworks, issuerName: profiles.displayName })
    .from(artworks)
    .leftJoin(profiles, eq(profiles.address, artworks.issuerAddress))
    .where(eq(artworks.status, "submitted"))
    .orderBy(asc(artworks.updatedAt));
  return rows.map((r) => ({ ...r.listing, issuerName: r.issuerName }));
}

/** The appraisal a reviewer weighs: the most recent by date (null when none was given). */
export function latestAppraisal(listing: Pick<Artwork, "appraisals">): Artwork["appraisals"][number] | null {
  return [...listing.appraisals].sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}

/** The bytes of a listing image (`/media/artworks/…`); a missing file fails like the read it replaces. */
async function readImage(storage: FileStorage, src: string): Promise<Buffer> {
  const bytes = await storage.get(src.replace(/^\/media\//, ""));
  if (!bytes) throw new Error(`listing image missing from the file store: ${src}`);
  return bytes;
}

/** The token metadata document (same shape as the seed's), frozen at approval; its SHA-256 goes on chain. */
export async function buildMetadata({ listing, storage }: { listing: Artwork; storage: FileStorage }) {
  const images = await Promise.all(
    listing.images.map(async (img) => ({
      path: img.src,
      sha256: sha256Hex(await readImage(storage, img.src)),
    })),
  );
  const metadata = {
    name: listing.title,
    artist: listing.artist,
    year: listing.year,
    medium: listing.medium,
    dimensions: listing.dimensions,
    custodian: listing.custodian,
    images,
  };
  return Buffer.from(JSON.stringify(metadata, null, 2));
}

export async function reviewListing(
  db: Database,
  {
    id,
    reviewer,
    reviewerRole,
    decision,
    comment,
    appOrigin,
    storage,
  }: {
    id: string;
    reviewer: string;
    reviewerRole: string;
    decision: "approve" | "return";
    comment: string | null;
    appOrigin: string;
    storage: FileStorage;
  },
) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ListingError("not_found");
  const [listing] = await db.select().from(artworks).where(eq(artworks.id, id)).limit(1);
  if (!listing) throw new ListingError("not_found");
  // A refused review decision by an officer or the admin is audited like the decision would have been.
  const refuse = async (code: "own_listing" | "not_reviewable"): Promise<never> => {
    await writeAudit(db, {
      actor: reviewer.toLowerCase(),
      actorRole: reviewerRole,
      action: `listing.${decision}.refused`,
      subjectType: "artwork",
      subjectId: id,
      before: { status: listing.status },
      after: { code },
    });
    throw new ListingError(code);
  };
  if (listing.issuerAddress === reviewer.toLowerCase()) await refuse("own_listing");
  if (listing.status !== "submitted") await refuse("not_reviewable");
  if (decision === "return" && !comment) throw new ListingError("comment_required");

  let set: Partial<Artwork> = { status: "returned", reviewComment: comment };
  if (decision === "approve") {
    const bytes = await buildMetadata({ listing, storage });
    const rel = path.posix.join("artworks", listing.slug, "metadata.json");
    await storage.put(rel, bytes, { contentType: "application/json" });
    set = {
      status: "approved",
      reviewComment: comment,
      metadataUri: `${appOrigin}/media/${rel}`,
      metadataHash: sha256Hex(bytes),
    };
  }
  await inTransaction(db, async (tx) => {
    // Only a listing still in review moves: two reviewers deciding at once record one decision.
    const moved = await tx
      .update(artworks)
      .set(set)
      .where(and(eq(artworks.id, id), eq(artworks.status, "submitted")))
      .returning({ id: artworks.id });
    if (moved.length === 0) throw new ListingError("not_reviewable");
    await writeAudit(tx, {
      actor: reviewer.toLowerCase(),
      actorRole: reviewerRole,
      action: decision === "approve" ? "listing.approve" : "listing.return",
      subjectType: "artwork",
      subjectId: id,
      before: { status: listing.status },
      after: { status: set.status, comment, metadataHash: set.metadataHash ?? null },
    });
  });
}

/**
 * Once its offering has sold out, ended or been closed (as read from the chain by the caller), an artwork
 * moves from "offering" to "trading". Update on read: whichever page sees it first records it, once.
 */
export async function settleTradingStatus(
  db: Database,
  { id, offeringStatus }: { id: string; offeringStatus: number | null },
): Promise<boolean> {
  if (offeringStatus === null || offeringStatus < OfferingStatus.SoldOut) return false;
  return inTransaction(db, async (tx) => {
    const moved = await tx
      .update(artworks)
      .set({ status: "trading" })
      .where(and(eq(artworks.id, id), eq(artworks.status, "offering")))
      .returning({ id: artworks.id });
    if (moved.length === 0) return false;
    await writeAudit(tx, {
      actor: "system",
      actorRole: "system",
      action: "listing.trading",
      subjectType: "artwork",
      subjectId: id,
      before: { status: "offering" },
      after: { status: "trading", offeringStatus },
    });
    return true;
  });
}
