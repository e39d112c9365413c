/**
 * Database schema (Drizzle, pg-core). Plain module: scripts and drizzle-kit import it.
 *
 * Conventions: snake_case columns; timestamps with time zone; addresses as lowercase 0x hex text;
 * token amounts and money as numeric (read as strings) — money in HKD cents.
 * Balances and eligibility live on chain and are never stored here as a second truth.
 */
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** SQL check that an address column holds lowercase 0x hex (nullable columns pass when NULL). */
const addressCheck = (name: string, column: AnyPgColumn) =>
  check(name, sql`${column} IS NULL OR ${column} ~ '^0x[0-9a-f]{40}$'`);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => timestamptz("created_at").notNull().defaultNow();
const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------------------------------------
// Enums

export const investorCategories = ["retail", "professional", "institutional"] as const;
export type InvestorCategory = (typeof investorCategories)[number];
export const investorCategory = pgEnum("investor_category", investorCategories);

export const kycStatuses = [
  "draft",
  "submitted",
  "in_review",
  "needs_information",
  "approved",
  "rejected",
  "expired",
] as const;
export type KycStatus = (typeof kycStatuses)[number];
export const kycStatus = pgEnum("kyc_status", kycStatuses);

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

export const documentKinds = [
  "appraisal",
  "condition",
  "insurance",
  "custody",
  "provenance",
  "prospectus",
  "other",
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKind = pgEnum("document_kind", documentKinds);

// ---------------------------------------------------------------------------------------------
// Sign-in and sessions (sessions themselves are stateless signed cookies)

export const siweNonces = pgTable(
  "siwe_nonces",
  {
    nonce: text("nonce").primaryKey(),
    /** Set when the nonce is bound to a wallet at issue time, or recorded when it is used. */
    address: text("address"),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => [
    index("siwe_nonces_expires_at_idx").on(t.expiresAt),
    addressCheck("siwe_nonces_address_format", t.address),
  ],
);
export type SiweNonce = InferSelectModel<typeof siweNonces>;

/** Signed-out sessions: a cookie whose jti is here is refused until it would have expired anyway. */
export const sessionRevocations = pgTable(
  "session_revocations",
  {
    jti: text("jti").primaryKey(),
    revokedAt: timestamptz("revoked_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [index("session_revocations_expires_at_idx").on(t.expiresAt)],
);
export type SessionRevocation = InferSelectModel<typeof sessionRevocations>;

// ---------------------------------------------------------------------------------------------
// People

/** People known to the portal by wallet (staff display names, preferences). */
export const profiles = pgTable(
  "profiles",
  {
    address: text("address").primaryKey(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [addressCheck("profiles_address_format", t.address)],
);
export type Profile = InferSelectModel<typeof profiles>;

/**
 * An investor (a person or an entity). Identity fields are nullable while onboarding is a draft;
 * submission validates them. `onChainId` is the opaque bytes32 used in the IdentityRegistry.
 */
export const investors = pgTable(
  "investors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    onChainId: text("on_chain_id").unique(),
    legalName: text("legal_name"),
    email: text("email"),
    /** ISO 3166-1 alpha-2. */
    nationality: char("nationality", { length: 2 }),
    /** ISO 3166-1 alpha-2. */
    residence: char("residence", { length: 2 }),
    /** ISO 3166-1 numeric, as registered on chain. */
    residenceNumeric: smallint("residence_numeric"),
    category: investorCategory("category"),
    kycStatus: kycStatus("kyc_status").notNull().default("draft"),
    kycApprovedAt: timestamptz("kyc_approved_at"),
    kycExpiresAt: timestamptz("kyc_expires_at"),
    rejectionReason: text("rejection_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("investors_kyc_status_idx").on(t.kycStatus),
    check(
      "investors_on_chain_id_format",
      sql`${t.onChainId} IS NULL OR ${t.onChainId} ~ '^0x[0-9a-f]{64}$'`,
    ),
  ],
);
export type Investor = InferSelectModel<typeof investors>;
export type NewInvestor = InferInsertModel<typeof investors>;

/** Wallets linked to an investor (several wallets may belong to one investor). */
export const investorWallets = pgTable(
  "investor_wallets",
  {
    address: text("address").primaryKey(),
    investorId: uuid("investor_id")
      .notNull()
      .references(() => investors.id, { onDelete: "cascade" }),
    linkedAt: timestamptz("linked_at").notNull().defaultNow(),
    isPrimary: boolean("is_primary").notNull().default(false),
  },
  (t) => [
    index("investor_wallets_investor_id_idx").on(t.investorId),
    uniqueIndex("investor_wallets_one_primary_idx")
      .on(t.investorId)
      .where(sql`${t.isPrimary}`),
    addressCheck("investor_wallets_address_format", t.address),
  ],
);
export type InvestorWallet = InferSelectModel<typeof investorWallets>;

// ---------------------------------------------------------------------------------------------
// Artworks

export type ProvenanceEntry = { year: number; event: string };
/** `value` is HKD cents as a decimal string. */
export type Appraisal = { date: string; value: string; appraiser: string };
export type ArtworkImage = { src: string; alt: string; width: number; height: number };

export const artworks = pgTable(
  "artworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("artworks_status_idx").on(t.status),
    index("artworks_issuer_address_idx").on(t.issuerAddress),
    addressCheck("artworks_issuer_address_format", t.issuerAddress),
    addressCheck("artworks_token_address_format", t.tokenAddress),
  ],
);
export type Artwork = InferSelectModel<typeof artworks>;
export type NewArtwork = InferInsertModel<typeof artworks>;

export const artworkDocuments = pgTable(
  "artwork_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    artworkId: uuid("artwork_id")
      .notNull()
      .references(() => artworks.id, { onDelete: "cascade" }),
    /** The on-chain document name (bytes32 as text), e.g. "appraisal-2026". */
    name: text("name").notNull(),
    title: text("title").notNull(),
    kind: documentKind("kind").notNull(),
    /** Relative to `${DATA_DIR}/files`. */
    filePath: text("file_path").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** 0x-prefixed hex SHA-256 of the file content. */
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("artwork_documents_artwork_name_idx").on(t.artworkId, t.name),
    check("artwork_documents_sha256_format", sql`${t.sha256} ~ '^0x[0-9a-f]{64}$'`),
  ],
);
export type ArtworkDocument = InferSelectModel<typeof artworkDocuments>;

/** Offering terms live on chain; this only links an artwork to its on-chain offering id. */
export const offerings = pgTable(
  "offerings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    artworkId: uuid("artwork_id")
      .notNull()
      .references(() => artworks.id, { onDelete: "cascade" }),
    onChainId: numeric("on_chain_id").unique(),
    createdAt: createdAt(),
  },
  (t) => [index("offerings_artwork_id_idx").on(t.artworkId)],
);
export type Offering = InferSelectModel<typeof offerings>;

// ---------------------------------------------------------------------------------------------
// Audit and indexer

/** Append-only, hash-chained. Write only through `lib/audit`. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamptz("at").notNull(),
    /** Lowercase address or "system". */
    actor: text("actor").notNull(),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    txHash: text("tx_hash"),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_log_actor_idx").on(t.actor),
    index("audit_log_at_idx").on(t.at),
  ],
);
export type AuditLogEntry = InferSelectModel<typeof auditLog>;

export const indexerCursor = pgTable("indexer_cursor", {
  name: text("name").primaryKey(),
  blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
  blockHash: text("block_hash").notNull(),
  updatedAt: updatedAt(),
});
export type IndexerCursor = InferSelectModel<typeof indexerCursor>;
