/** Artworks, their documents and updates, offerings and listing transactions. */
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  addressChecks,
  bytes32Check,
  isBytes32,
  timestamptz,
  createdAt,
  uuidId,
  ownedRow,
  storedFile,
  timestamps,
  blockNumber,
} from "./columns";
import { artworkUpdateKinds, documentKinds } from "./kinds";

export { artworkUpdateKinds, documentKinds, type ArtworkUpdateKind, type DocumentKind } from "./kinds";

export const artworkStatuses = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "deployed",
  "offering",
  "trading",
] as const;
export type ArtworkStatus = (typeof artworkStatuses)[number];
export const artworkStatus = pgEnum("artwork_status", artworkStatuses);

export const documentKind = pgEnum("document_kind", documentKinds);

// ---------------------------------------------------------------------------------------------
// Artworks

export type ProvenanceEntry = { year: number; event: string };
/** `value` is HKD cents as a decimal string. */
export type Appraisal = { date: string; value: string; appraiser: string };
export type ArtworkImage = { src: string; alt: string; width: number; height: number };

export const artworks = pgTable(
  "artworks",
  {
    id: uuidId(),
    slug: text("slug").notNull().unique(),
    issuerAddress: text("issuer_address").notNull(),
    title: text("title").notNull(),
    titleZh: text("title_zh"),
    artist: text("artist").notNull(),
    artistBorn: integer("artist_born"),
    artistDied: integer("artist_died"),
    artistBio: text("artist_bio"),
    year: integer("year"),
    medium: text("medium"),
    dimensions: text("dimensions"),
    descriptionMd: text("description_md").notNull().default(""),
    descriptionZh: text("description_zh"),
    storyMd: text("story_md"),
    storyZh: text("story_zh"),
    conditionReport: text("condition_report"),
    custodian: text("custodian"),
    custodianLocation: text("custodian_location"),
    insurer: text("insurer"),
    /** HKD cents. */
    insuredValue: numeric("insured_value"),
    provenance: jsonb("provenance").$type<ProvenanceEntry[]>().notNull().default([]),
    appraisals: jsonb("appraisals").$type<Appraisal[]>().notNull().default([]),
    images: jsonb("images").$type<ArtworkImage[]>().notNull().default([]),
    status: artworkStatus("status").notNull().default("draft"),
    reviewComment: text("review_comment"),
    tokenAddress: text("token_address").unique(),
    metadataUri: text("metadata_uri"),
    metadataHash: text("metadata_hash"),
    ...timestamps(),
  },
  (t) => [
    // By status; the listing review queue a keyset page at a time, oldest first (lib/issuer/listing-review.ts).
    index("artworks_status_idx").on(t.status, t.updatedAt, t.id),
    index("artworks_issuer_address_idx").on(t.issuerAddress),
    ...addressChecks("artworks", t.issuerAddress, t.tokenAddress),
  ],
);
export type Artwork = InferSelectModel<typeof artworks>;
export type NewArtwork = InferInsertModel<typeof artworks>;

