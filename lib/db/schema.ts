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
  date,
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
  (t) => [index("siwe_nonces_expires_at_idx").on(t.expiresAt), addressCheck("siwe_nonces_address_format", t.address)],
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

/** "Sign out everywhere": every session of the wallet issued up to `signed_out_at` is refused. */
export const sessionSignOuts = pgTable(
  "session_sign_outs",
  {
    address: text("address").primaryKey(),
    signedOutAt: timestamptz("signed_out_at").notNull(),
  },
  (t) => [addressCheck("session_sign_outs_address_format", t.address)],
);
export type SessionSignOut = InferSelectModel<typeof sessionSignOuts>;

/**
 * Rate-limit windows (owned by lib/rate-limit): one fixed window per key such as `signIn:ip:203.0.113.9`,
 * shared by every instance. Rows whose window has ended are removed by housekeeping.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    resetAt: timestamptz("reset_at").notNull(),
  },
  (t) => [index("rate_limits_reset_at_idx").on(t.resetAt)],
);
export type RateLimit = InferSelectModel<typeof rateLimits>;

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
    check("investors_on_chain_id_format", sql`${t.onChainId} IS NULL OR ${t.onChainId} ~ '^0x[0-9a-f]{64}$'`),
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
    id: uuid("id").primaryKey().defaultRandom(),
    artworkId: uuid("artwork_id")
      .notNull()
      .references(() => artworks.id, { onDelete: "cascade" }),
    kind: listingTxKind("kind").notNull(),
    txHash: text("tx_hash").notNull().unique(),
    sender: text("sender").notNull(),
    status: listingTxStatus("status").notNull().default("pending"),
    /** Why a transaction failed: "reverted" | "dropped" | "replaced" | a verification code. */
    failure: text("failure"),
    /** The sender's nonce for this transaction, when the node showed it (detects a replaced transaction). */
    nonce: integer("nonce"),
    blockNumber: bigint("block_number", { mode: "bigint" }),
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
    addressCheck("listing_transactions_sender_format", t.sender),
    check("listing_transactions_tx_hash_format", sql`${t.txHash} ~ '^0x[0-9a-f]{64}$'`),
  ],
);
export type ListingTransaction = InferSelectModel<typeof listingTransactions>;

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
    // The action filter, and the list of actions read by skipping along it.
    index("audit_log_action_idx").on(t.action),
    // "Is this transaction audited?" (agent post-back, audit reconciliation after each indexer batch).
    index("audit_log_tx_idx").on(sql`lower(${t.txHash})`),
  ],
);
export type AuditLogEntry = InferSelectModel<typeof auditLog>;

/**
 * Points up to which the audit chain was verified: the entry's id and hash, and how many entries the chain held
 * through it. The audit page verifies only what follows the newest checkpoint (after checking that entry still
 * has its hash); a full walk from the first entry (`full`) runs in housekeeping once a day and on demand.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  throughId: bigint("through_id", { mode: "number" }).notNull().unique(),
  hash: text("hash").notNull(),
  count: bigint("count", { mode: "number" }).notNull(),
  full: boolean("full").notNull().default(false),
  at: timestamptz("at").notNull().defaultNow(),
});
export type AuditCheckpoint = InferSelectModel<typeof auditCheckpoints>;

/**
 * Every walk of the whole audit chain from its first entry, intact or not (owned by lib/audit). A broken chain is
 * recorded too, so that housekeeping does not re-walk it on every tick and the audit page can say what the last
 * whole walk found, even when the newer entries verify.
 */
export const auditWalks = pgTable("audit_walks", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamptz("at").notNull().defaultNow(),
  ok: boolean("ok").notNull(),
  count: bigint("count", { mode: "number" }).notNull(),
  brokenAtId: bigint("broken_at_id", { mode: "number" }),
  reason: text("reason"),
});
export type AuditWalk = InferSelectModel<typeof auditWalks>;

export const indexerCursor = pgTable("indexer_cursor", {
  name: text("name").primaryKey(),
  blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
  blockHash: text("block_hash").notNull(),
  /**
   * The indexer's event set this cursor reads (`INDEXER_EVENTS_VERSION` in lib/indexer/projections.ts). A row written before
   * a version added events (the default, 1) gets a one-time re-scan of its history: `backfill_cursor` walks
   * from the start block to `backfill_to` (the cursor at the upgrade); both are NULL when none is pending.
   */
  eventsVersion: integer("events_version").notNull().default(1),
  backfillTo: bigint("backfill_to", { mode: "bigint" }),
  backfillCursor: bigint("backfill_cursor", { mode: "bigint" }),
  /** Audit reconciliation (lib/compliance/reconcile.ts): every agent transaction up to this block is audited. */
  reconciledBlock: bigint("reconciled_block", { mode: "bigint" }),
  updatedAt: updatedAt(),
});
export type IndexerCursor = InferSelectModel<typeof indexerCursor>;

