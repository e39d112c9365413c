import "server-only";

/** What every listing function shares: its refusals, the ownership check and the one-transaction rule (`listings.ts`). */
import { and, asc, eq } from "drizzle-orm";
import { ActionError } from "@/lib/actions/errors";
import type { AuditInput } from "@/lib/audit";
import type { TxRefusal } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { rowsWhere } from "@/lib/db/rows";
import { type Artwork, type ArtworkDocument, artworkDocuments, artworks } from "@/lib/db/schema";
import type { UploadRefusal } from "./content";
import { isListingDocument } from "./update-documents";

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

export const getListingDocuments = (db: Database, { artworkId }: { artworkId: string }): Promise<ArtworkDocument[]> =>
  rowsWhere(
    db,
    artworkDocuments,
    and(eq(artworkDocuments.artworkId, artworkId), isListingDocument),
    asc(artworkDocuments.createdAt),
  );

/** The audit entry of a change to a listing, made by its issuer's wallet. */
export function listingEntry(
  issuer: string,
  artworkId: string,
  action: string,
  change: Pick<AuditInput, "before" | "after" | "txHash"> = {},
): AuditInput {
  return {
    actor: issuer.toLowerCase(),
    actorRole: "issuer",
    action,
    subjectType: "artwork",
    subjectId: artworkId,
    ...change,
  };
}