export const artworkDocuments = pgTable(
  "artwork_documents",
  {
    ...ownedRow("artworkId", "artwork_id", () => artworks.id),
    /** The on-chain document name (bytes32 as text), e.g. "appraisal-2026". */
    name: text("name").notNull(),
    title: text("title").notNull(),
    kind: documentKind("kind").notNull(),
    /** Relative to `${DATA_DIR}/files`; the SHA-256 is of the file content. */
    ...storedFile(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("artwork_documents_artwork_name_idx").on(t.artworkId, t.name),
    check("artwork_documents_sha256_format", isBytes32(t.sha256)),
  ],
);
export type ArtworkDocument = InferSelectModel<typeof artworkDocuments>;

/** Offering terms live on chain; this only links an artwork to its on-chain offering id. */
export const offerings = pgTable(
  "offerings",
  {
    ...ownedRow("artworkId", "artwork_id", () => artworks.id),
    onChainId: numeric("on_chain_id").unique(),
    createdAt: createdAt(),
  },
  (t) => [index("offerings_artwork_id_idx").on(t.artworkId)],
);
export type Offering = InferSelectModel<typeof offerings>;

export const listingTxKinds = ["deploy", "anchor", "offering", "close", "withdraw", "update_anchor"] as const;
export type ListingTxKind = (typeof listingTxKinds)[number];
export const listingTxKind = pgEnum("listing_tx_kind", listingTxKinds);
export const listingTxStatuses = ["pending", "confirmed", "failed"] as const;
export type ListingTxStatus = (typeof listingTxStatuses)[number];
export const listingTxStatus = pgEnum("listing_tx_status", listingTxStatuses);

/**
 * Transactions the issuer console started from the issuer's wallet, one row per hash. A deploy or an offering
 * is recorded as `pending` as soon as the wallet returns its hash (so a reload, or another tab, waits for it
 * instead of sending a second one); every step is `confirmed` only after the server has read and decoded its
 * receipt. `failed` says why (reverted, dropped, replaced). Workflow state only: the chain stays the truth.
 */
export const listingTransactions = pgTable(
  "listing_transactions",
  {
    ...ownedRow("artworkId", "artwork_id", () => artworks.id),
    kind: listingTxKind("kind").notNull(),
    txHash: text("tx_hash").notNull().unique(),
    sender: text("sender").notNull(),
    status: listingTxStatus("status").notNull().default("pending"),
    /** Why a transaction failed: "reverted" | "dropped" | "replaced" | a verification code. */
    failure: text("failure"),
    /** The sender's nonce for this transaction, when the node showed it (detects a replaced transaction). */
    nonce: integer("nonce"),
    blockNumber: blockNumber(),
    /** The decoded call's summary (token, offering id, document id, amount…), as audited. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    settledAt: timestamptz("settled_at"),
  },
  (t) => [
    index("listing_transactions_artwork_idx").on(t.artworkId, t.kind),
    // At most one deploy and one offering waiting per listing.
    uniqueIndex("listing_transactions_one_pending_idx")
      .on(t.artworkId, t.kind)
      .where(sql`${t.status} = 'pending'`),
    ...addressChecks("listing_transactions", t.sender),
    check("listing_transactions_tx_hash_format", isBytes32(t.txHash)),
  ],
);
export type ListingTransaction = InferSelectModel<typeof listingTransactions>;

// ---------------------------------------------------------------------------------------------
// Artwork updates (issue 7: an issuer's valuation, condition, exhibition and custody updates)

export const artworkUpdateKind = pgEnum("artwork_update_kind", artworkUpdateKinds);

/**
 * An update an issuer publishes about a listed artwork. Its PDFs are rows of `artwork_documents`
 * (listed in `document_ids`); it is visible to investors only once `published_at` is set, which happens
 * only after the server has read each document's SHA-256 back from the token's on-chain registry.
 */
export const artworkUpdates = pgTable(
  "artwork_updates",
  {
    ...ownedRow("artworkId", "artwork_id", () => artworks.id),
    /** The issuer wallet that wrote it (lowercase). */
    author: text("author").notNull(),
    kind: artworkUpdateKind("kind").notNull(),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    /** Valuations only: HKD cents, and who appraised. */
    value: numeric("value"),
    appraiser: text("appraiser"),
    /** The date the update is about (valuation date, exhibition opening, custody change…). */
    eventDate: date("event_date", { mode: "string" }).notNull(),
    /** `artwork_documents.id`s of this update's PDFs, in upload order. */
    documentIds: jsonb("document_ids").$type<string[]>().notNull().default([]),
    /** The last anchoring transaction (setDocument), when there were documents. */
    txHash: text("tx_hash"),
    publishedAt: timestamptz("published_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("artwork_updates_artwork_published_idx").on(t.artworkId, t.publishedAt),
    ...addressChecks("artwork_updates", t.author),
    check("artwork_updates_valuation_value", sql`(${t.kind} = 'valuation') = (${t.value} IS NOT NULL)`),
    bytes32Check("artwork_updates_tx_hash_format", t.txHash),
  ],
);
export type ArtworkUpdate = InferSelectModel<typeof artworkUpdates>;
