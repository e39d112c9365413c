import "server-only";

import { randomBytes } from "node:crypto";
import path from "node:path";
import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { getAddress } from "viem";
import type { Database } from "@/lib/db/connect";
import {
  type Appraisal,
  type ArtworkDocument,
  artworkDocuments,
  artworks,
  type ArtworkUpdate,
  type ArtworkUpdateKind,
  artworkUpdates,
} from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit";
import type { FileStorage } from "@/lib/storage";
import type { ReadAnchors } from "./anchors";
import { checkPdf } from "./content";
import { getOwnedListing, inTransaction, ListingError } from "./listings";
import { UPDATE_LIMITS, updateDocumentKind, type UpdateInput } from "./update-validation";
import { documentOnChainName } from "./validation";
import { listingEntry } from "./listing-core";

/**
 * Issuer updates about a listed artwork. An update is written as a draft with its PDFs stored and hashed;
 * it is published — visible to investors, and a valuation appended to the artwork's appraisals — only when
 * `publishUpdate` has read every document's SHA-256 back from the token's on-chain registry. An update
 * without documents is published at once. Ownership is checked here, on every call.
 */

export type UpdateWithDocuments = ArtworkUpdate & { documents: ArtworkDocument[] };

/** The fields every view of an update shows (the investor's page and the issuer's console). */
export type UpdateViewFields = {
  id: string;
  kind: ArtworkUpdateKind;
  title: string;
  bodyMd: string;
  /** HKD cents (valuations). */
  value: string | null;
  appraiser: string | null;
  eventDate: string;
};

/** An update's fields as every view shows them. */
export const updateViewFields = (u: ArtworkUpdate): UpdateViewFields => ({
  id: u.id,
  kind: u.kind,
  title: u.title,
  bodyMd: u.bodyMd,
  value: u.value,
  appraiser: u.appraiser,
  eventDate: u.eventDate,
});

export async function createUpdate(
  db: Database,
  {
    id,
    issuer,
    input,
    files,
    storage,
  }: { id: string; issuer: string; input: UpdateInput; files: Uint8Array[]; storage: FileStorage },
): Promise<ArtworkUpdate> {
  const listing = await getOwnedListing(db, { id, issuer });
  if (!listing.tokenAddress) throw new ListingError("not_on_chain");
  if (files.length > UPDATE_LIMITS.documents) throw new ListingError("too_many_files");
  // Every file is checked before anything is stored.
  const checked = files.map((bytes) => {
    const c = checkPdf(bytes);
    if (!c.ok) throw new ListingError(c.reason);
    return { bytes, sha256: c.sha256 };
  });

  const kind = updateDocumentKind[input.kind];
  const stored: { name: string; rel: string; bytes: Uint8Array; sha256: string }[] = [];
  for (const file of checked) {
    const name = documentOnChainName(`u-${kind}`, randomBytes(4).toString("hex"));
    const rel = path.posix.join("artworks", listing.slug, `${name}.pdf`);
    await storage.put(rel, file.bytes, { contentType: "application/pdf" });
    stored.push({ name, rel, bytes: file.bytes, sha256: file.sha256 });
  }

  // The documents, the update and its audit entry (and, without documents, its publication) together or not at all.
  return inTransaction(db, async (tx) => {
    const documentIds: string[] = [];
    for (const [i, file] of stored.entries()) {
      const [doc] = await tx
        .insert(artworkDocuments)
        .values({
          artworkId: listing.id,
          name: file.name,
          title: stored.length > 1 ? `${input.title} (${i + 1}/${stored.length})` : input.title,
          kind,
          filePath: file.rel,
          mime: "application/pdf",
          sizeBytes: file.bytes.length,
          sha256: file.sha256,
        })
        .returning();
      documentIds.push(doc!.id);
    }
    const [row] = await tx
      .insert(artworkUpdates)
      .values({
        artworkId: listing.id,
        author: issuer.toLowerCase(),
        kind: input.kind,
        title: input.title,
        bodyMd: input.bodyMd,
        value: input.value,
        appraiser: input.appraiser,
        eventDate: input.eventDate,
        documentIds,
      })
      .returning();
    await writeAudit(
      tx,
      listingEntry(issuer, listing.id, "update.create", {
        after: {
          updateId: row!.id,
          kind: input.kind,
          title: input.title,
          value: input.value,
          documents: stored.map((c) => c.sha256),
        },
      }),
    );
    if (documentIds.length === 0) return markPublished(tx, { update: row!, issuer, txHash: null });
    return row!;
  });
}

