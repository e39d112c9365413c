import "server-only";

import { randomBytes } from "node:crypto";
import type { FileStorage } from "@/lib/storage";
import path from "node:path";
import { desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { type Artwork, artworks, offerings } from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit";
import {
  getOwnedListing,
  inTransaction,
  isEditable,
  ListingError,
  type ListingErrorCode,
  listingEntry,
} from "./listing-core";
import { type ListingInput, slugify } from "./validation";

/**
 * Issuer listings in the database: create, edit, files, submit, review. Every function that changes a
 * listing takes the acting wallet and checks ownership itself (a server action is a public endpoint):
 * another issuer's listing is reported as "not_found", so its existence is not revealed.
 *
 * This file: a listing's own fields and status; `listing-core.ts` the refusals and the ownership check,
 * `listing-files.ts` its images and documents, `listing-review.ts` the reviewer's side.
 */
export {
  getListingDocuments,
  getOwnedListing,
  inTransaction,
  isEditable,
  ListingError,
  type ListingErrorCode,
} from "./listing-core";
export { addListingDocument, addListingImage, removeListingDocument, removeListingImage } from "./listing-files";
export {
  buildMetadata,
  getListingById,
  latestAppraisal,
  listSubmittedListings,
  REVIEW_KEYSET,
  REVIEW_PAGE,
  reviewListing,
  settleTradingStatus,
} from "./listing-review";

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
    await writeAudit(
      tx,
      listingEntry(issuer, row!.id, "listing.create", {
        after: { slug, title: input.title },
      }),
    );
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
    await writeAudit(
      tx,
      listingEntry(issuer, id, "listing.update", {
        before: { title: before.title, status: before.status },
        after: { title: input.title },
      }),
    );
    return row!;
  });
}

/** Moves the issuer's listing to status `to`, audited as `action`, unless `refusal` names why it may not move. */
async function moveListing(
  db: Database,
  { id, issuer }: { id: string; issuer: string },
  { to, action, refusal }: { to: Artwork["status"]; action: string; refusal: (l: Artwork) => ListingErrorCode | null },
) {
  await inTransaction(db, async (tx) => {
    const listing = await getOwnedListing(tx, { id, issuer, lock: true });
    const refused = refusal(listing);
    if (refused) throw new ListingError(refused);
    await tx.update(artworks).set({ status: to }).where(eq(artworks.id, id));
    await writeAudit(
      tx,
      listingEntry(issuer, id, action, { before: { status: listing.status }, after: { status: to } }),
    );
  });
}

export async function submitListing(db: Database, { id, issuer }: { id: string; issuer: string }) {
  await moveListing(
    db,
    { id, issuer },
    {
      to: "submitted",
      action: "listing.submit",
      refusal: (l) => (!isEditable(l) ? "not_submittable" : l.images.length === 0 ? "needs_image" : null),
    },
  );
}

/** The issuer takes a listing back out of review before any decision: it is an editable draft again. */
export async function withdrawListing(db: Database, { id, issuer }: { id: string; issuer: string }) {
  await moveListing(
    db,
    { id, issuer },
    {
      to: "draft",
      action: "listing.withdraw",
      refusal: (l) => (l.status !== "submitted" ? "not_withdrawable" : null),
    },
  );
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
    await writeAudit(
      tx,
      listingEntry(issuer, id, "listing.delete", {
        before: { title: row.title, slug: row.slug, status: row.status, images: row.images.length },
        after: null,
      }),
    );
    return row;
  });
  await storage.deletePrefix(path.posix.join("artworks", listing.slug));
}
