import { sql } from "drizzle-orm";
import { artworkDocuments, artworkUpdates } from "@/lib/db/schema";

/**
 * SQL condition: this `artwork_documents` row is a listing document, not one attached to an update.
 * Update documents are shown with their update (and only once it is published), never in the listing's
 * own document list nor in its go-on-chain anchoring step.
 */
export const isListingDocument = sql`NOT EXISTS (SELECT 1 FROM ${artworkUpdates} WHERE ${artworkUpdates.artworkId} = ${artworkDocuments.artworkId} AND ${artworkUpdates.documentIds} @> jsonb_build_array(${artworkDocuments.id}::text))`;