/** This issuer's update by id, with its documents (another issuer's is "not_found"). */
export async function getOwnedUpdate(
  db: Database,
  { id, issuer }: { id: string; issuer: string },
): Promise<{ update: UpdateWithDocuments; tokenAddress: string | null }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ListingError("not_found");
  const [found] = await db
    .select({ update: artworkUpdates, issuerAddress: artworks.issuerAddress, tokenAddress: artworks.tokenAddress })
    .from(artworkUpdates)
    .innerJoin(artworks, eq(artworks.id, artworkUpdates.artworkId))
    .where(eq(artworkUpdates.id, id))
    .limit(1);
  if (!found || found.issuerAddress !== issuer.toLowerCase()) throw new ListingError("not_found");
  const [withDocs] = await attachDocuments(db, [found.update]);
  return { update: withDocs!, tokenAddress: found.tokenAddress };
}

/**
 * Publishes an update once the chain agrees: every document's anchored hash equals its stored SHA-256.
 * `readAnchors` reads the token's registry (a chain reader in the app, a stub in unit tests). Idempotent.
 */
export async function publishUpdate(
  db: Database,
  { id, issuer, readAnchors }: { id: string; issuer: string; readAnchors: ReadAnchors },
): Promise<ArtworkUpdate> {
  const { update, tokenAddress } = await getOwnedUpdate(db, { id, issuer });
  if (update.publishedAt) return update;
  if (!tokenAddress) throw new ListingError("not_on_chain");
  const anchors = await readAnchors(
    getAddress(tokenAddress),
    update.documents.map((d) => d.name),
  );
  const allAnchored = update.documents.every((d, i) => anchors[i]?.hash.toLowerCase() === d.sha256.toLowerCase());
  if (!allAnchored) throw new ListingError("not_anchored");
  const txHash =
    anchors
      .map((a) => a.txHash)
      .filter((h): h is `0x${string}` => !!h)
      .at(-1) ?? null;
  return markPublished(db, { update, issuer, txHash: txHash?.toLowerCase() ?? null });
}

async function markPublished(db: Database, args: { update: ArtworkUpdate; issuer: string; txHash: string | null }) {
  return inTransaction(db, (tx) => markPublishedIn(tx, args));
}

async function markPublishedIn(
  db: Database,
  { update, issuer, txHash }: { update: ArtworkUpdate; issuer: string; txHash: string | null },
) {
  // Conditional on "not yet published", so two concurrent calls append one appraisal, not two.
  const [published] = await db
    .update(artworkUpdates)
    .set({ publishedAt: new Date(), txHash })
    .where(and(eq(artworkUpdates.id, update.id), isNull(artworkUpdates.publishedAt)))
    .returning();
  if (!published) {
    const [current] = await db.select().from(artworkUpdates).where(eq(artworkUpdates.id, update.id)).limit(1);
    return current!;
  }
  if (published.kind === "valuation" && published.value && published.appraiser) {
    const appraisal: Appraisal = { date: published.eventDate, value: published.value, appraiser: published.appraiser };
    await db
      .update(artworks)
      .set({ appraisals: sql`${artworks.appraisals} || ${JSON.stringify([appraisal])}::jsonb` })
      .where(eq(artworks.id, published.artworkId));
  }
  await writeAudit(
    db,
    listingEntry(issuer, published.artworkId, "update.publish", {
      after: {
        updateId: published.id,
        kind: published.kind,
        value: published.value,
        documentIds: published.documentIds,
      },
      txHash,
    }),
  );
  return published;
}

async function attachDocuments(db: Database, updates: ArtworkUpdate[]): Promise<UpdateWithDocuments[]> {
  const ids = updates.flatMap((u) => u.documentIds);
  const docs = ids.length ? await db.select().from(artworkDocuments).where(inArray(artworkDocuments.id, ids)) : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  return updates.map((u) => ({
    ...u,
    documents: u.documentIds.map((d) => byId.get(d)).filter((d): d is ArtworkDocument => !!d),
  }));
}

/** Every update of an artwork (drafts included), newest first: for its issuer's console. */
export async function listArtworkUpdates(
  db: Database,
  { artworkId }: { artworkId: string },
): Promise<UpdateWithDocuments[]> {
  return listUpdates(db, eq(artworkUpdates.artworkId, artworkId), [desc(artworkUpdates.createdAt)]);
}

/** Published updates only, newest first (by the date they report, then by publication): for investors. */
export async function listPublishedUpdates(
  db: Database,
  { artworkId }: { artworkId: string },
): Promise<UpdateWithDocuments[]> {
  return listUpdates(db, and(eq(artworkUpdates.artworkId, artworkId), isNotNull(artworkUpdates.publishedAt)), [
    desc(artworkUpdates.eventDate),
    desc(artworkUpdates.publishedAt),
  ]);
}

/** The updates matching `where`, in `order`, each with its documents. */
async function listUpdates(db: Database, where: SQL | undefined, order: SQL[]): Promise<UpdateWithDocuments[]> {
  const rows = await db
    .select()
    .from(artworkUpdates)
    .where(where)
    .orderBy(...order);
  return attachDocuments(db, rows);
}