/**
 * Each projection's progress (lib/indexer/projection.ts), per indexer cursor: the version its rows were built by and,
 * while one is pending, its own backfill from `chain_events` (`backfill_cursor` walks from the start block to
 * `backfill_to`, the live cursor when it began; both NULL when none is pending). A projection without a row, or
 * with another version, backfills alone.
 */
export const indexerProjections = pgTable(
  "indexer_projections",
  {
    indexer: text("indexer").notNull(),
    projection: text("projection").notNull(),
    version: integer("version").notNull(),
    backfillTo: bigint("backfill_to", { mode: "bigint" }),
    backfillCursor: bigint("backfill_cursor", { mode: "bigint" }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("indexer_projections_pk").on(t.indexer, t.projection)],
);
export type IndexerProjectionRow = InferSelectModel<typeof indexerProjections>;

// ---------------------------------------------------------------------------------------------
// Indexer projections (secondary market issue). Written only by `lib/indexer`; every row can be rebuilt
// from the chain, and rows of blocks that a reorg removed are rolled back. Amounts are base units as
// numeric: shares are whole units, prices and fees are payment-token base units (6 decimals).

/** Every event the indexer records, once per (transaction hash, log index). */
export const chainEvents = pgTable(
  "chain_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    blockHash: text("block_hash").notNull(),
    blockTime: timestamptz("block_time").notNull(),
    txHash: text("tx_hash").notNull(),
    logIndex: integer("log_index").notNull(),
    /** Emitting contract (lowercase). */
    contract: text("contract").notNull(),
    eventName: text("event_name").notNull(),
    /** Decoded arguments; bigints as decimal strings, addresses lowercase. */
    args: jsonb("args").$type<Record<string, string | number | boolean>>().notNull(),
    /** The share token concerned, when there is one (Transfer, OrderPlaced). */
    token: text("token"),
    /** Market order id for OrderPlaced / OrderFilled / OrderCancelled. */
    orderId: numeric("order_id"),
  },
  (t) => [
    uniqueIndex("chain_events_tx_log_idx").on(t.txHash, t.logIndex),
    index("chain_events_block_idx").on(t.blockNumber),
    index("chain_events_name_token_idx").on(t.eventName, t.token),
    index("chain_events_order_idx").on(t.orderId),
    addressCheck("chain_events_contract_format", t.contract),
    addressCheck("chain_events_token_format", t.token),
  ],
);
export type ChainEvent = InferSelectModel<typeof chainEvents>;

/**
 * A share token's register state as the chain reported it at the end of a block in which one of the token's own
 * events touched it, read by the indexer at that block (`lib/compliance/token-states.ts`). A read of the contract's own
 * views, not a recomputation: the register at a past block is the latest row of each wallet up to that block.
 */
export const tokenWalletStates = pgTable(
  "token_wallet_states",
  {
    token: text("token").notNull(),
    wallet: text("wallet").notNull(),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    balance: numeric("balance").notNull(),
    frozen: boolean("frozen").notNull(),
    frozenAmount: numeric("frozen_amount").notNull(),
    /** The running lock-up lots at that block: [shares, release (unix seconds)] as decimal strings. */
    lots: jsonb("lots").$type<[string, string][]>().notNull(),
    /** The investor id the balance is accounted to (bytes32 hex, lowercase; zero while the wallet holds nothing). */
    investorId: text("investor_id").notNull(),
  },
  (t) => [
    uniqueIndex("token_wallet_states_pk").on(t.token, t.wallet, t.blockNumber),
    index("token_wallet_states_block_idx").on(t.blockNumber),
    addressCheck("token_wallet_states_token_format", t.token),
    addressCheck("token_wallet_states_wallet_format", t.wallet),
  ],
);
export type TokenWalletState = InferSelectModel<typeof tokenWalletStates>;

