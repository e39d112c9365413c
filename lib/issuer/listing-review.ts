import "server-only";

/** The reviewer's side of listings (compliance, admin): the queue, the decision and the metadata it freezes. */
import type { FileStorage } from "@/lib/storage";
import { OfferingStatus } from "@/lib/catalogue/client";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type Artwork, artworks, profiles } from "@/lib/db/schema";
import { sha256Hex } from "@/lib/format/hash";
import { countRows, keysetPage, keysetSelect, timeKeyset, type Page, type PageCursor } from "@/lib/paging";
import { getCompanyOfWallet } from "@/lib/kyb";
import { emitListingReviewed } from "@/lib/notifications";
import { inTransaction, ListingError } from "./listing-core";

/** For reviewers (compliance, admin) only: any listing by id. */
export async function getListingById(db: Database, { id }: { id: string }): Promise<Artwork | null> {
  const [row] = await db.select().from(artworks).where(eq(artworks.id, id)).limit(1);
  return row ?? null;
}

/** Listings on one page of the review queue (each is shown in full, with its review form). */
export const REVIEW_PAGE = 10;

/**
 * The review queue's order: longest waiting first (by the last change, the submission), then the id, so equal times
 * neither skip nor repeat a listing between pages; served by artworks_status_idx.
 */
export const REVIEW_KEYSET = timeKeyset(artworks.updatedAt, artworks.id, "uuid", "asc");

/**
 * One page of the listings waiting for review, oldest first, with the issuer's name for the reviewer in `locale`: the
 * legal name of its approved issuer application (who compliance approved), else the wallet's display name.
 */
export async function listSubmittedListings(
  db: Database,
  { cursor = {}, size = REVIEW_PAGE, locale = "en" }: { cursor?: PageCursor; size?: number; locale?: string } = {},
): Promise<Page<Artwork & { issuerName: string | null }>> {
  const submitted = eq(artworks.status, "submitted");
  const page = await keysetPage(
    REVIEW_KEYSET,
    cursor,
    size,
    ({ where, orderBy, limit }) =>
      db
        .select({ ...keysetSelect(REVIEW_KEYSET), listing: artworks, issuerName: profiles.displayName })
        .from(artworks)
        .leftJoin(profiles, eq(profiles.address, artworks.issuerAddress))
        .where(and(submitted, where))
        .orderBy(...orderBy)
        .limit(limit),
    (extra) => countRows(db, artworks, and(submitted, extra)),
  );
  const rows = await Promise.all(
    page.rows.map(async (r) => {
      const company = await getCompanyOfWallet(db, { wallet: r.listing.issuerAddress });
      const legal =
        locale === "zh-HK"
          ? company?.legalNameZh || company?.legalNameEn
          : company?.legalNameEn || company?.legalNameZh;
      return { ...r.listing, issuerName: legal || r.issuerName };
    }),
  );
  return { ...page, rows };
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
    await emitListingReviewed(tx, {
      issuerAddress: listing.issuerAddress,
      artworkId: id,
      title: listing.title,
      titleZh: listing.titleZh,
      decision,
      comment,
      at: new Date(),
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
