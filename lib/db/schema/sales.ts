/**
 * Sales of artworks voted on by their holders (issue 15): the server's record of each vote it prepared — the buyer's
 * offer, the thresholds, the weights tree document whose SHA-256 is anchored with its root — and every holder's
 * voting weight with its Merkle proof; and the indexer's projection of the sale contract's events. The chain stays
 * the truth of the tally, the outcome and the redemptions. Amounts are payment-token base units (6 decimals) as
 * numeric. Re-exported by `schema/index.ts`.
 */
import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { check, integer, numeric, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import {
  anchoredTreeConstraints,
  anchoredTreeHead,
  anchoredTreeRecord,
  blockNumber,
  bytes32Check,
  createdAt,
  leafProof,
  ownedBy,
  projectedRecordConstraints,
  projectedRecordHead,
  publishedTree,
  timestamptz,
  treeLeaf,
  treeLeafConstraints,
} from "./columns";

/** A sale vote's terms, as the server prepared them and as the sale contract holds them. */
const saleTerms = () => ({
  buyer: text("buyer").notNull(),
  /** The price of the whole artwork, payment-token base units, whole cents. */
  price: numeric("price").notNull(),
  recordBlock: blockNumber("record_block").notNull(),
  /** The token's supply at the record block (the quorum's base). */
  supply: numeric("supply").notNull(),
  votingEnds: timestamptz("voting_ends").notNull(),
  quorumBps: integer("quorum_bps").notNull(),
  approvalBps: integer("approval_bps").notNull(),
});

export const sales = pgTable(
  "sales",
  {
    /** The ArtworkSale contract. */
    ...anchoredTreeHead("saleContract", "sale_contract"),
    ...saleTerms(),
    offerHash: text("offer_hash").notNull(),
    /** The offer document's file name as uploaded (its SHA-256 is `offer_hash`). */
    offerName: text("offer_name").notNull(),
    /** The weights tree; the sale contract's id is set once `openSale` is mined. */
    ...anchoredTreeRecord(),
    openTxHash: text("open_tx_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    ...anchoredTreeConstraints(
      "sales",
      t,
      { contract: t.saleContract, tx: t.openTxHash, txCheck: "open_tx", amount: t.price, amountCheck: "price" },
      [t.saleContract, t.token, t.buyer, t.createdBy],
    ),
    bytes32Check("sales_offer_hash_format", t.offerHash),
  ],
);
export type SaleRow = InferSelectModel<typeof sales>;

/** One leaf of a sale's weights tree: the holder's shares at the record block and its proof. */
export const saleWeights = pgTable(
  "sale_weights",
  {
    saleId: ownedBy("sale_id", () => sales.id),
    ...treeLeaf(),
    weight: numeric("weight").notNull(),
    proof: leafProof(),
  },
  (t) => [
    ...treeLeafConstraints("sale_weights", t.saleId, t),
    check("sale_weights_weight_positive", sql`${t.weight} > 0`),
  ],
);

/** A sale's state on-chain as the indexer last projected it. */
export const saleStatus = pgEnum("sale_status", ["voting", "approved", "rejected"]);

/**
 * The indexer's projection of the sale contract's events (`lib/sale/projection.ts`), one row per on-chain sale,
 * rebuilt from `chain_events` (reorg-safe, idempotent): the terms, the running tally, the outcome and redemptions.
 */
export const saleStates = pgTable(
  "sale_states",
  {
    ...projectedRecordHead("saleContract", "sale_contract"),
    ...saleTerms(),
    ...publishedTree(),
    offerHash: text("offer_hash").notNull(),
    offerURI: text("offer_uri").notNull(),
    openedAt: timestamptz("opened_at").notNull(),
    openTxHash: text("open_tx_hash").notNull(),
    forVotes: numeric("for_votes").notNull().default("0"),
    againstVotes: numeric("against_votes").notNull().default("0"),
    /** Leaves that have voted (a changed vote counts once). */
    voters: integer("voters").notNull().default(0),
    status: saleStatus("status").notNull().default("voting"),
    supplyAtClose: numeric("supply_at_close"),
    refunded: numeric("refunded"),
    finalizedAt: timestamptz("finalized_at"),
    finalizeTxHash: text("finalize_tx_hash"),
    redeemedShares: numeric("redeemed_shares").notNull().default("0"),
    redeemedAmount: numeric("redeemed_amount").notNull().default("0"),
    redemptions: integer("redemptions").notNull().default(0),
    sweptAmount: numeric("swept_amount").notNull().default("0"),
  },
  (t) => projectedRecordConstraints("sale_states", t.saleContract, t, t.buyer),
);
export type SaleStateRow = InferSelectModel<typeof saleStates>;