/** A share token's header (supply, holder counts, pause, holder limit) at the end of a block with its events. */
export const tokenStates = pgTable(
  "token_states",
  {
    token: text("token").notNull(),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    totalSupply: numeric("total_supply").notNull(),
    holderCount: integer("holder_count").notNull(),
    holderWalletCount: integer("holder_wallet_count").notNull(),
    paused: boolean("paused").notNull(),
    maxHolders: integer("max_holders").notNull(),
  },
  (t) => [
    uniqueIndex("token_states_pk").on(t.token, t.blockNumber),
    index("token_states_block_idx").on(t.blockNumber),
    addressCheck("token_states_token_format", t.token),
  ],
);
export type TokenState = InferSelectModel<typeof tokenStates>;

/** Hashes of recently indexed blocks: a reorg shows as a stored hash that the chain no longer has. */
export const indexerBlocks = pgTable(
  "indexer_blocks",
  {
    name: text("name").notNull(),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    blockHash: text("block_hash").notNull(),
  },
  (t) => [uniqueIndex("indexer_blocks_pk").on(t.name, t.blockNumber)],
);

export const marketOrderSides = ["ask", "bid"] as const;
export type MarketOrderSide = (typeof marketOrderSides)[number];
export const marketOrderStatuses = ["open", "filled", "cancelled"] as const;
export type MarketOrderStatus = (typeof marketOrderStatuses)[number];

/** Market orders as the events left them (a projection of chain_events). */
export const marketOrders = pgTable(
  "market_orders",
  {
    orderId: numeric("order_id").primaryKey(),
    token: text("token").notNull(),
    maker: text("maker").notNull(),
    side: text("side", { enum: marketOrderSides }).notNull(),
    price: numeric("price").notNull(),
    size: numeric("size").notNull(),
    filled: numeric("filled").notNull(),
    cancelled: numeric("cancelled").notNull(),
    status: text("status", { enum: marketOrderStatuses }).notNull(),
    placedBlock: bigint("placed_block", { mode: "bigint" }).notNull(),
    placedTx: text("placed_tx").notNull(),
    placedAt: timestamptz("placed_at").notNull(),
    /** When the order stops being fillable (the Market's `expiresAt`); null for orders placed before expiry existed. */
    expiresAt: timestamptz("expires_at"),
  },
  (t) => [
    index("market_orders_token_status_idx").on(t.token, t.status),
    index("market_orders_maker_status_idx").on(t.maker, t.status),
    addressCheck("market_orders_token_format", t.token),
    addressCheck("market_orders_maker_format", t.maker),
  ],
);
export type MarketOrder = InferSelectModel<typeof marketOrders>;

/** One row per OrderFilled: who bought from whom, how many shares, at what price, and the taker's fee. */
export const marketTrades = pgTable(
  "market_trades",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    txHash: text("tx_hash").notNull(),
    logIndex: integer("log_index").notNull(),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    tradedAt: timestamptz("traded_at").notNull(),
    orderId: numeric("order_id").notNull(),
    token: text("token").notNull(),
    /** Side of the resting (maker) order. */
    makerSide: text("maker_side", { enum: marketOrderSides }).notNull(),
    buyer: text("buyer").notNull(),
    seller: text("seller").notNull(),
    shares: numeric("shares").notNull(),
    price: numeric("price").notNull(),
    fee: numeric("fee").notNull(),
  },
  (t) => [
    uniqueIndex("market_trades_tx_log_idx").on(t.txHash, t.logIndex),
    index("market_trades_token_time_idx").on(t.token, t.tradedAt),
    index("market_trades_buyer_idx").on(t.buyer),
    index("market_trades_seller_idx").on(t.seller),
    index("market_trades_block_idx").on(t.blockNumber),
  ],
);
export type MarketTrade = InferSelectModel<typeof marketTrades>;

// ---------------------------------------------------------------------------------------------
// KYC applications and documents (issue 5: onboarding and the compliance review queue)

export const kycDocumentKinds = ["identity", "address", "professional"] as const;
export type KycDocumentKind = (typeof kycDocumentKinds)[number];
export const kycDocumentKind = pgEnum("kyc_document_kind", kycDocumentKinds);

/** The wizard's answers, saved step by step (validated per step in lib/kyc; complete only at submission). */
export type KycApplicationData = {
  personal?: { legalName: string; dateOfBirth: string; email: string; phone: string; address: string };
  residence?: { nationality: string; residence: string };
  category?: {
    category: "retail" | "professional";
    /** Professional only: declared portfolio in whole HKD, and when the declaration was made. */
    portfolioHkd?: number;
    declaredAt?: string;
  };
  questionnaire?: { answers: Record<string, string>; score: number; total: number; passed: boolean; at: string };
  /**
   * One entry per risk acknowledged: the disclosure version, the language shown and the SHA-256 of the exact
   * title + text the investor read (older entries may lack the last two).
   */
  disclosures?: { key: string; version: string; acknowledgedAt: string; locale?: string; textSha256?: string }[];
};
export type KycNote = { by: string; at: string; text: string };

/**
 * One application per attempt (a rejected investor starts a new one). `status` follows lib/kyc/state.ts;
 * `investors.kyc_status` mirrors the latest application's status for the rest of the portal.
 */
export const kycApplications = pgTable(
  "kyc_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    investorId: uuid("investor_id")
      .notNull()
      .references(() => investors.id, { onDelete: "cascade" }),
    /** The wallet that applied (and is registered on approval). */
    wallet: text("wallet").notNull(),
    status: kycStatus("status").notNull().default("draft"),
    data: jsonb("data").$type<KycApplicationData>().notNull().default({}),
    submittedAt: timestamptz("submitted_at"),
    decidedAt: timestamptz("decided_at"),
    decidedBy: text("decided_by"),
    /** Shown to the investor. */
    rejectionReason: text("rejection_reason"),
    /** Compliance's request, shown to the investor; and the investor's answer. */
    infoRequest: text("info_request"),
    infoResponse: text("info_response"),
    /** Four eyes (professional investors): the first officer's pre-approval. */
    preApprovedBy: text("pre_approved_by"),
    preApprovedAt: timestamptz("pre_approved_at"),
    approvalTxHash: text("approval_tx_hash"),
    checklist: jsonb("checklist").$type<Record<string, boolean>>().notNull().default({}),
    notes: jsonb("notes").$type<KycNote[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("kyc_applications_investor_idx").on(t.investorId),
    index("kyc_applications_status_idx").on(t.status, t.submittedAt),
    addressCheck("kyc_applications_wallet_format", t.wallet),
    addressCheck("kyc_applications_decided_by_format", t.decidedBy),
    addressCheck("kyc_applications_pre_approved_by_format", t.preApprovedBy),
  ],
);
export type KycApplication = InferSelectModel<typeof kycApplications>;

/**
 * A verified investor's request to link another wallet. Both wallets sign (EIP-191) a message that names the
 * request, the investor's current wallet and the new one; then a compliance officer registers the link on-chain
 * (`IdentityRegistry.linkWallet`) from their own wallet. States: awaiting_signatures → submitted → linked, or
 * rejected / cancelled / expired. The signed messages are kept as the proof.
 */
export const walletLinkStatuses = [
  "awaiting_signatures",
  "submitted",
  "linked",
  "rejected",
  "cancelled",
  "expired",
] as const;
export type WalletLinkStatus = (typeof walletLinkStatuses)[number];
export const walletLinkStatus = pgEnum("wallet_link_status", walletLinkStatuses);

export const walletLinkRequests = pgTable(
  "wallet_link_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    investorId: uuid("investor_id")
      .notNull()
      .references(() => investors.id, { onDelete: "cascade" }),
    /** The signed-in wallet that asked (already linked to the investor). */
    currentWallet: text("current_wallet").notNull(),
    /** Known once the new wallet has signed. */
    newWallet: text("new_wallet"),
    nonce: text("nonce").notNull(),
    status: walletLinkStatus("status").notNull().default("awaiting_signatures"),
    currentMessage: text("current_message").notNull(),
    currentSignature: text("current_signature"),
    newMessage: text("new_message"),
    newSignature: text("new_signature"),
    /** Signatures must be given before this; a submitted request waits for review without a deadline. */
    signBefore: timestamptz("sign_before").notNull(),
    submittedAt: timestamptz("submitted_at"),
    decidedAt: timestamptz("decided_at"),
    decidedBy: text("decided_by"),
    rejectionReason: text("rejection_reason"),
    linkTxHash: text("link_tx_hash"),
    /**
     * Set when a compliance officer opened the request from the console (the investor's current wallet does not
     * sign then): the new wallet must still sign in the portal, and another officer registers the link.
     */
    initiatedBy: text("initiated_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("wallet_link_requests_investor_idx").on(t.investorId),
    index("wallet_link_requests_status_idx").on(t.status, t.submittedAt),
    // At most one open request per investor, and one open request per new wallet.
    uniqueIndex("wallet_link_requests_one_open_idx")
      .on(t.investorId)
      .where(sql`${t.status} IN ('awaiting_signatures', 'submitted')`),
    uniqueIndex("wallet_link_requests_new_wallet_open_idx")
      .on(t.newWallet)
      .where(sql`${t.status} = 'submitted'`),
    addressCheck("wallet_link_requests_current_wallet_format", t.currentWallet),
    addressCheck("wallet_link_requests_new_wallet_format", t.newWallet),
    addressCheck("wallet_link_requests_decided_by_format", t.decidedBy),
    addressCheck("wallet_link_requests_initiated_by_format", t.initiatedBy),
  ],
);
export type WalletLinkRequest = InferSelectModel<typeof walletLinkRequests>;

/**
 * An investor's request to unlink one of their wallets; a compliance officer unlinks it on-chain
 * (`IdentityRegistry.unlinkWallet`). Refused while the wallet holds shares or has open market orders.
 * States: requested → unlinked, or cancelled.
 */
export const walletUnlinkStatuses = ["requested", "unlinked", "cancelled"] as const;
export const walletUnlinkStatus = pgEnum("wallet_unlink_status", walletUnlinkStatuses);
export const walletUnlinkRequests = pgTable(
  "wallet_unlink_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    investorId: uuid("investor_id")
      .notNull()
      .references(() => investors.id, { onDelete: "cascade" }),
    wallet: text("wallet").notNull(),
    /** The investor's signed-in wallet that asked (never the wallet to unlink). */
    requestedBy: text("requested_by").notNull(),
    status: walletUnlinkStatus("status").notNull().default("requested"),
    decidedAt: timestamptz("decided_at"),
    decidedBy: text("decided_by"),
    txHash: text("tx_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("wallet_unlink_requests_investor_idx").on(t.investorId),
    uniqueIndex("wallet_unlink_requests_open_idx")
      .on(t.wallet)
      .where(sql`${t.status} = 'requested'`),
    addressCheck("wallet_unlink_requests_wallet_format", t.wallet),
    addressCheck("wallet_unlink_requests_requested_by_format", t.requestedBy),
    addressCheck("wallet_unlink_requests_decided_by_format", t.decidedBy),
  ],
);
export type WalletUnlinkRequest = InferSelectModel<typeof walletUnlinkRequests>;

/** Uploaded KYC documents: the file is AES-256-GCM encrypted at `file_path` (relative to the files folder). */
export const kycDocuments = pgTable(
  "kyc_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => kycApplications.id, { onDelete: "cascade" }),
    kind: kycDocumentKind("kind").notNull(),
    originalName: text("original_name").notNull(),
    /** Detected from the content (magic bytes), never from the name. */
    mime: text("mime").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** 0x-prefixed SHA-256 of the plaintext. */
    sha256: text("sha256").notNull(),
    filePath: text("file_path").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("kyc_documents_application_idx").on(t.applicationId),
    check("kyc_documents_sha256_format", sql`${t.sha256} ~ '^0x[0-9a-f]{64}$'`),
  ],
);
export type KycDocument = InferSelectModel<typeof kycDocuments>;

// ---------------------------------------------------------------------------------------------
// Artwork updates (issue 7: an issuer's valuation, condition, exhibition and custody updates)

export const artworkUpdateKinds = ["valuation", "condition", "exhibition", "custody"] as const;
export type ArtworkUpdateKind = (typeof artworkUpdateKinds)[number];
export const artworkUpdateKind = pgEnum("artwork_update_kind", artworkUpdateKinds);

/**
 * An update an issuer publishes about a listed artwork. Its PDFs are rows of `artwork_documents`
 * (listed in `document_ids`); it is visible to investors only once `published_at` is set, which happens
 * only after the server has read each document's SHA-256 back from the token's on-chain registry.
 */
export const artworkUpdates = pgTable(
  "artwork_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    artworkId: uuid("artwork_id")
      .notNull()
      .references(() => artworks.id, { onDelete: "cascade" }),
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
    addressCheck("artwork_updates_author_format", t.author),
    check("artwork_updates_valuation_value", sql`(${t.kind} = 'valuation') = (${t.value} IS NOT NULL)`),
    check("artwork_updates_tx_hash_format", sql`${t.txHash} IS NULL OR ${t.txHash} ~ '^0x[0-9a-f]{64}$'`),
  ],
);
export type ArtworkUpdate = InferSelectModel<typeof artworkUpdates>;
export * from "./schema-distributions";
